package io.steadfast.streak.internal.engine;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

import io.steadfast.habit.api.DayState;

/**
 * One evaluated day of a habit, the engine's input, as the habit bundle's calendar reports it.
 * <p>
 * For days that have ended (before the user's today) the habit bundle already settled the state: a due day without a
 * record is {@link DayState#MISSED}, a {@code limit} habit's day without a record is {@link DayState#DONE}. The
 * user's today is still in progress and may be {@link DayState#PENDING} or {@link DayState#PARTIAL}.
 *
 * @param date  the date
 * @param due   whether the habit was due on the date (for per-period schedules: whether the period's count was still
 *              open, or the day itself was done)
 * @param state what became of the day
 * @param value the day's value (progress) when it has one, else {@code null}
 */
public record Day(LocalDate date, boolean due, DayState state, BigDecimal value) {

    public Day {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(state, "state");
    }

    /** A day without a value. */
    public static Day of(LocalDate date, boolean due, DayState state) {
        return new Day(date, due, state, null);
    }
}
