package io.steadfast.habit.internal.domain;

import java.math.BigDecimal;
import java.time.LocalDate;

import io.steadfast.habit.api.Schedule;

/**
 * What a user asks a habit to be: every field for a new habit, the fields present ({@code null} elsewhere) for a
 * change.
 */
public record HabitDraft(
        String name,
        String description,
        String type,
        BigDecimal target,
        String unit,
        Schedule schedule,
        LocalDate startDate,
        String color,
        String icon,
        Boolean archived) {}
