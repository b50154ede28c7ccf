package io.steadfast.habit.internal.domain;

import java.time.LocalDate;
import java.util.Objects;

import io.steadfast.api.habit.spi.HabitType;
import io.steadfast.api.habit.spi.HabitType.DayRecord;
import io.steadfast.api.habit.spi.HabitType.HabitDefinition;
import io.steadfast.habit.api.Schedule;

/**
 * What the agenda needs to know about one habit.
 *
 * @param schedule   how often it is due
 * @param startDate  the first day it can be due
 * @param type       its habit type
 * @param definition its target and unit
 */
public record HabitRules(Schedule schedule, LocalDate startDate, HabitType type, HabitDefinition definition) {

    public HabitRules {
        Objects.requireNonNull(schedule, "schedule");
        Objects.requireNonNull(startDate, "startDate");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(definition, "definition");
    }

    /** Evaluates a day's record (or its absence) with the habit's type; see {@link DayEvaluator}. */
    public DayResult evaluate(DayRecord record, boolean dayEnded) {
        return DayEvaluator.evaluate(type, definition, record, dayEnded);
    }
}
