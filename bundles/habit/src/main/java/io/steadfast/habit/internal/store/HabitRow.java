package io.steadfast.habit.internal.store;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A stored habit.
 *
 * @param typeKey  the {@code HabitType} key
 * @param schedule  the schedule in the habit bundle's compact text form (opaque to storage)
 * @param createdOn the owner's day when the habit was created (decided once, at creation)
 */
public record HabitRow(
        UUID id,
        UUID userId,
        String name,
        String description,
        String typeKey,
        BigDecimal target,
        String unit,
        String schedule,
        LocalDate startDate,
        String color,
        String icon,
        boolean archived,
        int sortOrder,
        Instant createdAt,
        Instant updatedAt,
        LocalDate createdOn) {}
