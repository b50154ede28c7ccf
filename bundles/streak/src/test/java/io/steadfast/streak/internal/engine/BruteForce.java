package io.steadfast.streak.internal.engine;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import io.steadfast.habit.api.DayState;
import io.steadfast.habit.api.Periods;
import io.steadfast.habit.api.Periods.Period;
import io.steadfast.habit.api.Schedule;

/**
 * The statistics recomputed from a habit's whole history, the rules of the
 * {@linkplain io.steadfast.streak.internal.engine package documentation} written down as directly as possible. It is
 * the oracle {@link IncrementalStreaks} is tested against, and costs O(days since the start date) per call.
 */
public final class BruteForce {

    private BruteForce() {}

    /**
     * The statistics of a habit.
     *
     * @param schedule  the habit's schedule (one schedule for the whole history)
     * @param startDate the habit's start date
     * @param weekStart the user's first day of the week
     * @param today     the user's today; the days before it have ended
     * @param days      every day from {@code startDate} to {@code today}, in order; empty when {@code today} is before
     *                  {@code startDate}
     * @throws IllegalArgumentException when {@code days} are not exactly those days
     */
    public static Stats stats(
            Schedule schedule, LocalDate startDate, DayOfWeek weekStart, LocalDate today, List<Day> days) {
        Objects.requireNonNull(schedule, "schedule");
        Objects.requireNonNull(startDate, "startDate");
        Objects.requireNonNull(weekStart, "weekStart");
        Objects.requireNonNull(today, "today");
        String unit = Rules.unit(schedule);
        if (today.isBefore(startDate)) {
            Rules.requireRun(days, startDate, startDate.minusDays(1));
            return Stats.empty(unit);
        }
        Rules.requireRun(days, startDate, today);
        List<Day> ended = days.subList(0, days.size() - 1);
        Day todayDay = days.get(days.size() - 1);

        Stats.Streak streak;
        List<Event> events;
        double strength;
        Double[] completion = new Double[4];
        if (schedule instanceof Schedule.PerPeriod perPeriod) {
            List<PeriodResult> periods = periods(perPeriod, startDate, weekStart, today, days);
            events = periodEvents(periods, perPeriod.times());
            streak = streak(events, unit);
            strength = periodStrength(periods, perPeriod, Strength.multiplier(schedule));
            for (int i = 0; i < Rules.WINDOWS.length; i++) {
                completion[i] = periodRate(periods, perPeriod.times(), today.minusDays(Rules.WINDOWS[i]));
            }
            completion[3] = periodRate(periods, perPeriod.times(), LocalDate.MIN);
        } else {
            events = dayEvents(ended, todayDay);
            streak = streak(events, unit);
            strength = dayStrength(ended, Strength.multiplier(schedule));
            for (int i = 0; i < Rules.WINDOWS.length; i++) {
                completion[i] = dayRate(ended, today.minusDays(Rules.WINDOWS[i]));
            }
            completion[3] = dayRate(ended, LocalDate.MIN);
        }
        return new Stats(
                streak,
                strength,
                new Stats.Completion(completion[0], completion[1], completion[2], completion[3]),
                totals(days),
                bestWeekday(ended, weekStart),
                milestones(events, days));
    }

    /** A step of a streak: a done day or met period ({@code counts}) or a breaking one. */
    private record Event(LocalDate start, LocalDate end, boolean counts, LocalDate reachedOn) {

        Event(LocalDate start, LocalDate end, boolean counts) {
            this(start, end, counts, end);
        }
    }

    /** The first day each streak length and number of done days was reached, walking the history in order. */
    private static java.util.Map<String, LocalDate> milestones(List<Event> events, List<Day> days) {
        java.util.Map<String, LocalDate> out = new java.util.HashMap<>();
        int run = 0;
        for (Event e : events) {
            run = e.counts() ? run + 1 : 0;
            for (int n : Rules.STREAK_MILESTONES) {
                if (run == n) {
                    out.putIfAbsent(Stats.streakMilestone(n), e.reachedOn());
                }
            }
        }
        int done = 0;
        for (Day d : days) {
            if (d.state() == DayState.DONE) {
                done++;
                for (int n : Rules.DONE_MILESTONES) {
                    if (done == n) {
                        out.put(Stats.doneMilestone(n), d.date());
                    }
                }
            }
        }
        return out;
    }

    // ---- per-day schedules ---------------------------------------------------------------------------------------

    /** The due ended days that count or break, then today if it counts (done) or breaks (missed). */
    private static List<Event> dayEvents(List<Day> ended, Day today) {
        List<Event> events = new ArrayList<>();
        for (Day d : ended) {
            if (d.due() && d.state() == DayState.DONE) {
                events.add(new Event(d.date(), d.date(), true));
            } else if (d.due() && (d.state() == DayState.PARTIAL || d.state() == DayState.MISSED)) {
                events.add(new Event(d.date(), d.date(), false));
            }
        }
        if (today.due() && today.state() == DayState.DONE) {
            events.add(new Event(today.date(), today.date(), true));
        } else if (today.due() && today.state() == DayState.MISSED) {
            events.add(new Event(today.date(), today.date(), false));
        }
        return events;
    }

    private static double dayStrength(List<Day> ended, double m) {
        double score = 0;
        for (Day d : ended) {
            if (!d.due()) {
                continue;
            }
            if (d.state() == DayState.DONE) {
                score = Strength.step(score, m, 1.0);
            } else if (d.state() == DayState.PARTIAL) {
                score = Strength.step(score, m, Strength.PARTIAL_CREDIT);
            } else if (d.state() == DayState.MISSED) {
                score = Strength.step(score, m, 0.0);
            }
        }
        return score;
    }

    /** The completion rate over the due ended days on or after {@code from}. */
    private static Double dayRate(List<Day> ended, LocalDate from) {
        long done = 0;
        long failed = 0;
        for (Day d : ended) {
            if (d.due() && !d.date().isBefore(from)) {
                if (d.state() == DayState.DONE) {
                    done++;
                } else if (d.state() == DayState.PARTIAL || d.state() == DayState.MISSED) {
                    failed++;
                }
            }
        }
        return Rules.rate(done, failed);
    }

    // ---- per-period schedules ------------------------------------------------------------------------------------

    /**
     * A period as far as it exists: from the later of its first day and the start date.
     *
     * @param start      the first existing day
     * @param end        the period's last day (after today for the current period)
     * @param done       the done days from {@code start} up to the period's end or today
     * @param allSkipped whether all those days are skipped
     * @param ended      whether the period ended before today
     */
    private record PeriodResult(
            LocalDate start, LocalDate end, int done, boolean allSkipped, boolean ended, LocalDate metOn) {}

    private static List<PeriodResult> periods(
            Schedule schedule, LocalDate startDate, DayOfWeek weekStart, LocalDate today, List<Day> days) {
        List<PeriodResult> periods = new ArrayList<>();
        Period p = Periods.periodOf(schedule, startDate, weekStart);
        while (!p.start().isAfter(today)) {
            LocalDate from = Rules.max(p.start(), startDate);
            LocalDate to = Rules.min(p.end(), today);
            int done = 0;
            boolean allSkipped = true;
            LocalDate metOn = null;
            int times = ((Schedule.PerPeriod) schedule).times();
            for (LocalDate date = from; !date.isAfter(to); date = date.plusDays(1)) {
                Day d = days.get((int) (date.toEpochDay() - startDate.toEpochDay()));
                if (d.state() == DayState.DONE) {
                    done++;
                    if (done == times) {
                        metOn = date;
                    }
                }
                if (d.state() != DayState.SKIPPED && d.state() != DayState.PAUSED) {
                    allSkipped = false;
                }
            }
            periods.add(
                    new PeriodResult(from, p.end(), done, allSkipped, p.end().isBefore(today), metOn));
            p = Periods.periodOf(schedule, p.end().plusDays(1), weekStart);
        }
        return periods;
    }

    /**
     * Ended periods count when met and break when not; the current period counts once met and otherwise does
     * nothing; all-skipped periods do nothing.
     */
    private static List<Event> periodEvents(List<PeriodResult> periods, int times) {
        List<Event> events = new ArrayList<>();
        for (PeriodResult p : periods) {
            if (p.allSkipped()) {
                continue;
            }
            if (p.done() >= times) {
                events.add(new Event(p.start(), p.end(), true, p.metOn()));
            } else if (p.ended()) {
                events.add(new Event(p.start(), p.end(), false));
            }
        }
        return events;
    }

    private static double periodStrength(List<PeriodResult> periods, Schedule.PerPeriod schedule, double m) {
        double score = 0;
        for (PeriodResult p : periods) {
            if (p.ended() && !p.allSkipped()) {
                score = Strength.step(score, m, Strength.periodCredit(p.done(), schedule.times()));
            }
        }
        return score;
    }

    /** Met periods over the ended, not all-skipped periods that end on or after {@code from}. */
    private static Double periodRate(List<PeriodResult> periods, int times, LocalDate from) {
        long met = 0;
        long failed = 0;
        for (PeriodResult p : periods) {
            if (p.ended() && !p.allSkipped() && !p.end().isBefore(from)) {
                if (p.done() >= times) {
                    met++;
                } else {
                    failed++;
                }
            }
        }
        return Rules.rate(met, failed);
    }

    // ---- both ----------------------------------------------------------------------------------------------------

    /** Splits the events into runs; the last run is current when no break follows it; ties go to the later run. */
    private static Stats.Streak streak(List<Event> events, String unit) {
        List<List<Event>> runs = new ArrayList<>();
        List<Event> run = new ArrayList<>();
        for (Event e : events) {
            if (e.counts()) {
                run.add(e);
            } else {
                if (!run.isEmpty()) {
                    runs.add(run);
                }
                run = new ArrayList<>();
            }
        }
        List<Event> current = run;
        if (!run.isEmpty()) {
            runs.add(run);
        }
        List<Event> longest = List.of();
        for (List<Event> r : runs) {
            if (r.size() >= longest.size()) {
                longest = r;
            }
        }
        return new Stats.Streak(
                current.size(),
                longest.size(),
                unit,
                current.isEmpty() ? null : current.get(0).start(),
                longest.isEmpty() ? null : longest.get(0).start(),
                longest.isEmpty() ? null : longest.get(longest.size() - 1).end());
    }

    private static Stats.Totals totals(List<Day> days) {
        long done = 0;
        BigDecimal value = BigDecimal.ZERO;
        for (Day d : days) {
            if (d.state() == DayState.DONE) {
                done++;
            }
            if ((d.state() == DayState.DONE || d.state() == DayState.PARTIAL) && d.value() != null) {
                value = value.add(d.value());
            }
        }
        return new Stats.Totals(done, value);
    }

    private static DayOfWeek bestWeekday(List<Day> ended, DayOfWeek weekStart) {
        int[] done = new int[7];
        int[] failed = new int[7];
        for (Day d : ended) {
            if (d.due() && d.state() == DayState.DONE) {
                done[d.date().getDayOfWeek().ordinal()]++;
            } else if (d.due() && (d.state() == DayState.PARTIAL || d.state() == DayState.MISSED)) {
                failed[d.date().getDayOfWeek().ordinal()]++;
            }
        }
        return Rules.bestWeekday(done, failed, weekStart);
    }
}
