package io.steadfast.calendar.internal.store;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The scheduler's timers. A node claims due timers for a while (a lease on the platform clock) with a claim token
 * of its own; only the holder of the token moves a timer on, so that of two nodes that both saw a timer due, one
 * hands it out.
 */
public interface TimerStore {

    /** Adds a timer unless one of that kind and ref exists; answers whether it was added. */
    boolean ensure(String kind, UUID refId, UUID userId, Instant dueAt, LocalDate date);

    /** Sets a timer's next moment (adds it when missing) and frees it. */
    void put(String kind, UUID refId, UUID userId, Instant dueAt, LocalDate date);

    boolean delete(String kind, UUID refId);

    Optional<TimerRow> find(String kind, UUID refId);

    List<TimerRow> ofUser(UUID userId);

    /** Claims up to {@code max} timers due at {@code now} that nobody holds, until {@code until}, with {@code claim}. */
    List<TimerRow> claim(String claim, Instant now, Instant until, int max);

    /** Moves a claimed timer to its next moment and frees it; {@code false} when the claim was lost. */
    boolean advance(long id, String claim, Instant dueAt, LocalDate date);

    /** Frees a claimed timer for another try at {@code retryAt}. */
    void retry(long id, String claim, Instant retryAt);

    /** Deletes a claimed timer (what it was for is gone). */
    void remove(long id, String claim);
}
