package io.steadfast.calendar.internal.domain;

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
public record ReminderRule(
        UUID id,
        UUID userId,
        UUID habitId,
        LocalTime time,
        Set<DayOfWeek> days,
        boolean onlyIfNotDone,
        List<UUID> channelIds,
        Instant createdAt,
        Instant updatedAt) {

    public ReminderRule {
        days = days == null ? null : Set.copyOf(days);
        channelIds = channelIds == null ? List.of() : List.copyOf(channelIds);
    }
}
