package io.steadfast.habit.api;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.Objects;

/** Calendar weeks (starting on the user's first day of the week) and months. */
public final class Periods {

    private Periods() {}

    /**
     * A closed range of dates.
     *
     * @param start the first day
     * @param end   the last day, not before {@code start}
     */
    public record Period(LocalDate start, LocalDate end) {

        public Period {
            Objects.requireNonNull(start, "start");
            Objects.requireNonNull(end, "end");
            if (end.isBefore(start)) {
                throw new IllegalArgumentException("period ends " + end + " before it starts " + start);
            }
        }

        /** Whether the date lies in the period, ends included. */
        public boolean contains(LocalDate date) {
            return !date.isBefore(start) && !date.isAfter(end);
        }

        /** The number of days in the period. */
        public int length() {
            return (int) ChronoUnit.DAYS.between(start, end) + 1;
        }
    }

    /** The first day of the week holding {@code d}, for weeks starting on {@code weekStart}. */
    public static LocalDate weekStart(LocalDate d, DayOfWeek weekStart) {
        return d.with(TemporalAdjusters.previousOrSame(weekStart));
    }

    /** The last day of the week holding {@code d}, for weeks starting on {@code weekStart}. */
    public static LocalDate weekEnd(LocalDate d, DayOfWeek weekStart) {
        return weekStart(d, weekStart).plusDays(6);
    }

    /** The first day of the month holding {@code d}. */
    public static LocalDate monthStart(LocalDate d) {
        return d.withDayOfMonth(1);
    }

    /** The last day of the month holding {@code d}. */
    public static LocalDate monthEnd(LocalDate d) {
        return d.with(TemporalAdjusters.lastDayOfMonth());
    }

    /**
     * The period of a per-period schedule that holds {@code d}: its week for {@link Schedule.TimesPerWeek}, its month
     * for {@link Schedule.TimesPerMonth}.
     *
     * @throws IllegalArgumentException for a per-day schedule
     */
    public static Period periodOf(Schedule s, LocalDate d, DayOfWeek weekStart) {
        if (s instanceof Schedule.TimesPerWeek) {
            return new Period(weekStart(d, weekStart), weekEnd(d, weekStart));
        } else if (s instanceof Schedule.TimesPerMonth) {
            return new Period(monthStart(d), monthEnd(d));
        }
        throw new IllegalArgumentException("not a per-period schedule: " + s);
    }
}
