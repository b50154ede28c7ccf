package io.steadfast.calendar.internal.store;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.steadfast.calendar.internal.domain.ReminderRule;

/** Reminders, each with its timer (written in one transaction). */
public interface ReminderStore {

    /** Stores a reminder and its first moment. */
    void create(ReminderRule r, Instant nextAt, LocalDate nextDate);

    /** Replaces a reminder of its user and moves its timer; {@code false} when it is gone. */
    boolean update(ReminderRule r, Instant nextAt, LocalDate nextDate);

    Optional<ReminderRule> find(UUID id);

    /** The habit's reminders, by time of day. */
    List<ReminderRule> ofHabit(UUID userId, UUID habitId);

    /** All of the user's reminders. */
    List<ReminderRule> ofUser(UUID userId);

    /** How many reminders the user's habit has. */
    int countOfHabit(UUID userId, UUID habitId);

    /** Deletes a reminder of the user's habit and its timer. */
    boolean delete(UUID userId, UUID habitId, UUID id);

    /** Deletes every reminder of a habit with their timers; answers how many. */
    int deleteOfHabit(UUID userId, UUID habitId);
}
