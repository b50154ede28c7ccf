package io.steadfast.streak.internal.engine;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Map;
import java.util.Objects;

/**
 * The statistics of one habit as of the user's today; see the {@linkplain io.steadfast.streak.internal.engine package
 * documentation} for the rules.
 *
 * @param streak      the current and the longest streak
 * @param strength    the habit strength, 0 to 1 (see {@link Strength})
 * @param completion  completion rates over rolling windows and over all time
 * @param totals      what was done over all time
 * @param reached     the first day each milestone was reached in the history ({@link #streakMilestone streak-7},
 *                    -30, -100, -365 and {@link #doneMilestone done-100}, -1000), for the milestones reached
 * @param bestWeekday the day of the week with the highest completion rate over all due ended days (ties: the earliest
 *                    in the user's week), or {@code null} when no due day has ended
 */
public record Stats(
        Streak streak,
        double strength,
        Completion completion,
        Totals totals,
        DayOfWeek bestWeekday,
        Map<String, LocalDate> reached) {

    /** The unit of per-day schedules' streaks. */
    public static final String DAYS = "days";
    /** The unit of {@code times_per_week} streaks. */
    public static final String WEEKS = "weeks";
    /** The unit of {@code times_per_month} streaks. */
    public static final String MONTHS = "months";

    /** The key of a streak milestone in {@link #reached}: {@code streak-7}. */
    public static String streakMilestone(int length) {
        return "streak-" + length;
    }

    /** The key of a done-days milestone in {@link #reached}: {@code done-100}. */
    public static String doneMilestone(int days) {
        return "done-" + days;
    }

    public Stats {
        reached = reached == null ? Map.of() : Map.copyOf(reached);
        Objects.requireNonNull(streak, "streak");
        Objects.requireNonNull(completion, "completion");
        Objects.requireNonNull(totals, "totals");
    }

    /** The statistics of a habit without any day yet (its start date is after the user's today). */
    public static Stats empty(String unit) {
        return new Stats(
                new Streak(0, 0, unit, null, null, null),
                0.0,
                new Completion(null, null, null, null),
                new Totals(0, BigDecimal.ZERO),
                null,
                Map.of());
    }

    /**
     * The current and the longest streak, counted in {@code unit}s.
     *
     * @param current      the length of the streak that is still running, 0 when it is broken
     * @param longest      the length of the longest streak so far (at least {@code current}); when several are equally
     *                     long, the most recent
     * @param unit         {@value Stats#DAYS}, {@value Stats#WEEKS} or {@value Stats#MONTHS}
     * @param currentStart the first done day (per-day) or the first day of the first period (per-period, not before
     *                     the start date) of the current streak; {@code null} when {@code current} is 0
     * @param longestStart the same for the longest streak; {@code null} when {@code longest} is 0
     * @param longestEnd   the last done day (per-day) or the last day of the last period (per-period; for the period
     *                     holding today this is after today) of the longest streak; {@code null} when {@code longest}
     *                     is 0
     */
    public record Streak(
            int current,
            int longest,
            String unit,
            LocalDate currentStart,
            LocalDate longestStart,
            LocalDate longestEnd) {}

    /**
     * Completion rates from 0 to 1, {@code null} where nothing counts. The window of {@code lastN} is the {@code N}
     * days before the user's today ({@code today - N} to {@code today - 1}): only ended days and periods count.
     *
     * @param last7   over the last 7 days
     * @param last30  over the last 30 days
     * @param last365 over the last 365 days
     * @param allTime since the start date
     */
    public record Completion(Double last7, Double last30, Double last365, Double allTime) {}

    /**
     * What was done since the start date, the user's today included.
     *
     * @param doneDays the days whose state is {@code DONE}, due or not
     * @param value    the sum of the values of the {@code DONE} and {@code PARTIAL} days (days without a value add
     *                 nothing); {@link BigDecimal#ZERO} when there are none
     */
    public record Totals(long doneDays, BigDecimal value) {

        public Totals {
            Objects.requireNonNull(value, "value");
        }
    }
}
