package io.steadfast.habit.api;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A habit as other bundles see it, with the owner's calendar settings.
 *
 * @param today     the owner's today (time zone and day start applied)
 * @param weekStart the owner's first day of the week
 */
public record HabitInfo(UUID id, UUID userId, String name, String type, BigDecimal target, String unit,
        Schedule schedule, LocalDate startDate, boolean archived, DayOfWeek weekStart, LocalDate today) {
}
