package io.steadfast.calendar.internal.store;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * The next moment of something that happens at a time.
 *
 * @param kind  {@link #DAY_END}, {@link #REMINDER} or {@link #STREAK_CHECK}
 * @param refId the reminder's id, or the user's
 * @param date  the user's day the moment belongs to (for a day end: the day that ends)
 */
public record TimerRow(long id, String kind, UUID refId, UUID userId, Instant dueAt, LocalDate date, int attempts) {

    public static final String DAY_END = "DAY_END";
    public static final String REMINDER = "REMINDER";
    public static final String STREAK_CHECK = "STREAK_CHECK";
}
