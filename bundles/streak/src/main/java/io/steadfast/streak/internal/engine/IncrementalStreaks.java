package io.steadfast.streak.internal.engine;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NavigableSet;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;

import io.steadfast.habit.api.DayState;
import io.steadfast.habit.api.Periods;
import io.steadfast.habit.api.Periods.Period;
import io.steadfast.habit.api.Schedule;

/**
 * The statistics of one habit kept up to date incrementally: an aggregate that is stored as a short string
 * ({@link #serialize()}, {@link #restore(String)}) and folds only the days that changed, with exactly the results of
 * {@code BruteForce} (the test oracle).
 * <p>
 * <b>State.</b> The aggregate keeps <em>checkpoints</em>: the running state ({@code Tally}) at a date {@code x}, folded
 * from the ended days before {@code x}. Such a state does not depend on the user's today, so it stays valid until a day
 * before {@code x} changes. There is one checkpoint at the first day of each month (the newest
 * {@value #DEFAULT_RETAINED_MONTHS} by default), and one at the user's today as of the last {@link #apply} (the
 * <em>tip</em>). The start date is always a resume point, with the empty state. The user's today itself is kept as a
 * {@link Day} and only folded into the results by {@link #stats}, since it is still in progress.
 * <p>
 * <b>Protocol.</b> When days from {@code changed} on have changed (an edit of a past day, a check-in today, or simply
 * a new today: then the previous today, which has now ended, is the first changed day), the caller asks
 * {@code from = }{@link #replayFrom(LocalDate) replayFrom(changed)}, the latest resume point on or before
 * {@code changed}, evaluates the days {@code from} to today and passes them to {@link #apply(List)}; {@link #stats()}
 * then reads nothing more (the rolling windows come from bits of the recent days kept in the state).
 * <pre>
 * IncrementalStreaks agg = IncrementalStreaks.restore(row.state());           // or create(...) for a new habit
 * agg.apply(calendar(agg.replayFrom(min(changed, agg.computedThrough())), today));
 * Stats stats = agg.stats();
 * row.state(agg.serialize());
 * </pre>
 * <b>Cost model</b> ({@code n} = days passed to {@code apply}, {@code k} = number of checkpoints, at most the
 * retained months + 1):
 * <ul>
 * <li>a check-in or edit today: {@code replayFrom(today)} is the tip, so {@code apply} folds 1 day: O(1 + k);</li>
 * <li>the first call on a new day: from the previous today, O(days since the last apply + k);</li>
 * <li>an edit of a past day within the retained months: from the first of its month, O(days from there to
 * today + k), at most ~31 days more than the edit's age;</li>
 * <li>an edit older than the oldest retained checkpoint: a full replay from the start date, O(history);</li>
 * <li>{@link #stats}: O(1) for per-day schedules (the rolling windows are bit counts over the last 384 days kept in
 * the state), O(54 + 7) for per-period schedules (the windows come from the last 64 ended periods kept in the
 * state);</li>
 * <li>the serialised state: a header plus ~150–180 characters per checkpoint (per-day: ~200 more for the recent
 * bits): ~2–5 kB with the default retention, whatever the length of the history.</li>
 * </ul>
 * A change of the schedule, start date or first day of the week is out of scope: the aggregate is for one of each
 * ({@link #isFor}); the caller creates a new one and replays the whole history.
 * <p>
 * Not thread-safe.
 */
public final class IncrementalStreaks {

    /** How many month-start checkpoints are kept by default: edits up to about a year back replay from one. */
    public static final int DEFAULT_RETAINED_MONTHS = 12;

    private static final String VERSION = "s3";

    private final Schedule schedule;
    private final LocalDate startDate;
    private final DayOfWeek weekStart;
    private final int retainedMonths;
    private final String unit;
    private final double multiplier;
    /** For per-period schedules the count a period asks for, else 0. */
    private final int times;

    /** The user's today as of the last {@link #apply}, {@code null} before the first. */
    private LocalDate today;
    /** The user's today's day, {@code null} when {@code today} is {@code null} or before the start date. */
    private Day todayDay;
    /** The checkpoints by date: month starts and the tip at {@code today}. */
    private final TreeMap<LocalDate, Tally> checkpoints = new TreeMap<>();

    private IncrementalStreaks(Schedule schedule, LocalDate startDate, DayOfWeek weekStart, int retainedMonths) {
        this.schedule = Objects.requireNonNull(schedule, "schedule");
        this.startDate = Objects.requireNonNull(startDate, "startDate");
        this.weekStart = Objects.requireNonNull(weekStart, "weekStart");
        if (retainedMonths < 0) {
            throw new IllegalArgumentException("retainedMonths must not be negative, was " + retainedMonths);
        }
        this.retainedMonths = retainedMonths;
        this.unit = Rules.unit(schedule);
        this.multiplier = Strength.multiplier(schedule);
        this.times = schedule instanceof Schedule.PerPeriod p ? p.times() : 0;
    }

    /** A new aggregate with {@value #DEFAULT_RETAINED_MONTHS} retained month checkpoints and nothing applied yet. */
    public static IncrementalStreaks create(Schedule schedule, LocalDate startDate, DayOfWeek weekStart) {
        return create(schedule, startDate, weekStart, DEFAULT_RETAINED_MONTHS);
    }

    /**
     * A new aggregate with nothing applied yet.
     *
     * @param retainedMonths how many month-start checkpoints to keep (0: only the tip; edits before today then replay
     *                       from the start date)
     */
    public static IncrementalStreaks create(
            Schedule schedule, LocalDate startDate, DayOfWeek weekStart, int retainedMonths) {
        return new IncrementalStreaks(schedule, startDate, weekStart, retainedMonths);
    }

    /** Whether the aggregate was made for this schedule, start date and first day of the week. */
    public boolean isFor(Schedule schedule, LocalDate startDate, DayOfWeek weekStart) {
        return this.schedule.equals(schedule) && this.startDate.equals(startDate) && this.weekStart == weekStart;
    }

    /** The user's today as of the last {@link #apply}: the last date the state includes; {@code null} before. */
    public LocalDate computedThrough() {
        return today;
    }

    /**
     * Where a replay must start when the days from {@code changed} on have changed: the latest checkpoint on or before
     * {@code changed}, else the start date.
     */
    public LocalDate replayFrom(LocalDate changed) {
        Objects.requireNonNull(changed, "changed");
        LocalDate floor = checkpoints.floorKey(changed);
        return floor == null || floor.isBefore(startDate) ? startDate : floor;
    }

    /** The dates {@link #apply} may start at: the start date and the checkpoints. */
    public NavigableSet<LocalDate> resumePoints() {
        TreeSet<LocalDate> points = new TreeSet<>(checkpoints.keySet());
        points.add(startDate);
        return Collections.unmodifiableNavigableSet(points);
    }

    /**
     * {@link #apply(LocalDate, List)} with the user's today the date of the last day.
     *
     * @throws IllegalArgumentException when {@code days} is empty
     */
    public void apply(List<Day> days) {
        if (days.isEmpty()) {
            throw new IllegalArgumentException("no days: pass at least the user's today");
        }
        apply(days.get(days.size() - 1).date(), days);
    }

    /**
     * Replays the days from a resume point to the user's today. The checkpoints after the first day are dropped and
     * rebuilt; then the month checkpoints beyond the retained number are dropped. On an exception nothing changed.
     *
     * @param today the user's today
     * @param days  the evaluated days, one after the other, from a {@linkplain #resumePoints() resume point}
     *              (normally {@link #replayFrom}) to {@code today}; empty when {@code today} is before the start date
     * @throws IllegalArgumentException when the days do not start at a resume point or do not run to {@code today}
     */
    public void apply(LocalDate today, List<Day> days) {
        Objects.requireNonNull(today, "today");
        Objects.requireNonNull(days, "days");
        if (today.isBefore(startDate)) {
            Rules.requireRun(days, startDate, startDate.minusDays(1));
            checkpoints.clear();
            this.today = today;
            this.todayDay = null;
            return;
        }
        if (days.isEmpty()) {
            throw new IllegalArgumentException("no days: pass the days from a resume point to " + today);
        }
        LocalDate from = days.get(0).date();
        Tally state;
        if (from.equals(startDate)) {
            state = new Tally();
        } else {
            Tally checkpoint = checkpoints.get(from);
            if (checkpoint == null) {
                throw new IllegalArgumentException("cannot resume at " + from + ": the days must start at one of "
                        + resumePoints() + ", see replayFrom");
            }
            state = checkpoint.copy();
        }
        Rules.requireRun(days, from, today);

        checkpoints.tailMap(from, true).clear();
        for (int i = 0; i < days.size() - 1; i++) {
            Day day = days.get(i);
            if (day.date().getDayOfMonth() == 1 && day.date().isAfter(startDate)) {
                checkpoints.put(day.date(), state.copy());
            }
            fold(state, day);
        }
        checkpoints.put(today, state);
        prune(today);
        this.today = today;
        this.todayDay = days.get(days.size() - 1);
    }

    /** Keeps the tip and the newest {@link #retainedMonths} month starts. */
    private void prune(LocalDate tip) {
        int kept = 0;
        for (Iterator<LocalDate> it = checkpoints.descendingKeySet().iterator(); it.hasNext(); ) {
            LocalDate date = it.next();
            boolean monthStart = date.getDayOfMonth() == 1;
            if (date.equals(tip)) {
                kept += monthStart ? 1 : 0;
            } else if (monthStart && kept < retainedMonths) {
                kept++;
            } else {
                it.remove();
            }
        }
    }

    /** Folds an ended day into the running state. */
    private void fold(Tally t, Day day) {
        DayState s = day.state();
        if (s == DayState.DONE) {
            t.doneDay(day.date());
        }
        if ((s == DayState.DONE || s == DayState.PARTIAL) && day.value() != null) {
            t.value = t.value.add(day.value());
        }
        boolean failed = s == DayState.PARTIAL || s == DayState.MISSED;
        if (day.due()) {
            int w = day.date().getDayOfWeek().ordinal();
            if (s == DayState.DONE) {
                t.weekdayDone[w]++;
            } else if (failed) {
                t.weekdayFailed[w]++;
            }
        }
        if (times == 0) {
            t.recentDay(day.due() && s == DayState.DONE, day.due() && failed);
            if (!day.due() || !(s == DayState.DONE || failed)) {
                return; // not due, skipped, paused or (never on an ended day) pending: neither counts nor breaks
            }
            if (s == DayState.DONE) {
                t.count(day.date(), day.date(), day.date());
                t.met++;
            } else {
                t.breakRun();
            }
            t.counted++;
            t.score = Strength.step(
                    t.score,
                    multiplier,
                    s == DayState.DONE ? 1.0 : s == DayState.PARTIAL ? Strength.PARTIAL_CREDIT : 0.0);
        } else {
            if (s == DayState.DONE) {
                t.periodDone++;
                if (t.periodDone == times) {
                    t.periodMetOn = day.date();
                }
            }
            if (!absent(s)) {
                t.periodAllSkipped = false;
            }
            Period period = Periods.periodOf(schedule, day.date(), weekStart);
            if (day.date().equals(period.end())) {
                closePeriod(t, period);
            }
        }
    }

    /** A skipped or paused day: it neither counts nor breaks, and a period of only such days does not count. */
    static boolean absent(DayState s) {
        return s == DayState.SKIPPED || s == DayState.PAUSED;
    }

    /** Settles an ended period, after its last day was folded. */
    private void closePeriod(Tally t, Period period) {
        boolean counts = !t.periodAllSkipped;
        boolean met = counts && t.periodDone >= times;
        if (counts) {
            if (met) {
                t.count(Rules.max(period.start(), startDate), period.end(), t.periodMetOn);
                t.met++;
            } else {
                t.breakRun();
            }
            t.counted++;
            t.score = Strength.step(t.score, multiplier, Strength.periodCredit(t.periodDone, times));
        }
        t.recentMet = t.recentMet << 1 | (met ? 1 : 0);
        t.recentCounted = t.recentCounted << 1 | (counts ? 1 : 0);
        t.periodDone = 0;
        t.periodMetOn = null;
        t.periodAllSkipped = true;
    }

    /**
     * The statistics as of the last {@link #apply}; equal to the test oracle {@code BruteForce.stats} over the whole
     * history. Reads no days: everything comes from the state.
     *
     * @throws IllegalStateException before the first {@link #apply}
     */
    public Stats stats() {
        if (today == null) {
            throw new IllegalStateException("no days applied yet");
        }
        if (today.isBefore(startDate)) {
            return Stats.empty(unit);
        }
        Tally tip = checkpoints.get(today);
        Tally t = tip.copy();
        Day day = todayDay;

        // today: totals, and the streak (per day: done counts, missed breaks; per period: the current period counts
        // once met)
        if (day.state() == DayState.DONE) {
            t.doneDay(today);
        }
        if ((day.state() == DayState.DONE || day.state() == DayState.PARTIAL) && day.value() != null) {
            t.value = t.value.add(day.value());
        }
        Double[] windows = new Double[Rules.WINDOWS.length];
        if (times == 0) {
            if (day.due() && day.state() == DayState.DONE) {
                t.count(today, today, today);
            } else if (day.due() && day.state() == DayState.MISSED) {
                t.breakRun();
            }
            windowsFromDays(tip, windows);
        } else {
            Period current = Periods.periodOf(schedule, today, weekStart);
            if (t.periodDone + (day.state() == DayState.DONE ? 1 : 0) >= times) {
                t.count(
                        Rules.max(current.start(), startDate),
                        current.end(),
                        t.periodMetOn != null ? t.periodMetOn : today);
            }
            windowsFromPeriods(tip, current, windows);
        }
        Stats.Streak streak = new Stats.Streak(
                t.run,
                t.longest,
                unit,
                t.run > 0 ? t.runStart : null,
                t.longest > 0 ? t.longestStart : null,
                t.longest > 0 ? t.longestEnd : null);
        Stats.Completion completion =
                new Stats.Completion(windows[0], windows[1], windows[2], Rules.rate(tip.met, tip.counted - tip.met));
        return new Stats(
                streak,
                tip.score,
                completion,
                new Stats.Totals(t.doneDays, t.value),
                Rules.bestWeekday(tip.weekdayDone, tip.weekdayFailed, weekStart),
                Rules.milestones(t.reached));
    }

    /** Per-day windows: the due done and failed days among the {@code WINDOWS[w]} ended days before today. */
    private static void windowsFromDays(Tally tip, Double[] windows) {
        for (int w = 0; w < Rules.WINDOWS.length; w++) {
            windows[w] = Rules.rate(
                    Tally.recentCount(tip.recentDone, Rules.WINDOWS[w]),
                    Tally.recentCount(tip.recentFailed, Rules.WINDOWS[w]));
        }
    }

    private void windowsFromPeriods(Tally tip, Period current, Double[] windows) {
        for (int w = 0; w < Rules.WINDOWS.length; w++) {
            LocalDate from = today.minusDays(Rules.WINDOWS[w]);
            long met = 0;
            long counted = 0;
            Period p = Periods.periodOf(schedule, current.start().minusDays(1), weekStart);
            for (int i = 0;
                    i < Long.SIZE && !p.end().isBefore(startDate) && !p.end().isBefore(from);
                    i++) {
                if ((tip.recentCounted >>> i & 1) == 1) {
                    counted++;
                    met += tip.recentMet >>> i & 1;
                }
                p = Periods.periodOf(schedule, p.start().minusDays(1), weekStart);
            }
            windows[w] = Rules.rate(met, counted - met);
        }
    }

    // ---- serialisation -------------------------------------------------------------------------------------------

    /**
     * The aggregate as text: {@code s1|schedule|startDate|weekStart|retainedMonths|today|todayDay|date:state|...}.
     * {@link #restore(String)} reads it back to an equal aggregate.
     */
    public String serialize() {
        StringBuilder b = new StringBuilder(VERSION);
        b.append('|')
                .append(scheduleText(schedule))
                .append('|')
                .append(startDate)
                .append('|')
                .append(Schedule.dayCode(weekStart))
                .append('|')
                .append(retainedMonths)
                .append('|')
                .append(today == null ? "" : today.toString())
                .append('|');
        if (todayDay != null) {
            b.append(todayDay.due() ? '1' : '0')
                    .append(',')
                    .append(todayDay.state().json())
                    .append(',')
                    .append(todayDay.value() == null ? "" : todayDay.value().toString());
        }
        checkpoints.forEach((date, t) -> b.append('|').append(date).append(':').append(t.encode()));
        return b.toString();
    }

    /** Whether the text is a state of this version (an earlier version's state is recomputed, not read). */
    public static boolean isCurrentFormat(String text) {
        return text != null && text.startsWith(VERSION + "|");
    }

    /**
     * The aggregate {@link #serialize()} wrote.
     *
     * @throws IllegalArgumentException when the text is not such an aggregate (then rebuild it from the history)
     */
    public static IncrementalStreaks restore(String text) {
        Objects.requireNonNull(text, "text");
        String[] f = text.split("\\|", -1);
        if (f.length < 7 || !VERSION.equals(f[0])) {
            throw new IllegalArgumentException("not a streak aggregate (version " + VERSION + "): " + abbreviate(text));
        }
        try {
            IncrementalStreaks a = new IncrementalStreaks(
                    parseSchedule(f[1]), LocalDate.parse(f[2]), Schedule.dayOfWeek(f[3]), Integer.parseInt(f[4]));
            a.today = f[5].isEmpty() ? null : LocalDate.parse(f[5]);
            if (!f[6].isEmpty()) {
                String[] d = f[6].split(",", -1);
                if (d.length != 3 || a.today == null) {
                    throw new IllegalArgumentException("bad today: " + f[6]);
                }
                a.todayDay = new Day(
                        a.today,
                        "1".equals(d[0]),
                        DayState.fromJson(d[1]),
                        d[2].isEmpty() ? null : new BigDecimal(d[2]));
            }
            for (int i = 7; i < f.length; i++) {
                int colon = f[i].indexOf(':');
                a.checkpoints.put(LocalDate.parse(f[i].substring(0, colon)), Tally.decode(f[i].substring(colon + 1)));
            }
            boolean started = a.today != null && !a.today.isBefore(a.startDate);
            if (started != (a.todayDay != null) || started && !a.checkpoints.containsKey(a.today)) {
                throw new IllegalArgumentException("inconsistent today and checkpoints");
            }
            return a;
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("not a streak aggregate: " + abbreviate(text), e);
        }
    }

    private static String abbreviate(String text) {
        return text.length() <= 80 ? text : text.substring(0, 80) + "…";
    }

    /** The schedule's text form with {@code +} between days ({@code ,} separates the state's fields). */
    private static String scheduleText(Schedule schedule) {
        return schedule.text().replace(',', '+');
    }

    private static Schedule parseSchedule(String text) {
        return Schedule.parse(text.replace('+', ','));
    }

    @Override
    public String toString() {
        return "IncrementalStreaks[" + serialize() + "]";
    }
}
