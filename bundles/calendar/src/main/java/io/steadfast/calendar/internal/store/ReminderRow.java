package io.steadfast.calendar.internal.store;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * A habit's reminder.
 *
 * @param days       the weekdays it fires on, or {@code null} for the habit's due days
 * @param channelIds the channels it goes to; empty for all of the user's channels
 */
public record ReminderRow(
        UUID id,
        UUID userId,
        UUID habitId,
        LocalTime time,
        Set<DayOfWeek> days,
        boolean onlyIfNotDone,
        List<UUID> channelIds,
        Instant createdAt,
        Instant updatedAt) {

    public ReminderRow {
        days = days == null ? null : Set.copyOf(days);
        channelIds = channelIds == null ? List.of() : List.copyOf(channelIds);
    }
}
