package io.steadfast.calendar.api;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;

/**
 * A reminder that is due.
 *
 * @param reminderId the reminder
 * @param userId     the habit's owner
 * @param habitId    the habit
 * @param habitName  its name at the time
 * @param date       the user's day it reminds of
 * @param time       the local time it was set for
 * @param dueAt      the instant it was due
 * @param channelIds the channels it goes to; empty for all of the user's channels
 */
public record ReminderDue(
        UUID reminderId,
        UUID userId,
        UUID habitId,
        String habitName,
        LocalDate date,
        LocalTime time,
        Instant dueAt,
        List<UUID> channelIds) {

    public ReminderDue {
        channelIds = channelIds == null ? List.of() : List.copyOf(channelIds);
    }

    /** A key that is the same for every hand-over of this reminder on this day (for de-duplication). */
    public String key() {
        return "reminder:" + reminderId + ":" + date;
    }
}
