package io.steadfast.habit.internal.domain;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;

import io.steadfast.api.habit.spi.HabitType.DayRecord;
import io.steadfast.habit.api.DayState;
import io.steadfast.habit.api.Periods;
import io.steadfast.habit.api.Periods.Period;
import io.steadfast.habit.api.Schedule;

/**
 * The {@link Agenda} items of one habit for a range of dates (the calendar and heatmaps), computed in one pass: each
 * day's record is looked up and evaluated at most once, and per-period counts accumulate within each period instead
 * of being recounted for every date. The result equals {@link Agenda#item} for every date of the range.
 */
public final class HabitCalendar {

    private HabitCalendar() {}

    /** {@link #range(HabitRules, Function, LocalDate, LocalDate, LocalDate, DayOfWeek)} with the records in a map. */
    public static NavigableMap<LocalDate, AgendaItem> range(
            HabitRules habit,
            Map<LocalDate, DayRecord> records,
            LocalDate from,
            LocalDate to,
            LocalDate today,
            DayOfWeek weekStart) {
        return range(habit, records::get, from, to, today, weekStart);
    }

    /**
     * The items of every date from {@code from} to {@code to}, both included, in date order.
     *
     * @param records   the day records by date, {@code null} for a day without one; asked for the dates of the range
     *                  and, for per-period schedules, the days up to today of the periods the range touches
     * @param today     the user's today; dates before it have ended
     * @param weekStart the user's first day of the week
     * @throws IllegalArgumentException when {@code to} is before {@code from}
     */
    public static NavigableMap<LocalDate, AgendaItem> range(
            HabitRules habit,
            Function<LocalDate, DayRecord> records,
            LocalDate from,
            LocalDate to,
            LocalDate today,
            DayOfWeek weekStart) {
        Objects.requireNonNull(today, "today");
        Objects.requireNonNull(weekStart, "weekStart");
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("range ends " + to + " before it starts " + from);
        }
        NavigableMap<LocalDate, AgendaItem> items = new TreeMap<>();
        if (habit.schedule() instanceof Schedule.PerPeriod perPeriod) {
            LocalDate cursor = from;
            while (!cursor.isAfter(to)) {
                Period period = Periods.periodOf(perPeriod, cursor, weekStart);
                fillPeriod(items, habit, perPeriod, records, period, cursor, Agenda.min(period.end(), to), today);
                cursor = period.end().plusDays(1);
            }
        } else {
            for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
                boolean due = Due.isDue(habit.schedule(), habit.startDate(), d);
                items.put(d, Agenda.settle(habit, records.apply(d), d, today, due, null, null));
            }
        }
        return Collections.unmodifiableNavigableMap(items);
    }

    /** Adds the items of the dates {@code from}–{@code to}, which lie in {@code period}. */
    private static void fillPeriod(
            Map<LocalDate, AgendaItem> items,
            HabitRules habit,
            Schedule.PerPeriod schedule,
            Function<LocalDate, DayRecord> records,
            Period period,
            LocalDate from,
            LocalDate to,
            LocalDate today) {
        int length = period.length();
        DayRecord[] recordOf = new DayRecord[length];
        boolean[] fetched = new boolean[length];
        DayResult[] evaluated = new DayResult[length]; // the counted days: from the start date up to today

        // first pass: evaluate the counted days once, for the period's progress
        int done = 0;
        LocalDate last = Agenda.min(period.end(), today);
        for (LocalDate d = Agenda.max(period.start(), habit.startDate()); !d.isAfter(last); d = d.plusDays(1)) {
            int i = index(period, d);
            DayRecord r = record(records, recordOf, fetched, i, d);
            if (!habit.counts(r, d)) {
                continue;
            }
            evaluated[i] = habit.evaluate(r, d.isBefore(today));
            if (evaluated[i].state() == DayState.DONE) {
                done++;
            }
        }
        PeriodProgress progress = new PeriodProgress(done, schedule.times(), period.start(), period.end());

        // second pass: the running count of done days before each date decides whether it is due
        int doneBefore = 0;
        for (LocalDate d = period.start(); !d.isAfter(to); d = d.plusDays(1)) {
            int i = index(period, d);
            DayResult own = evaluated[i];
            if (!d.isBefore(from)) {
                boolean due = Agenda.dueInPeriod(habit, schedule, d, doneBefore, own);
                DayRecord record = record(records, recordOf, fetched, i, d);
                items.put(d, Agenda.settle(habit, record, d, today, due, progress, own));
            }
            if (own != null && own.state() == DayState.DONE) {
                doneBefore++;
            }
        }
    }

    private static int index(Period period, LocalDate d) {
        return (int) ChronoUnit.DAYS.between(period.start(), d);
    }

    private static DayRecord record(
            Function<LocalDate, DayRecord> records, DayRecord[] recordOf, boolean[] fetched, int i, LocalDate d) {
        if (!fetched[i]) {
            recordOf[i] = records.apply(d);
            fetched[i] = true;
        }
        return recordOf[i];
    }
}
