package io.steadfast.calendar.internal.domain;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Set;

import io.steadfast.api.time.UserDay;

/**
 * When a reminder fires: at its local time on each of its weekdays of the user's day, in the user's time zone. A
 * local time that does not exist on a day (a daylight saving gap) fires at the first minute after the gap; one that
 * exists twice (an overlap) fires once, at the earlier instant (see {@link UserDay#at}).
 */
public final class ReminderTimes {

    private ReminderTimes() {}

    /**
     * A moment of the user's day.
     *
     * @param date the user's day
     * @param at   the instant
     */
    public record Moment(LocalDate date, Instant at) {}

    /**
     * The first moment strictly after {@code after} at which a reminder at {@code time} fires.
     *
     * @param days the weekdays it fires on; {@code null} for every day (the habit's due days are checked when it
     *             fires)
     */
    public static Moment next(LocalTime time, Set<DayOfWeek> days, ZoneId zone, int dayStartsAt, Instant after) {
        if (days != null && days.isEmpty()) {
            throw new IllegalArgumentException("a reminder fires on at least one weekday");
        }
        LocalDate day = UserDay.today(after, zone, dayStartsAt).minusDays(1);
        for (int i = 0; i < 10; i++, day = day.plusDays(1)) {
            if (days != null && !days.contains(day.getDayOfWeek())) {
                continue;
            }
            Instant at = UserDay.at(day, time, zone, dayStartsAt);
            if (at.isAfter(after)) {
                return new Moment(day, at);
            }
        }
        throw new IllegalStateException("no moment within ten days for " + time + " on " + days);
    }

    /** The next end of the user's day: the day that ends and when, strictly after {@code after}. */
    public static Moment nextDayEnd(ZoneId zone, int dayStartsAt, Instant after) {
        LocalDate today = UserDay.today(after, zone, dayStartsAt);
        Instant end = UserDay.endOf(today, zone, dayStartsAt);
        return new Moment(today, end);
    }
}
