package io.steadfast.streak.internal.service;

import java.util.UUID;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.steadfast.api.account.UserDataContributor;

/** Adds the earned achievements to the account export. */
@Component(service = UserDataContributor.class)
public class AchievementDataContributor implements UserDataContributor {

    private final AchievementService achievements;
    private final StatsService stats;

    @Activate
    public AchievementDataContributor(@Reference AchievementService achievements, @Reference StatsService stats) {
        this.achievements = achievements;
        this.stats = stats;
    }

    @Override
    public String section() {
        return "achievements";
    }

    @Override
    public Object export(UUID userId) {
        return achievements.list(userId, stats).earned();
    }
}
