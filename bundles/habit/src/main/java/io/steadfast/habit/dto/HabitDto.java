package io.steadfast.habit.dto;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import io.steadfast.habit.api.HabitInfo;

/**
 * A habit as the API shows it (in {@code GET /habits/{id}}, in the day's agenda, ...).
 *
 * @param goal       a measurement habit's goal, or {@code null}
 * @param visibility who sees the habit besides its owner: {@code private} or {@code partners}
 * @param shareNotes    whether they also see the notes of its days
 * @param refereeUserId the partner who confirms or disputes its done days, or {@code null}
 * @param groupIds      the groups whose members see it (visibility {@code groups})
 */
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
        Instant createdAt,
        GoalSpec goal,
        String visibility,
        boolean shareNotes,
        UUID refereeUserId,
        List<UUID> groupIds) {

    /** A private habit (the form before 1.2). */
    public HabitDto(
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
            Instant createdAt,
            GoalSpec goal) {
        this(
                id,
                name,
                description,
                type,
                target,
                unit,
                schedule,
                startDate,
                color,
                icon,
                archived,
                sortOrder,
                available,
                createdAt,
                goal,
                "private",
                false,
                null,
                List.of());
    }

    /** A habit without a goal (the form before 1.1). */
    public HabitDto(
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
        this(
                id,
                name,
                description,
                type,
                target,
                unit,
                schedule,
                startDate,
                color,
                icon,
                archived,
                sortOrder,
                available,
                createdAt,
                null);
    }

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
                h.createdAt(),
                GoalSpec.of(h.goal()),
                h.sharing().visibility().code(),
                h.sharing().shareNotes(),
                h.sharing().refereeUserId(),
                h.sharing().groupIds());
    }
}
