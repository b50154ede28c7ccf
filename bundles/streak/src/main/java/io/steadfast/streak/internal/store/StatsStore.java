package io.steadfast.streak.internal.store;

import java.util.Optional;
import java.util.UUID;

import org.osgi.annotation.versioning.ProviderType;

/** Statistics state per habit. */
@ProviderType
public interface StatsStore {

    Optional<StatsRow> find(UUID habitId);

    /**
     * Inserts, or replaces a state of the same or an earlier revision; a stored state of a later revision stays.
     *
     * @return whether the row was stored
     */
    boolean put(StatsRow row);

    void delete(UUID habitId);
}
