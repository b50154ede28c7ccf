package io.steadfast.transfer.internal.archive;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import io.steadfast.habit.api.Schedule;

/**
 * A habit as the file describes it.
 *
 * @param sourceId   the habit's identity in the file's world, stable across exports of the same source (Loop's
 *                   habit uuid, or its id when it has none; Habitica's task id; for CSV the habit's name): with the
 *                   format it makes the source key that matches the habit when the same file is imported again
 * @param type       a Steadfast habit type key: {@code boolean}, {@code count} (at least {@code target} a day) or
 *                   {@code limit} (at most {@code target} a day), or a plugin's ({@code measurement})
 * @param target     the daily target of {@code count} and {@code limit}, else {@code null}
 * @param startDate  the habit's first day: the source's creation day, or its first record's day
 * @param color      {@code #rrggbb}, or {@code null}
 * @param goal       a measurement's goal, or {@code null}
 * @param days       its day records, each date at most once, oldest first
 * @param createdAt  when the source created it, or {@code null} (only Steadfast's own export says so)
 */
public record ArchivedHabit(
        String sourceId,
        String name,
        String description,
        String type,
        BigDecimal target,
        String unit,
        Schedule schedule,
        LocalDate startDate,
        String color,
        String icon,
        boolean archived,
        ArchivedGoal goal,
        List<ArchivedDay> days,
        List<ArchivedReminder> reminders,
        java.time.Instant createdAt) {

    public ArchivedHabit {
        days = List.copyOf(days);
        reminders = reminders == null ? List.of() : List.copyOf(reminders);
    }

    /** A habit whose source says nothing of when it was created. */
    public ArchivedHabit(
            String sourceId,
            String name,
            String description,
            String type,
            BigDecimal target,
            String unit,
            Schedule schedule,
            LocalDate startDate,
            String color,
            String icon,
            boolean archived,
            ArchivedGoal goal,
            List<ArchivedDay> days,
            List<ArchivedReminder> reminders) {
        this(
                sourceId,
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
                goal,
                days,
                reminders,
                null);
    }
}
