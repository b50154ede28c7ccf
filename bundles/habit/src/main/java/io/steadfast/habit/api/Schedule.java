package io.steadfast.habit.api;

import java.time.DayOfWeek;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * How often a habit is due. A schedule is either <em>per day</em> (each day is due or not by the calendar alone:
 * {@link Daily}, {@link Weekdays}, {@link EveryNDays}) or <em>per period</em> ({@link TimesPerWeek},
 * {@link TimesPerMonth}: any day of the period may be used until the period's count is met).
 * <p>
 * Instances are always valid: the constructors refuse values outside the ranges that
 * {@link ScheduleSpec#toSchedule()} accepts. Its JSON form is {@link ScheduleSpec}.
 */
public sealed interface Schedule {

    /** The {@link #kind()} of {@link Daily}. */
    String DAILY = "daily";
    /** The {@link #kind()} of {@link Weekdays}. */
    String WEEKDAYS = "weekdays";
    /** The {@link #kind()} of {@link TimesPerWeek}. */
    String TIMES_PER_WEEK = "times_per_week";
    /** The {@link #kind()} of {@link TimesPerMonth}. */
    String TIMES_PER_MONTH = "times_per_month";
    /** The {@link #kind()} of {@link EveryNDays}. */
    String EVERY_N_DAYS = "every_n_days";

    /**
     * The stable name of the schedule's kind as stored and sent in JSON: {@code daily}, {@code weekdays},
     * {@code times_per_week}, {@code times_per_month} or {@code every_n_days}.
     */
    String kind();

    /** Whether the habit is due a number of times per week or month rather than on particular days. */
    default boolean perPeriod() {
        return false;
    }

    /** Every day. */
    record Daily() implements Schedule {

        @Override
        public String kind() {
            return DAILY;
        }
    }

    /**
     * On the given days of the week.
     *
     * @param days at least one day; kept as an unmodifiable set in week order (Monday first)
     */
    record Weekdays(Set<DayOfWeek> days) implements Schedule {

        public Weekdays {
            Objects.requireNonNull(days, "days");
            if (days.isEmpty()) {
                throw new IllegalArgumentException("a weekdays schedule needs at least one day");
            }
            days = Collections.unmodifiableSet(EnumSet.copyOf(days));
        }

        /** A schedule on the given days. */
        public static Weekdays of(DayOfWeek first, DayOfWeek... rest) {
            return new Weekdays(EnumSet.of(first, rest));
        }

        @Override
        public String kind() {
            return WEEKDAYS;
        }
    }

    /** A schedule due a number of times per calendar period, on any days of the period. */
    sealed interface PerPeriod extends Schedule {

        /** How many done days the period asks for, at least 1. */
        int times();

        @Override
        default boolean perPeriod() {
            return true;
        }
    }

    /**
     * A number of days per week; the week starts on the user's first day of the week.
     *
     * @param times 1 to {@value #MAX}
     */
    record TimesPerWeek(int times) implements PerPeriod {

        /** The largest number of times per week. */
        public static final int MAX = 7;

        public TimesPerWeek {
            requireRange("times", times, 1, MAX);
        }

        @Override
        public String kind() {
            return TIMES_PER_WEEK;
        }
    }

    /**
     * A number of days per calendar month. In months shorter than {@code times} the count cannot be met.
     *
     * @param times 1 to {@value #MAX}
     */
    record TimesPerMonth(int times) implements PerPeriod {

        /** The largest number of times per month. */
        public static final int MAX = 31;

        public TimesPerMonth {
            requireRange("times", times, 1, MAX);
        }

        @Override
        public String kind() {
            return TIMES_PER_MONTH;
        }
    }

    /**
     * Every {@code n}th day counted from the habit's start date (the start date itself is due).
     *
     * @param n 1 to {@value #MAX}; 1 is the same as daily
     */
    record EveryNDays(int n) implements Schedule {

        /** The largest interval in days. */
        public static final int MAX = 365;

        public EveryNDays {
            requireRange("n", n, 1, MAX);
        }

        @Override
        public String kind() {
            return EVERY_N_DAYS;
        }
    }

    private static void requireRange(String name, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(name + " must be between " + min + " and " + max + ", was " + value);
        }
    }
}
