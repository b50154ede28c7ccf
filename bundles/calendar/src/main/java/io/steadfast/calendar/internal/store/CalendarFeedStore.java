package io.steadfast.calendar.internal.store;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.osgi.annotation.versioning.ProviderType;

/** The secret of each user's calendar feed URL (only its hash is stored). */
@ProviderType
public interface CalendarFeedStore {

    /** Creates or replaces the user's feed secret, made in the account's credential epoch {@code epoch}. */
    void put(UUID userId, String tokenHash, Instant now, long epoch);

    /** Removes the user's feed secret; whether there was one. */
    boolean delete(UUID userId);

    /** The feed with this secret's hash. */
    Optional<Feed> find(String tokenHash);

    /** A feed secret's owner, when it was made, and in which of the account's credential epochs. */
    record Feed(UUID userId, Instant createdAt, long epoch) {}
}
