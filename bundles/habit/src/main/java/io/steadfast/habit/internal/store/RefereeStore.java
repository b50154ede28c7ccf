package io.steadfast.habit.internal.store;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** What a referee sees and decides of the habits they referee. */
public interface RefereeStore {

    /**
     * A done day waiting for its referee.
     *
     * @param shareNotes whether the owner shares the habit's notes (the note is in {@code row} either way)
     */
    record Waiting(UUID ownerId, UUID habitId, String habitName, boolean shareNotes, CheckinRow row) {}

    /** A habit's days from {@code from} on that a referee was asked about, by date, with the habit's referee now. */
    record Asked(String habitName, UUID refereeId, CheckinRow row) {}

    List<Asked> asked(UUID ownerId, UUID habitId, LocalDate from);

    /** The days waiting for {@code refereeId}, the oldest first, at most {@code limit}. */
    List<Waiting> waiting(UUID refereeId, int limit);

    /** The owner of a habit {@code refereeId} referees; empty for any other habit. */
    Optional<UUID> ownerOf(UUID refereeId, UUID habitId);

    /**
     * The referee's verdict on a done day of a habit they referee (again, if they change their mind), recorded in the
     * outbox with the day; the record as it is now, or empty when there is no done day to judge.
     */
    Optional<CheckinRow> decide(UUID refereeId, UUID habitId, LocalDate date, CheckinRow.Verification verdict);

    /**
     * {@code refereeId} referees none of {@code ownerId}'s habits any more: the role goes and the days that waited for
     * them count as confirmed. Answers how many habits lost their referee.
     */
    int release(UUID ownerId, UUID refereeId, Instant at);

    /** The habit's days that waited for a referee count as confirmed (its referee was removed or replaced). */
    int confirmWaiting(UUID habitId, Instant at);
}
