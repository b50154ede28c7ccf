package io.steadfast.habit.api;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A habit as other bundles see it, with the owner's calendar settings.
 *
 * @param type       the habit type's key ({@code boolean}, {@code count}, a plugin's key)
 * @param schedule   the current schedule
 * @param statsSince the first day that statistics with the current schedule cover (the habit's start, or the
 *                   day of the last change of schedule that changed the unit of its streaks)
 * @param available  whether the habit's type is running on this server (a plugin may be stopped)
 * @param today      the owner's today (time zone and day start applied)
 * @param weekStart  the owner's first day of the week
 * @param createdOn  the owner's day when the habit was created: days before it without a record do not count
 *                   ({@link DayState#NOT_DUE}, not due)
 * @param goal       the habit's goal (measurement habits only), or {@code null}
 * @param revision   one more with every change of the habit or its days (a record, a vacation, an edit): derived
 *                   data keyed by it is current; see {@link HabitQuery#pending} for what is not delivered yet
 *                   ({@code @since 2.2})
 * @param sharing    who sees the habit besides its owner ({@code @since 2.3}; {@link Sharing#PRIVATE} when
 *                   {@code null})
 */
public record HabitInfo(
        UUID id,
        UUID userId,
        String name,
        String description,
        String type,
        BigDecimal target,
        String unit,
        Schedule schedule,
        LocalDate startDate,
        LocalDate statsSince,
        String color,
        String icon,
        boolean archived,
        int sortOrder,
        boolean available,
        Instant createdAt,
        DayOfWeek weekStart,
        LocalDate today,
        Goal goal,
        LocalDate createdOn,
        long revision,
        Sharing sharing) {

    public HabitInfo {
        sharing = sharing == null ? Sharing.PRIVATE : sharing;
    }

    /** A private habit (the form of 2.2). */
    public HabitInfo(
            UUID id,
            UUID userId,
            String name,
            String description,
            String type,
            BigDecimal target,
            String unit,
            Schedule schedule,
            LocalDate startDate,
            LocalDate statsSince,
            String color,
            String icon,
            boolean archived,
            int sortOrder,
            boolean available,
            Instant createdAt,
            DayOfWeek weekStart,
            LocalDate today,
            Goal goal,
            LocalDate createdOn,
            long revision) {
        this(
                id,
                userId,
                name,
                description,
                type,
                target,
                unit,
                schedule,
                startDate,
                statsSince,
                color,
                icon,
                archived,
                sortOrder,
                available,
                createdAt,
                weekStart,
                today,
                goal,
                createdOn,
                revision,
                Sharing.PRIVATE);
    }

    /** A habit without a revision (the form of 2.1). */
    public HabitInfo(
            UUID id,
            UUID userId,
            String name,
            String description,
            String type,
            BigDecimal target,
            String unit,
            Schedule schedule,
            LocalDate startDate,
            LocalDate statsSince,
            String color,
            String icon,
            boolean archived,
            int sortOrder,
            boolean available,
            Instant createdAt,
            DayOfWeek weekStart,
            LocalDate today,
            Goal goal,
            LocalDate createdOn) {
        this(
                id,
                userId,
                name,
                description,
                type,
                target,
                unit,
                schedule,
                startDate,
                statsSince,
                color,
                icon,
                archived,
                sortOrder,
                available,
                createdAt,
                weekStart,
                today,
                goal,
                createdOn,
                0);
    }

    /** A habit without a goal (the form before 2.1). */
    public HabitInfo(
            UUID id,
            UUID userId,
            String name,
            String description,
            String type,
            BigDecimal target,
            String unit,
            Schedule schedule,
            LocalDate startDate,
            LocalDate statsSince,
            String color,
            String icon,
            boolean archived,
            int sortOrder,
            boolean available,
            Instant createdAt,
            DayOfWeek weekStart,
            LocalDate today) {
        this(
                id,
                userId,
                name,
                description,
                type,
                target,
                unit,
                schedule,
                startDate,
                statsSince,
                color,
                icon,
                archived,
                sortOrder,
                available,
                createdAt,
                weekStart,
                today,
                null,
                null);
    }
}
