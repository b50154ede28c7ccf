package io.steadfast.habit.api;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One evaluated day of a habit.
 *
 * @param due    whether the habit is due that day
 * @param state  what became of it
 * @param value  the day's value (progress), or {@code null}
 * @param target the habit's target, or {@code null}
 * @param period for per-week and per-month schedules, the period holding the day; otherwise {@code null}
 */
public record DayView(
        LocalDate date, boolean due, DayState state, BigDecimal value, BigDecimal target, PeriodView period) {

    /**
     * How far a per-period habit is in the period holding a day.
     *
     * @param done  the done days of the period up to the owner's today (or its end, once over)
     * @param times the done days the period asks for
     */
    public record PeriodView(int done, int times, LocalDate start, LocalDate end) {}
}
