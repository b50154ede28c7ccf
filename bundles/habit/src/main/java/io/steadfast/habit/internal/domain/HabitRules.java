package io.steadfast.habit.internal.domain;

import java.time.LocalDate;
import java.util.Objects;
import java.util.function.Predicate;

import io.steadfast.api.habit.spi.HabitType;
import io.steadfast.api.habit.spi.HabitType.DayRecord;
import io.steadfast.api.habit.spi.HabitType.HabitDefinition;
import io.steadfast.habit.api.Schedule;

/**
 * What the agenda needs to know about one habit.
 *
 * @param schedule    how often it is due
 * @param startDate   the first day it can be due
 * @param type        its habit type
 * @param definition  its target and unit
 * @param trackedFrom the day the habit was created (in the user's calendar): before it, only days with a record
 *                    count ({@link LocalDate#MIN} when every day counts)
 * @param paused      the user's vacation days for this habit: nothing is due on them
 */
public record HabitRules(
        Schedule schedule,
        LocalDate startDate,
        HabitType type,
        HabitDefinition definition,
        LocalDate trackedFrom,
        Predicate<LocalDate> paused) {

    /** No vacation. */
    public static final Predicate<LocalDate> NEVER_PAUSED = d -> false;

    public HabitRules {
        Objects.requireNonNull(schedule, "schedule");
        Objects.requireNonNull(startDate, "startDate");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(definition, "definition");
        Objects.requireNonNull(trackedFrom, "trackedFrom");
        Objects.requireNonNull(paused, "paused");
    }

    /** A habit whose every day counts, without vacations. */
    public HabitRules(Schedule schedule, LocalDate startDate, HabitType type, HabitDefinition definition) {
        this(schedule, startDate, type, definition, LocalDate.MIN, NEVER_PAUSED);
    }

    /** Evaluates a day's record (or its absence) with the habit's type; see {@link DayEvaluator}. */
    public DayResult evaluate(DayRecord record, boolean dayEnded) {
        return DayEvaluator.evaluate(type, definition, record, dayEnded);
    }

    /** Whether a day without a record lies before the habit was created, so that it does not count at all. */
    public boolean untracked(DayRecord record, LocalDate date) {
        return record == null && date.isBefore(trackedFrom);
    }

    /**
     * Whether a day counts towards its period's done days at all: not an {@linkplain #untracked untracked} day, and
     * not a vacation day without a record.
     */
    public boolean counts(DayRecord record, LocalDate date) {
        return !untracked(record, date) && !(record == null && pausedOn(date));
    }

    /** Whether the date is a vacation day of the habit. */
    public boolean pausedOn(LocalDate date) {
        return paused.test(date);
    }

    /** The same habit under another schedule from another start (a schedule era). */
    public HabitRules withSchedule(Schedule schedule, LocalDate startDate) {
        return new HabitRules(schedule, startDate, type, definition, trackedFrom, paused);
    }
}
