package io.steadfast.api.time;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;

/**
 * The user's day: a calendar date in the user's time zone that begins at {@code dayStartsAt} o'clock local time
 * rather than at midnight, so that a night owl's 1 a.m. still belongs to the evening before.
 */
public final class UserDay {

    /** The earliest hour a day may start at (plain midnight). */
    public static final int MIN_DAY_START = 0;
    /** The latest hour a day may start at. */
    public static final int MAX_DAY_START = 6;

    private UserDay() {}

    /**
     * The user's date at an instant: the local date, or the date before when the local time is before
     * {@code dayStartsAt}:00.
     *
     * @param dayStartsAt the hour the user's day starts, {@value #MIN_DAY_START} to {@value #MAX_DAY_START}
     */
    public static LocalDate today(Instant now, ZoneId zone, int dayStartsAt) {
        checkDayStart(dayStartsAt);
        LocalDateTime local = LocalDateTime.ofInstant(now, zone);
        LocalDate date = local.toLocalDate();
        return local.getHour() < dayStartsAt ? date.minusDays(1) : date;
    }

    /** Whether the user's day {@code date} is over at {@code now}: it is before the user's {@link #today}. */
    public static boolean dayEnded(LocalDate date, Instant now, ZoneId zone, int dayStartsAt) {
        return date.isBefore(today(now, zone, dayStartsAt));
    }

    /**
     * The instant the user's day {@code date} begins: {@code dayStartsAt}:00 local time. When that local time does not
     * exist (a daylight saving gap) it is moved later by the length of the gap, and when it exists twice (an overlap)
     * the earlier instant is taken — {@link java.time.ZonedDateTime}'s rules. The day ends where the next one begins.
     */
    public static Instant startOf(LocalDate date, ZoneId zone, int dayStartsAt) {
        checkDayStart(dayStartsAt);
        java.time.LocalDateTime local = date.atTime(dayStartsAt, 0);
        java.time.zone.ZoneOffsetTransition gap = zone.getRules().getTransition(local);
        if (gap != null && gap.isGap()) {
            // the start hour does not exist that day (e.g. Chatham's 02:45 -> 03:45): the day starts when the clock
            // jumps, not an hour later as ZonedDateTime's resolution would have it
            return gap.getInstant();
        }
        return local.atZone(zone).toInstant();
    }

    /**
     * The instant a local time of the user's day {@code date} happens. The user's day runs from {@code dayStartsAt}:00
     * to the next day's, so a time before that hour (a reminder at 01:00 for a day that starts at 04:00) falls on the
     * next calendar date. A local time that does not exist that day (a daylight saving gap) happens at the first
     * valid minute after it, the instant the clock jumps; one that exists twice (an overlap) happens at the earlier
     * instant only.
     */
    public static Instant at(LocalDate date, java.time.LocalTime time, ZoneId zone, int dayStartsAt) {
        checkDayStart(dayStartsAt);
        LocalDate calendarDate = time.getHour() < dayStartsAt ? date.plusDays(1) : date;
        LocalDateTime local = calendarDate.atTime(time);
        java.time.zone.ZoneOffsetTransition gap = zone.getRules().getTransition(local);
        if (gap != null && gap.isGap()) {
            return gap.getInstant();
        }
        return local.atZone(zone).toInstant();
    }

    /** The instant the user's day {@code date} ends: where the next day begins (see {@link #startOf}). */
    public static Instant endOf(LocalDate date, ZoneId zone, int dayStartsAt) {
        return startOf(date.plusDays(1), zone, dayStartsAt);
    }

    private static void checkDayStart(int dayStartsAt) {
        if (dayStartsAt < MIN_DAY_START || dayStartsAt > MAX_DAY_START) {
            throw new IllegalArgumentException(
                    "dayStartsAt must be between " + MIN_DAY_START + " and " + MAX_DAY_START + ", was " + dayStartsAt);
        }
    }
}
