package io.steadfast.habit.internal.domain;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Collections;
import java.util.List;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.function.Function;

import io.steadfast.api.habit.spi.HabitType.DayRecord;

/**
 * {@link HabitCalendar} and {@link Agenda} for a habit whose schedule changed: each date is evaluated under the
 * schedule of its era, and each era starts like a habit of its own on its first day (an {@code every_n_days}
 * schedule counts from it; a per-period schedule's first period asks for the full count from it).
 */
public final class EraCalendar {

    private EraCalendar() {}

    /**
     * @param eras the habit's eras, oldest first; the first starts on the habit's start date
     * @param base the habit's type, definition, creation day and vacations (its schedule is the era's)
     */
    public static NavigableMap<LocalDate, AgendaItem> range(
            List<ScheduleEra> eras,
            HabitRules base,
            Function<LocalDate, DayRecord> records,
            LocalDate from,
            LocalDate to,
            LocalDate today,
            DayOfWeek weekStart) {
        NavigableMap<LocalDate, AgendaItem> out = new TreeMap<>();
        for (int i = 0; i < eras.size(); i++) {
            ScheduleEra era = eras.get(i);
            LocalDate eraEnd = i + 1 < eras.size() ? eras.get(i + 1).from().minusDays(1) : LocalDate.MAX;
            LocalDate f = era.from().isAfter(from) ? era.from() : from;
            LocalDate t = eraEnd.isBefore(to) ? eraEnd : to;
            if (i == 0 && from.isBefore(era.from())) {
                f = from;
            }
            if (t.isBefore(f)) {
                continue;
            }
            HabitRules rules = base.withSchedule(era.schedule(), era.from());
            out.putAll(HabitCalendar.range(rules, records, f, t, today, weekStart));
        }
        return Collections.unmodifiableNavigableMap(out);
    }

    /** One date under the schedule of its era. */
    public static AgendaItem item(
            List<ScheduleEra> eras,
            HabitRules base,
            Function<LocalDate, DayRecord> records,
            LocalDate date,
            LocalDate today,
            DayOfWeek weekStart) {
        ScheduleEra era = eraOf(eras, date);
        return Agenda.item(base.withSchedule(era.schedule(), era.from()), records, date, today, weekStart);
    }

    /** The era a date belongs to (the first era for dates before the habit's start). */
    public static ScheduleEra eraOf(List<ScheduleEra> eras, LocalDate date) {
        ScheduleEra found = eras.get(0);
        for (ScheduleEra e : eras) {
            if (!e.from().isAfter(date)) {
                found = e;
            }
        }
        return found;
    }
}
