package io.steadfast.streak.internal.store;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A habit's statistics engine state.
 *
 * @param state           the engine's serialised state (opaque to storage)
 * @param computedThrough the last date the state includes
 * @param revision        the habit's revision the state reflects (every change up to it)
 */
public record StatsRow(UUID habitId, String state, LocalDate computedThrough, Instant updatedAt, long revision) {

    /** A state of revision 0. */
    public StatsRow(UUID habitId, String state, LocalDate computedThrough, Instant updatedAt) {
        this(habitId, state, computedThrough, updatedAt, 0);
    }
}
