package io.steadfast.habit.internal.store;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import io.steadfast.habit.api.Goal;
import io.steadfast.habit.api.Sharing;

/**
 * A stored habit.
 *
 * @param typeKey  the {@code HabitType} key
 * @param schedule  the schedule in the habit bundle's compact text form (opaque to storage)
 * @param goal      the goal, or {@code null}
 * @param createdOn the owner's day when the habit was created (decided once, at creation)
 * @param revision  one more with every recorded change of the habit or its days (see {@code Outbox})
 * @param sharing   who sees the habit besides its owner ({@link Sharing#PRIVATE} when {@code null})
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
        Goal goal,
        LocalDate createdOn,
        long revision,
        Sharing sharing) {

    public HabitRow {
        sharing = sharing == null ? Sharing.PRIVATE : sharing;
    }

    /** A private habit at revision 0 (before its first recorded change). */
    public HabitRow(
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
            Goal goal,
            LocalDate createdOn) {
        this(
                id,
                userId,
                name,
                description,
                typeKey,
                target,
                unit,
                schedule,
                startDate,
                color,
                icon,
                archived,
                sortOrder,
                createdAt,
                updatedAt,
                goal,
                createdOn,
                0,
                Sharing.PRIVATE);
    }

    /** A habit without a goal and creation day. */
    public HabitRow(
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
            Instant updatedAt) {
        this(
                id,
                userId,
                name,
                description,
                typeKey,
                target,
                unit,
                schedule,
                startDate,
                color,
                icon,
                archived,
                sortOrder,
                createdAt,
                updatedAt,
                null,
                null);
    }
}
