package io.steadfast.habit.internal.domain;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

import io.steadfast.habit.api.Schedule;

/** Which days a schedule makes due, by the calendar alone. */
public final class Due {

    private Due() {}

    /**
     * Whether {@code date} is due for a habit started on {@code startDate}. Nothing is due before the start date.
     * Daily: every day. Weekdays: the days of the set. Every n days: the start date and every {@code n}th day after it.
     * Per-period schedules: every day is a candidate (whether it is still due depends on the period's count, which
     * {@link Agenda} decides).
     */
    public static boolean isDue(Schedule s, LocalDate startDate, LocalDate date) {
        if (date.isBefore(startDate)) {
            return false;
        }
        if (s instanceof Schedule.Daily || s instanceof Schedule.PerPeriod) {
            return true;
        } else if (s instanceof Schedule.Weekdays w) {
            return w.days().contains(date.getDayOfWeek());
        } else if (s instanceof Schedule.EveryNDays e) {
            return ChronoUnit.DAYS.between(startDate, date) % e.n() == 0;
        }
        throw new IllegalArgumentException("unknown schedule: " + s);
    }
}
