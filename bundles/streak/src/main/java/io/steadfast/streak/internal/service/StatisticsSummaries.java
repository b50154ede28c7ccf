package io.steadfast.streak.internal.service;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.steadfast.habit.api.HabitInfo;
import io.steadfast.streak.api.HabitStatistics;
import io.steadfast.streak.internal.engine.Stats;

/** {@link HabitStatistics} from {@link StatsService} (and its caches). */
@Component(service = HabitStatistics.class)
public class StatisticsSummaries implements HabitStatistics {

    private final StatsService stats;
    private final io.steadfast.streak.internal.store.AchievementStore achievements;

    @Activate
    public StatisticsSummaries(
            @Reference StatsService stats,
            @Reference io.steadfast.streak.internal.store.AchievementStore achievements) {
        this.stats = stats;
        this.achievements = achievements;
    }

    @Override
    public java.util.List<Achievement> achievements(HabitInfo habit) {
        String scope = habit.id().toString();
        return achievements.list(habit.userId()).stream()
                .filter(a -> scope.equals(a.scope()))
                .map(a -> new Achievement(
                        a.code(), AchievementService.title(a.code(), StatsService.unit(habit)), a.reachedOn()))
                .toList();
    }

    @Override
    public java.util.List<Achievement> accountAchievements(java.util.UUID userId) {
        return achievements.list(userId).stream()
                .filter(a -> AchievementService.ALL.equals(a.scope()))
                .map(a -> new Achievement(a.code(), AchievementService.title(a.code(), "days"), a.reachedOn()))
                .toList();
    }

    @Override
    public Summary summary(HabitInfo habit) {
        Stats s = stats.stats(habit);
        return new Summary(
                s.streak().current(),
                s.streak().longest(),
                s.streak().unit(),
                s.strength(),
                s.totals().doneDays(),
                s.streak().currentStart());
    }
}
