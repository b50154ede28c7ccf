package io.steadfast.habit.internal.store;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;

/**
 * A stored vacation: the days {@code from} to {@code to} (both included) on which habits are paused.
 *
 * @param habitIds the paused habits, or {@code null} for all of the user's habits
 */
public record VacationRow(UUID id, UUID userId, LocalDate from, LocalDate to, Set<UUID> habitIds, Instant createdAt) {

    public VacationRow {
        habitIds = habitIds == null ? null : Set.copyOf(habitIds);
    }

    /** Whether the vacation pauses the habit on the date. */
    public boolean pauses(UUID habitId, LocalDate date) {
        return !date.isBefore(from) && !date.isAfter(to) && (habitIds == null || habitIds.contains(habitId));
    }
}
