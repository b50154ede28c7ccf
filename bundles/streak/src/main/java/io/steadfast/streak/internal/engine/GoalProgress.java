package io.steadfast.streak.internal.engine;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

import io.steadfast.api.habit.spi.HabitType;
import io.steadfast.habit.api.Goal;
import io.steadfast.habit.api.RecordedValue;

/**
 * Where a measurement habit stands against its {@link Goal} on the user's today, on the straight line (Beeminder's
 * "road") from the first recorded value to the goal's value on the goal's date:
 * <ul>
 *   <li>{@code expectedToday}: on the first value's day, the first value; on the goal's date and after it, the
 *       goal's value; between them, {@code first + (goal - first) * elapsed / total}, with {@code elapsed} the days
 *       from the first value to today and {@code total} the days from the first value to the goal's date. The
 *       fraction {@code (goal - first) * elapsed / total} is rounded to {@value #SCALE} decimal places (the stored
 *       precision), halves away from zero ({@link RoundingMode#HALF_UP}); adding the first value is then exact. A
 *       first value on or after the goal's date expects the goal's value.</li>
 *   <li>{@code onTrack}: the latest value is at or beyond {@code expectedToday} in the goal's direction (at or below
 *       for {@code down}, at or above for {@code up}) — or at or beyond the goal's value itself: a reached goal is on
 *       track even when the first value already was beyond it.</li>
 *   <li>Without any recorded value, {@code start}, {@code expectedToday}, {@code latest} and {@code onTrack} are
 *       {@code null}.</li>
 * </ul>
 * Plain Java; the values come from {@code HabitQuery.recordedValues} (days marked done with a value, up to today).
 *
 * @param start         the first recorded value, or {@code null}
 * @param expectedToday where the line is on the user's today, or {@code null}
 * @param latest        the most recent recorded value up to today, or {@code null}
 * @param onTrack       whether {@code latest} is on the good side of the line, or {@code null} without a value
 */
public record GoalProgress(
        Goal goal, RecordedValue start, BigDecimal expectedToday, RecordedValue latest, Boolean onTrack) {

    /** The decimal places of {@code expectedToday}: the stored precision of every habit number. */
    public static final int SCALE = HabitType.MAX_SCALE;

    public GoalProgress {
        Objects.requireNonNull(goal, "goal");
    }

    /**
     * The progress on {@code today}.
     *
     * @param values the first and the latest recorded value up to {@code today}, or {@code null} when none is
     *               recorded yet
     */
    public static GoalProgress of(Goal goal, RecordedValue.Span values, LocalDate today) {
        if (values == null) {
            return new GoalProgress(goal, null, null, null, null);
        }
        BigDecimal expected = expected(goal, values.first(), today);
        BigDecimal latest = values.latest().value();
        boolean onTrack =
                goal.direction().reaches(latest, expected) || goal.direction().reaches(latest, goal.value());
        return new GoalProgress(goal, values.first(), plain(expected), values.latest(), onTrack);
    }

    /** The line's value on {@code day}: from {@code start} to the goal's value on the goal's date. */
    static BigDecimal expected(Goal goal, RecordedValue start, LocalDate day) {
        if (!day.isBefore(goal.by()) || !start.date().isBefore(goal.by())) {
            return goal.value();
        }
        if (!day.isAfter(start.date())) {
            return start.value();
        }
        long total = ChronoUnit.DAYS.between(start.date(), goal.by());
        long elapsed = ChronoUnit.DAYS.between(start.date(), day);
        BigDecimal step = goal.value()
                .subtract(start.value())
                .multiply(BigDecimal.valueOf(elapsed))
                .divide(BigDecimal.valueOf(total), SCALE, RoundingMode.HALF_UP);
        return start.value().add(step);
    }

    /** Without trailing zeros or an exponent: 71.2500 is 71.25, 70.0000 is 70. */
    private static BigDecimal plain(BigDecimal d) {
        BigDecimal s = d.stripTrailingZeros();
        return s.scale() < 0 ? s.setScale(0) : s;
    }
}
