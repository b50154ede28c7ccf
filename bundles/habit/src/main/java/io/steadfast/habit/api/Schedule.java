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
 * Instances are always valid: the constructors refuse values outside the ranges of each kind ({@code MAX}).
 * The API's JSON form of a schedule is {@code io.steadfast.habit.dto.ScheduleSpec}.
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

    /**
     * The compact text form, as stored: {@code daily}, {@code weekdays:MON,WED}, {@code times_per_week:3},
     * {@code times_per_month:10}, {@code every_n_days:2}. {@code parse(s.text())} equals {@code s}.
     */
    default String text() {
        if (this instanceof Weekdays w) {
            StringBuilder sb = new StringBuilder(WEEKDAYS).append(':');
            for (DayOfWeek d : w.days()) { // week order: the set is an EnumSet
                sb.append(sb.charAt(sb.length() - 1) == ':' ? "" : ",").append(dayCode(d));
            }
            return sb.toString();
        } else if (this instanceof TimesPerWeek t) {
            return TIMES_PER_WEEK + ":" + t.times();
        } else if (this instanceof TimesPerMonth t) {
            return TIMES_PER_MONTH + ":" + t.times();
        } else if (this instanceof EveryNDays e) {
            return EVERY_N_DAYS + ":" + e.n();
        }
        return kind();
    }

    /**
     * The schedule of a {@link #text()} form.
     *
     * @throws IllegalArgumentException for text that is not one
     */
    static Schedule parse(String text) {
        int colon = text.indexOf(':');
        String kind = colon < 0 ? text : text.substring(0, colon);
        String arg = colon < 0 ? "" : text.substring(colon + 1);
        switch (kind) {
            case DAILY:
                return new Daily();
            case WEEKDAYS: {
                Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
                for (String code : arg.split(",")) {
                    days.add(dayOfWeek(code));
                }
                return new Weekdays(days);
            }
            case TIMES_PER_WEEK:
                return new TimesPerWeek(Integer.parseInt(arg));
            case TIMES_PER_MONTH:
                return new TimesPerMonth(Integer.parseInt(arg));
            case EVERY_N_DAYS:
                return new EveryNDays(Integer.parseInt(arg));
            default:
                throw new IllegalArgumentException("not a schedule: " + text);
        }
    }

    /** The code of a day of the week: {@code MON}, {@code TUE}, … {@code SUN}. */
    static String dayCode(DayOfWeek day) {
        return day.name().substring(0, 3);
    }

    /** The day of the week with the code ({@code MON} … {@code SUN}, upper case exactly), or null for other text. */
    static DayOfWeek parseDayCode(String code) {
        for (DayOfWeek d : DayOfWeek.values()) {
            if (dayCode(d).equals(code)) {
                return d;
            }
        }
        return null;
    }

    /**
     * The day of the week with the given code ({@code MON} … {@code SUN}, upper case exactly).
     *
     * @throws IllegalArgumentException for any other text
     */
    static DayOfWeek dayOfWeek(String code) {
        DayOfWeek day = code == null ? null : parseDayCode(code);
        if (day == null) {
            throw new IllegalArgumentException("not a day code: " + code);
        }
        return day;
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
