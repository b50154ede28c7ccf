package io.steadfast.streak.internal.engine;

import io.steadfast.habit.api.Schedule;

/**
 * Habit strength: an exponentially smoothed completion score in the style of Loop Habit Tracker.
 * <p>
 * The score starts at 0 and takes one <em>step</em> per due ended day (per-day schedules) or per ended period
 * (per-period schedules): {@code score = score * m + credit * (1 - m)}, where {@code credit} is 1 for a done day, 0.5
 * for a partial day, 0 for a missed day, and {@code min(1, done / times)} for a period. Skipped days and periods whose
 * days are all skipped take no step (the score is left as it is), and neither do days that are not due.
 * <p>
 * <b>The half-life.</b> With {@code f} the schedule's expected due days per calendar day ({@link #frequency}: daily 1,
 * weekdays {@code k/7}, every n days {@code 1/n}, times per week {@code t/7}, times per month {@code t/30.436875}),
 * the half-life in calendar time is, as in Loop, {@code 13 / sqrt(f)} days: 13 days for a daily habit, ~34 days for
 * a weekly one. In steps it is that many days times the steps per day {@code s} ({@code f} for per-day schedules,
 * {@code 1/7} for weeks, {@code 1/30.436875} for months):
 * <pre>
 * halfLife = 13 / sqrt(f) * s        (in steps)
 * m        = 0.5 ^ (1 / halfLife)
 * </pre>
 * So a per-day schedule has a half-life of {@code 13 * sqrt(f)} due days (daily: exactly 13; weekdays Mon/Wed/Fri:
 * 8.51; every 7 days: 4.91), a {@code t} times per week schedule {@code 13 / sqrt(7t)} weeks and a {@code t} times per
 * month schedule {@code 13 / sqrt(30.436875 t)} months. After {@code halfLife} done steps from 0 the score is 0.5;
 * a perfect record approaches 1.
 */
public final class Strength {

    /** The half-life of a daily habit, in days. */
    public static final double HALF_LIFE_DAYS = 13.0;
    /** The average length of a month in the Gregorian calendar, in days. */
    public static final double DAYS_PER_MONTH = 365.2425 / 12;
    /** The credit of a partial day. */
    public static final double PARTIAL_CREDIT = 0.5;

    private Strength() {}

    /** The expected due days per calendar day of a schedule. */
    public static double frequency(Schedule schedule) {
        if (schedule instanceof Schedule.Daily) {
            return 1.0;
        } else if (schedule instanceof Schedule.Weekdays w) {
            return w.days().size() / 7.0;
        } else if (schedule instanceof Schedule.EveryNDays e) {
            return 1.0 / e.n();
        } else if (schedule instanceof Schedule.TimesPerWeek t) {
            return t.times() / 7.0;
        } else if (schedule instanceof Schedule.TimesPerMonth t) {
            return t.times() / DAYS_PER_MONTH;
        }
        throw new IllegalArgumentException("unknown schedule: " + schedule);
    }

    /** The score's steps per calendar day: due days for per-day schedules, periods for per-period ones. */
    public static double stepsPerDay(Schedule schedule) {
        if (schedule instanceof Schedule.TimesPerWeek) {
            return 1.0 / 7.0;
        } else if (schedule instanceof Schedule.TimesPerMonth) {
            return 1.0 / DAYS_PER_MONTH;
        }
        return frequency(schedule);
    }

    /** The half-life in calendar days: {@code 13 / sqrt(frequency)}. */
    public static double halfLifeDays(Schedule schedule) {
        return HALF_LIFE_DAYS / Math.sqrt(frequency(schedule));
    }

    /** The half-life in steps (due days or periods): {@code 13 / sqrt(frequency) * stepsPerDay}. */
    public static double halfLife(Schedule schedule) {
        return halfLifeDays(schedule) * stepsPerDay(schedule);
    }

    /** The factor {@code m} the score keeps per step: {@code 0.5 ^ (1 / halfLife)}. */
    public static double multiplier(Schedule schedule) {
        return Math.pow(0.5, 1.0 / halfLife(schedule));
    }

    /** One step: {@code score * m + credit * (1 - m)}. */
    public static double step(double score, double m, double credit) {
        return score * m + credit * (1 - m);
    }

    /** The credit of a period with {@code done} done days that asks for {@code times}: {@code min(1, done / times)}. */
    public static double periodCredit(int done, int times) {
        return Math.min(1.0, (double) done / times);
    }
}
