package io.steadfast.habit.dto;

import java.math.BigDecimal;
import java.time.LocalDate;

import io.steadfast.habit.api.Goal;

/**
 * The JSON form of a measurement habit's {@link Goal}: {@code {"value":70,"direction":"down","by":"2026-06-01"}}.
 * The habit service validates it (each field named {@code goal.value}, {@code goal.direction}, {@code goal.by}).
 *
 * @param value     the value to reach
 * @param direction {@code down} or {@code up}
 * @param by        the day to reach it by
 * @since 1.1
 */
public record GoalSpec(BigDecimal value, String direction, LocalDate by) {

    /** The form of a goal; {@code null} for none. */
    public static GoalSpec of(Goal goal) {
        return goal == null ? null : new GoalSpec(goal.value(), goal.direction().code(), goal.by());
    }
}
