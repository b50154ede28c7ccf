package io.steadfast.habit.api;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One evaluated day of a habit.
 *
 * @param due   whether the habit is due that day
 * @param state what became of it
 * @param value the day's value (progress), or {@code null}
 */
public record DayView(LocalDate date, boolean due, DayState state, BigDecimal value) {
}
