package io.steadfast.habit.internal.domain;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

import io.steadfast.api.habit.spi.HabitType.DayRecord;
import io.steadfast.habit.api.DayState;
import io.steadfast.habit.api.Periods;
import io.steadfast.habit.api.Periods.Period;
import io.steadfast.habit.api.Schedule;

/**
 * One habit on one date: whether it is due and what became of the date.
 * <p>
 * <b>Per-day schedules</b> (daily, weekdays, every n days): the date is due as {@link Due#isDue} says. A date that
 * is not due is {@link DayState#NOT_DUE}, unless something was recorded on it: then the record is evaluated and
 * reported anyway, with {@code due = false}.
 * <p>
 * <b>Per-period schedules</b> (times per week or month) are judged per period: the <em>done days</em> of the period
 * are the days from the later of the period's start and the habit's start date up to the user's today whose
 * evaluation is {@link DayState#DONE} (skipped days do not count). A date on or after the start date is due while
 * fewer than {@code times} days of its period before it are done, or when it is itself done; so once the count is met
 * the remaining days drop off the agenda. An ended day without a record that is not done (for a limit habit an
 * unrecorded day is done) is {@link DayState#NOT_DUE}: no single day of a period is missed — the period is, when it
 * ends short of its count. The item carries the period's progress: its done days up to the end of the period or the
 * user's today, whichever is earlier. The first period counts from the start date and still asks for the full
 * {@code times}.
 * <p>
 * <b>Free history</b>: a date before the habit was created ({@link HabitRules#trackedFrom()}) counts only with a
 * record: without one it is {@link DayState#NOT_DUE} and not due, so a start date a year back earns nothing by
 * itself (a limit habit's empty past days are not "done").
 * <p>
 * <b>Vacations</b>: on a paused date ({@link HabitRules#pausedOn}) nothing is due; it is {@link DayState#PAUSED}
 * unless it was recorded done (then {@link DayState#DONE}, not due) or skipped. Paused days without a record do not
 * count towards a period.
 * <p>
 * <b>Both</b>: a date before the start date is never due. A date before the user's today is evaluated as ended
 * (a due day without a record is missed), the user's today as in progress. A date after the user's today is never
 * evaluated: it is {@link DayState#SKIPPED} when a skip is recorded for it (planned absence), otherwise
 * {@link DayState#PAUSED} on a vacation, {@link DayState#PENDING} when due and {@link DayState#NOT_DUE} when not, and
 * its records count for nothing.
 * <p>
 * {@link HabitCalendar} computes the same items for a range of dates in one pass.
 */
public final class Agenda {

    private Agenda() {}

    /** {@link #item(HabitRules, Function, LocalDate, LocalDate, DayOfWeek)} with the records in a map. */
    public static AgendaItem item(
            HabitRules habit, Map<LocalDate, DayRecord> records, LocalDate date, LocalDate today, DayOfWeek weekStart) {
        return item(habit, records::get, date, today, weekStart);
    }

    /**
     * The habit on one date.
     *
     * @param records   the day records by date, {@code null} for a day without one; asked for the date and, for
     *                  per-period schedules, the other days of its period up to today
     * @param date      the date to compute
     * @param today     the user's today (see {@link io.steadfast.api.time.UserDay#today}); dates before it have ended
     * @param weekStart the user's first day of the week
     */
    public static AgendaItem item(
            HabitRules habit,
            Function<LocalDate, DayRecord> records,
            LocalDate date,
            LocalDate today,
            DayOfWeek weekStart) {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(today, "today");
        Objects.requireNonNull(weekStart, "weekStart");
        DayRecord record = records.apply(date);
        if (!(habit.schedule() instanceof Schedule.PerPeriod perPeriod)) {
            boolean due = Due.isDue(habit.schedule(), habit.startDate(), date);
            return settle(habit, record, date, today, due, null, null);
        }
        Period period = Periods.periodOf(perPeriod, date, weekStart);
        int done = 0;
        int doneBefore = 0;
        DayResult own = null;
        LocalDate last = min(period.end(), today);
        for (LocalDate d = max(period.start(), habit.startDate()); !d.isAfter(last); d = d.plusDays(1)) {
            DayRecord r = d.equals(date) ? record : records.apply(d);
            if (!habit.counts(r, d)) {
                continue;
            }
            DayResult result = habit.evaluate(r, d.isBefore(today));
            if (d.equals(date)) {
                own = result;
            }
            if (result.state() == DayState.DONE) {
                done++;
                if (d.isBefore(date)) {
                    doneBefore++;
                }
            }
        }
        boolean due = dueInPeriod(habit, perPeriod, date, doneBefore, own);
        PeriodProgress progress = new PeriodProgress(done, perPeriod.times(), period.start(), period.end());
        return settle(habit, record, date, today, due, progress, own);
    }

    /** Whether a date of a per-period schedule is due, given the done days of its period before it. */
    static boolean dueInPeriod(
            HabitRules habit, Schedule.PerPeriod schedule, LocalDate date, int doneBefore, DayResult own) {
        return !date.isBefore(habit.startDate())
                && !habit.pausedOn(date)
                && (doneBefore < schedule.times() || own != null && own.state() == DayState.DONE);
    }

    /**
     * The item for a date whose due-ness is known.
     *
     * @param evaluated the date's evaluation when already computed, else {@code null}
     */
    static AgendaItem settle(
            HabitRules habit,
            DayRecord record,
            LocalDate date,
            LocalDate today,
            boolean due,
            PeriodProgress period,
            DayResult evaluated) {
        boolean paused = habit.pausedOn(date);
        if (paused) {
            due = false;
        }
        DayResult result;
        if (date.isAfter(today)) {
            DayState state = record != null && record.skipped()
                    ? DayState.SKIPPED
                    : paused ? DayState.PAUSED : due ? DayState.PENDING : DayState.NOT_DUE;
            result = new DayResult(state, null);
        } else if (habit.untracked(record, date)) {
            due = false;
            result = new DayResult(DayState.NOT_DUE, null);
        } else if (paused && record == null) {
            result = new DayResult(DayState.PAUSED, null);
        } else if (!due && record == null) {
            result = new DayResult(DayState.NOT_DUE, null);
        } else {
            result = evaluated != null ? evaluated : habit.evaluate(record, date.isBefore(today));
            if (paused && result.state() != DayState.DONE && result.state() != DayState.SKIPPED) {
                result = new DayResult(DayState.PAUSED, null);
            } else if (period != null && record == null && date.isBefore(today) && result.state() != DayState.DONE) {
                due = false;
                result = new DayResult(DayState.NOT_DUE, null);
            }
        }
        return new AgendaItem(
                due, result.state(), result.progress(), habit.definition().target(), period);
    }

    static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }

    static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }
}
