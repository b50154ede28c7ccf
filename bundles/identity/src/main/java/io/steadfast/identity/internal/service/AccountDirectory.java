package io.steadfast.identity.internal.service;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Optional;
import java.util.UUID;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.event.EventAdmin;

import io.steadfast.api.account.AccountEvents;
import io.steadfast.api.account.UserDirectory;
import io.steadfast.api.account.UserProfile;
import io.steadfast.api.cache.MessageBus;
import io.steadfast.identity.internal.IdentityConfig;
import io.steadfast.identity.internal.store.UserRow;
import io.steadfast.identity.internal.store.UserStore;

/**
 * The {@link UserDirectory} other bundles read users' profiles from (time zone, week start, day start) on most
 * requests: kept in this node's {@link LocalTier} for a few seconds, so the common read costs no query. Whoever
 * changes a profile calls {@link #changed} once the change committed, which drops the profile on every node
 * (through {@link #CHANNEL}) and posts {@link AccountEvents#TOPIC_PROFILE_CHANGED} on this node; a deletion calls
 * {@link #removed}, which only drops it.
 */
@Component(
        service = {UserDirectory.class, AccountDirectory.class},
        configurationPid = IdentityConfig.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
public class AccountDirectory implements UserDirectory {

    /** The {@link MessageBus} channel of changed profiles; a message is the user's id. */
    public static final String CHANNEL = "identity.profile-changed";

    private final UserStore users;
    private final EventAdmin events;
    private final LocalTier<UserProfile> local;

    @Activate
    public AccountDirectory(
            @Reference UserStore users, @Reference EventAdmin events, @Reference Clock clock, IdentityConfig config) {
        this.users = users;
        this.events = events;
        this.local = new LocalTier<>(CHANNEL, clock, id -> {});
        modified(config);
    }

    @Modified
    void modified(IdentityConfig c) {
        local.configure(Duration.ofSeconds(c.localCache_seconds()), c.localCache_maxEntries());
    }

    @Reference(policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    void setBus(MessageBus bus) {
        local.bind(bus);
    }

    void unsetBus(MessageBus bus) {
        local.unbind(bus);
    }

    @Override
    public Optional<UserProfile> find(UUID userId) {
        String key = userId.toString();
        Optional<UserProfile> hit = local.get(key);
        if (hit.isPresent()) {
            return hit;
        }
        LocalTier.Stamp seen = local.stamp();
        Optional<UserProfile> profile = users.find(userId).map(AccountDirectory::profile);
        profile.ifPresent(p -> local.put(key, p, null, seen));
        return profile;
    }

    @Override
    public Optional<UserProfile> findByEmail(String email) {
        if (email == null || email.isBlank()) {
            return Optional.empty();
        }
        return users.findByEmail(email).map(AccountDirectory::profile);
    }

    /** Read from the database each time: a calendar app asks for its feed a few times an hour at most. */
    @Override
    public long credentialsEpoch(UUID userId) {
        return users.credentialsEpoch(userId);
    }

    @Override
    public java.util.List<String> emailsStartingWith(String prefix, int limit) {
        return users.emailsStartingWith(prefix, limit);
    }

    /**
     * The account's profile changed (committed): every node reads it afresh, and this node's listeners of
     * {@link AccountEvents#TOPIC_PROFILE_CHANGED} hear of it.
     */
    public void changed(UUID userId) {
        local.invalidate(userId.toString());
        events.postEvent(AccountEvents.profileChanged(userId));
    }

    /** The account is gone: every node forgets its profile. */
    public void removed(UUID userId) {
        local.invalidate(userId.toString());
    }

    private static UserProfile profile(UserRow u) {
        return new UserProfile(
                u.id(),
                u.email(),
                u.displayName(),
                ZoneId.of(u.timezone()),
                DayOfWeek.valueOf(u.weekStart()),
                u.dayStartsAt(),
                u.role(),
                u.createdAt(),
                u.alerts());
    }
}
