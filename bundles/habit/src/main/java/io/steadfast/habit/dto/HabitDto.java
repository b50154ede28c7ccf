package io.steadfast.habit.dto;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import io.steadfast.habit.api.HabitInfo;

/** A habit as the API shows it (in {@code GET /habits/{id}}, in the day's agenda, ...). */
public record HabitDto(
        UUID id,
        String name,
        String description,
        String type,
        BigDecimal target,
        String unit,
        ScheduleSpec schedule,
        LocalDate startDate,
        String color,
        String icon,
        boolean archived,
        int sortOrder,
        boolean available,
        Instant createdAt) {

    public static HabitDto of(HabitInfo h) {
        return new HabitDto(
                h.id(),
                h.name(),
                h.description(),
                h.type(),
                h.target(),
                h.unit(),
                ScheduleSpec.of(h.schedule()),
                h.startDate(),
                h.color(),
                h.icon(),
                h.archived(),
                h.sortOrder(),
                h.available(),
                h.createdAt());
    }
}
