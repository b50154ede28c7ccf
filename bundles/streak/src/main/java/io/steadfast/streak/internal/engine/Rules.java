package io.steadfast.streak.internal.engine;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;

import io.steadfast.habit.api.Schedule;

/** Small rules shared by the test oracle {@code BruteForce} and {@link IncrementalStreaks}. */
final class Rules {

    /** The rolling windows of {@link Stats.Completion}, in days before today. */
    static final int[] WINDOWS = {7, 30, 365};

    /** How many days before today the longest window reaches back. */
    static final int LONGEST_WINDOW = 365;

    /** The streak lengths (in the schedule's unit) whose first day is kept: the streak achievements. */
    static final int[] STREAK_MILESTONES = {7, 30, 100, 365};

    /** The numbers of done days whose day is kept: the done-days achievements. */
    static final int[] DONE_MILESTONES = {100, 1000};

    private Rules() {}

    /** The milestones in {@link Stats#reached()}: the first day each was reached, when it was. */
    static java.util.Map<String, LocalDate> milestones(LocalDate[] reached) {
        java.util.Map<String, LocalDate> out = new java.util.TreeMap<>();
        for (int i = 0; i < STREAK_MILESTONES.length; i++) {
            if (reached[i] != null) {
                out.put(Stats.streakMilestone(STREAK_MILESTONES[i]), reached[i]);
            }
        }
        for (int i = 0; i < DONE_MILESTONES.length; i++) {
            LocalDate d = reached[STREAK_MILESTONES.length + i];
            if (d != null) {
                out.put(Stats.doneMilestone(DONE_MILESTONES[i]), d);
            }
        }
        return java.util.Collections.unmodifiableMap(out);
    }

    /** The unit of a schedule's streaks. */
    static String unit(Schedule schedule) {
        if (schedule instanceof Schedule.TimesPerWeek) {
            return Stats.WEEKS;
        } else if (schedule instanceof Schedule.TimesPerMonth) {
            return Stats.MONTHS;
        }
        return Stats.DAYS;
    }

    /** {@code done / (done + failed)}, or {@code null} when both are 0. */
    static Double rate(long done, long failed) {
        return done + failed == 0 ? null : (double) done / (done + failed);
    }

    /**
     * The day of the week with the highest rate {@code done / (done + failed)} among those with at least one counted
     * day (compared exactly, as fractions); ties go to the earliest in the week starting on {@code weekStart}.
     *
     * @param done   per {@link DayOfWeek#ordinal()}
     * @param failed per {@link DayOfWeek#ordinal()}
     */
    static DayOfWeek bestWeekday(int[] done, int[] failed, DayOfWeek weekStart) {
        DayOfWeek best = null;
        for (int i = 0; i < 7; i++) {
            DayOfWeek d = weekStart.plus(i);
            long n = done[d.ordinal()];
            long total = n + failed[d.ordinal()];
            if (total == 0) {
                continue;
            }
            if (best == null) {
                best = d;
                continue;
            }
            long bestN = done[best.ordinal()];
            long bestTotal = bestN + failed[best.ordinal()];
            if (n * bestTotal > bestN * total) {
                best = d;
            }
        }
        return best;
    }

    /**
     * Checks that {@code days} are one day after the other, from {@code first} to {@code last} (both included).
     *
     * @throws IllegalArgumentException when they are not
     */
    static void requireRun(List<Day> days, LocalDate first, LocalDate last) {
        long expected = last.toEpochDay() - first.toEpochDay() + 1;
        if (days.size() != expected) {
            throw new IllegalArgumentException(
                    "expected the " + expected + " days " + first + " to " + last + ", got " + days.size()
                            + (days.isEmpty() ? "" : " from " + days.get(0).date()));
        }
        LocalDate d = first;
        for (Day day : days) {
            if (!day.date().equals(d)) {
                throw new IllegalArgumentException("expected the day " + d + ", got " + day.date());
            }
            d = d.plusDays(1);
        }
    }

    static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }
}
