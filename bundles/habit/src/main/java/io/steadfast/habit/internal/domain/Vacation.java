package io.steadfast.habit.internal.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;

/**
 * A vacation: the days {@code from} to {@code to} (both included) on which habits are paused.
 *
 * @param habitIds the paused habits, or {@code null} for all of the user's habits
 */
public record Vacation(UUID id, LocalDate from, LocalDate to, Set<UUID> habitIds, Instant createdAt) {

    public Vacation {
        habitIds = habitIds == null ? null : Set.copyOf(habitIds);
    }
}
