package io.steadfast.streak.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import io.steadfast.habit.api.DayState;
import io.steadfast.habit.api.Periods;
import io.steadfast.habit.api.Schedule;

/**
 * Builds evaluated day lists the way the habit bundle's calendar does (due-ness by the schedule, per-period due-ness
 * by the period's open count, a due day without a record missed once ended and pending today), and runs both engines.
 */
final class Histories {

    private Histories() {}

    /** What the user recorded on a day; the evaluation turns it into a {@link DayState}. */
    enum Record {
        /** Nothing recorded: missed when due and ended, pending today, not due otherwise. */
        NONE,
        DONE,
        PARTIAL,
        /** Recorded and failed (a limit habit over its limit, a count of 0). */
        FAILED,
        SKIPPED,
        /** A vacation day: not due, paused. */
        PAUSED
    }

    /**
     * One day's record as the caller intends it.
     *
     * @param record the record
     * @param value  its value, or {@code null}
     * @param forced when not {@code null}, the day is reported with exactly this due flag and state, whatever the
     *               schedule and today say (inputs the habit bundle never produces; the engines must still agree)
     */
    record Intent(Record record, BigDecimal value, Day forced) {

        static Intent of(Record record) {
            return new Intent(record, null, null);
        }
    }

    /** The habit bundle's {@code Due.isDue}, copied: whether a per-day schedule is due on a date. */
    static boolean isDue(Schedule s, LocalDate startDate, LocalDate date) {
        if (date.isBefore(startDate)) {
            return false;
        }
        if (s instanceof Schedule.Daily || s instanceof Schedule.PerPeriod) {
            return true;
        } else if (s instanceof Schedule.Weekdays w) {
            return w.days().contains(date.getDayOfWeek());
        } else if (s instanceof Schedule.EveryNDays e) {
            return ChronoUnit.DAYS.between(startDate, date) % e.n() == 0;
        }
        throw new IllegalArgumentException("unknown schedule: " + s);
    }

    /**
     * The days from {@code startDate} to {@code today} as evaluated on {@code today}.
     *
     * @param intents the record of each date (by index from {@code startDate}); at least up to {@code today}
     */
    static List<Day> evaluate(
            Schedule schedule,
            LocalDate startDate,
            DayOfWeek weekStart,
            LocalDate today,
            Function<LocalDate, Intent> intents) {
        List<Day> days = new ArrayList<>();
        int doneInPeriod = 0;
        LocalDate periodEnd = null;
        for (LocalDate d = startDate; !d.isAfter(today); d = d.plusDays(1)) {
            Intent intent = intents.apply(d);
            if (schedule.perPeriod() && (periodEnd == null || d.isAfter(periodEnd))) {
                periodEnd = Periods.periodOf(schedule, d, weekStart).end();
                doneInPeriod = 0;
            }
            Day day;
            if (intent.forced() != null) {
                day = new Day(
                        d,
                        intent.forced().due(),
                        intent.forced().state(),
                        intent.forced().value());
            } else if (intent.record() == Record.PAUSED) {
                day = new Day(d, false, DayState.PAUSED, null);
            } else {
                DayState recorded = recorded(intent.record(), d.isBefore(today));
                boolean due = schedule.perPeriod()
                        ? doneInPeriod < times(schedule) || recorded == DayState.DONE
                        : isDue(schedule, startDate, d);
                DayState state = intent.record() == Record.NONE && !due ? DayState.NOT_DUE : recorded;
                day = new Day(d, due, state, intent.record() == Record.NONE ? null : intent.value());
            }
            if (day.state() == DayState.DONE) {
                doneInPeriod++;
            }
            days.add(day);
        }
        return days;
    }

    private static DayState recorded(Record record, boolean ended) {
        switch (record) {
            case DONE:
                return DayState.DONE;
            case PARTIAL:
                return DayState.PARTIAL;
            case FAILED:
                return DayState.MISSED;
            case SKIPPED:
                return DayState.SKIPPED;
            case PAUSED:
                return DayState.PAUSED;
            default:
                return ended ? DayState.MISSED : DayState.PENDING;
        }
    }

    static int times(Schedule schedule) {
        return ((Schedule.PerPeriod) schedule).times();
    }

    /**
     * The days of a pattern, one character per day from {@code startDate} (spaces ignored; the last one is today):
     * {@code x} done, {@code p} partial, {@code f} failed (missed with a record), {@code m} or {@code -} no record
     * (missed, pending or not due as the schedule says), {@code s} skipped.
     */
    static List<Day> pattern(Schedule schedule, LocalDate startDate, DayOfWeek weekStart, String pattern) {
        String p = pattern.replace(" ", "");
        LocalDate today = startDate.plusDays(p.length() - 1);
        return evaluate(schedule, startDate, weekStart, today, d -> Intent.of(record(p.charAt(index(startDate, d)))));
    }

    private static Record record(char c) {
        switch (c) {
            case 'x':
                return Record.DONE;
            case 'p':
                return Record.PARTIAL;
            case 'f':
                return Record.FAILED;
            case 's':
                return Record.SKIPPED;
            case 'v':
                return Record.PAUSED;
            case 'm':
            case '-':
            case 'o':
                return Record.NONE;
            default:
                throw new IllegalArgumentException("pattern character " + c);
        }
    }

    static int index(LocalDate startDate, LocalDate d) {
        return (int) (d.toEpochDay() - startDate.toEpochDay());
    }

    /** The days from {@code from} on. */
    static List<Day> from(List<Day> days, LocalDate from) {
        if (days.isEmpty()) {
            return days;
        }
        int i = index(days.get(0).date(), from);
        return days.subList(Math.max(0, i), days.size());
    }

    /**
     * The statistics of the days (the last is today), from {@link BruteForce} and from {@link IncrementalStreaks}
     * applied in one go and day by day, which must all be equal.
     */
    static Stats stats(Schedule schedule, LocalDate startDate, DayOfWeek weekStart, List<Day> days) {
        LocalDate today = days.get(days.size() - 1).date();
        Stats expected = BruteForce.stats(schedule, startDate, weekStart, today, days);

        IncrementalStreaks all = IncrementalStreaks.create(schedule, startDate, weekStart);
        all.apply(days);
        assertThat(all.stats()).as("incremental, in one go").isEqualTo(expected);
        IncrementalStreaks restored = IncrementalStreaks.restore(all.serialize());
        assertThat(restored.stats()).as("restored").isEqualTo(expected);
        return expected;
    }

    /** {@link #stats(Schedule, LocalDate, DayOfWeek, List)} of a {@link #pattern}. */
    static Stats stats(Schedule schedule, LocalDate startDate, DayOfWeek weekStart, String pattern) {
        return stats(schedule, startDate, weekStart, pattern(schedule, startDate, weekStart, pattern));
    }
}
