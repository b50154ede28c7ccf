package io.steadfast.habit.internal.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import io.steadfast.habit.api.Schedule;

/**
 * What a user asks a habit to be: every field for a new habit, the fields present ({@code null} elsewhere) for a
 * change.
 *
 * @param goal       the goal to set or {@link GoalDraft#REMOVE}; {@code null} leaves it as it is (and creates none)
 * @param visibility who sees the habit ({@code private}, {@code partners}); {@code null} leaves it (a new habit is
 *                   private)
 * @param shareNotes whether they see its notes; {@code null} leaves it (a new habit shares none)
 * @param referee    the referee to set or remove; {@code null} leaves it (a new habit has none)
 * @param groupIds   the groups whose members see the habit (visibility {@code groups}); {@code null} leaves them
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
        Boolean archived,
        GoalDraft goal,
        String visibility,
        Boolean shareNotes,
        RefereeDraft referee,
        List<String> groupIds) {

    /**
     * The referee a draft asks for: {@code userId} to name one, {@code null} to remove the referee. A draft without a
     * {@code RefereeDraft} leaves the referee as it is.
     */
    public record RefereeDraft(String userId) {}

    /** A draft that leaves the sharing (visibility, notes, referee, groups) as it is. */
    public HabitDraft(
            String name,
            String description,
            String type,
            BigDecimal target,
            String unit,
            Schedule schedule,
            LocalDate startDate,
            String color,
            String icon,
            Boolean archived,
            GoalDraft goal) {
        this(
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
                null,
                null,
                null,
                null);
    }

    /** A draft that leaves the goal as it is. */
    public HabitDraft(
            String name,
            String description,
            String type,
            BigDecimal target,
            String unit,
            Schedule schedule,
            LocalDate startDate,
            String color,
            String icon,
            Boolean archived) {
        this(name, description, type, target, unit, schedule, startDate, color, icon, archived, null);
    }
}
