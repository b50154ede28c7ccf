package io.steadfast.identity.internal.service;

import java.time.DayOfWeek;
import java.time.ZoneId;
import java.util.Optional;
import java.util.UUID;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.steadfast.api.account.UserDirectory;
import io.steadfast.api.account.UserProfile;
import io.steadfast.identity.internal.store.UserStore;

/** The {@link UserDirectory} other bundles read users' profiles from (time zone, week start, day start). */
@Component(service = UserDirectory.class)
public class AccountDirectory implements UserDirectory {

    private final UserStore users;

    @Activate
    public AccountDirectory(@Reference UserStore users) {
        this.users = users;
    }

    @Override
    public Optional<UserProfile> find(UUID userId) {
        return users.find(userId)
                .map(u -> new UserProfile(
                        u.id(),
                        u.email(),
                        u.displayName(),
                        ZoneId.of(u.timezone()),
                        DayOfWeek.valueOf(u.weekStart()),
                        u.dayStartsAt(),
                        u.role(),
                        u.createdAt()));
    }
}
