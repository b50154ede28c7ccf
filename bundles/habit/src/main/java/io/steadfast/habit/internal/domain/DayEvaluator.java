package io.steadfast.habit.internal.domain;

import io.steadfast.api.habit.spi.HabitType;
import io.steadfast.api.habit.spi.HabitType.DayOutcome;
import io.steadfast.api.habit.spi.HabitType.DayRecord;
import io.steadfast.api.habit.spi.HabitType.HabitDefinition;
import io.steadfast.habit.api.DayState;

/**
 * Evaluates one day of a habit: skips are handled here, everything else is the {@link HabitType}'s decision.
 */
public final class DayEvaluator {

    private DayEvaluator() {}

    /**
     * The state of a day.
     *
     * @param record   the day's record, or {@code null}
     * @param dayEnded whether the day is over in the user's time zone
     * @return {@link DayState#SKIPPED} (without progress) for a skipped record, which never reaches the type;
     *         otherwise the type's status as a state, with its progress
     * @throws IllegalStateException when the type answers without a status
     */
    public static DayResult evaluate(HabitType type, HabitDefinition habit, DayRecord record, boolean dayEnded) {
        if (record != null && record.skipped()) {
            return new DayResult(DayState.SKIPPED, null);
        }
        DayOutcome outcome = type.evaluate(habit, record, dayEnded);
        if (outcome == null || outcome.status() == null) {
            throw new IllegalStateException("habit type '" + type.key() + "' evaluated a day without a status");
        }
        return new DayResult(state(outcome.status()), outcome.progress());
    }

    /** The day state of a type's status. */
    public static DayState state(HabitType.Status status) {
        switch (status) {
            case DONE:
                return DayState.DONE;
            case PARTIAL:
                return DayState.PARTIAL;
            case MISSED:
                return DayState.MISSED;
            case PENDING:
                return DayState.PENDING;
            default:
                throw new IllegalArgumentException("unknown status: " + status);
        }
    }
}
