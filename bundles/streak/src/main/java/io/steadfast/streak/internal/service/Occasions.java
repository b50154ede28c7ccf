package io.steadfast.streak.internal.service;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.steadfast.habit.api.DayState;
import io.steadfast.habit.api.DayView;
import io.steadfast.habit.api.HabitInfo;

/**
 * What a habit asked for and got over some days, in <em>occasions</em>, so that rates are comparable across kinds
 * of schedule: a per-day schedule has one occasion per due day; a per-period schedule ({@code times} per week or
 * month) has {@code times} occasions per period, judged per period — never per day. Analytics and series add these up.
 */
final class Occasions {

    private Occasions() {}

    /**
     * A unit of occasions.
     *
     * @param date    the due day, or for a period the earlier of its end and today (where a series puts it)
     * @param due     the occasions asked for
     * @param done    those done
     * @param counted those that count for the rate: done or failed; an open day or period counts only what is done
     */
    record Unit(LocalDate date, int due, int done, int counted) {}

    /** The units of a habit's evaluated days, in date order. */
    static List<Unit> of(HabitInfo habit, List<DayView> days, LocalDate today) {
        List<Unit> out = new ArrayList<>();
        if (!habit.schedule().perPeriod()) {
            for (DayView d : days) {
                if (!d.due()) {
                    continue;
                }
                boolean done = d.state() == DayState.DONE;
                boolean failed = d.state() == DayState.PARTIAL || d.state() == DayState.MISSED;
                out.add(new Unit(d.date(), 1, done ? 1 : 0, done || failed ? 1 : 0));
            }
            return out;
        }
        // per period: one unit per period the days touch, unless all its days were skipped, paused or untracked
        Map<LocalDate, DayView.PeriodView> periods = new LinkedHashMap<>();
        Map<LocalDate, Boolean> present = new LinkedHashMap<>();
        LocalDate created = habit.createdOn() == null ? LocalDate.MIN : habit.createdOn();
        for (DayView d : days) {
            DayView.PeriodView p = d.period();
            if (p == null || p.end().isBefore(habit.startDate())) {
                continue;
            }
            periods.putIfAbsent(p.start(), p);
            boolean counts = !d.date().isBefore(habit.startDate())
                    && !d.date().isAfter(today)
                    && d.state() != DayState.SKIPPED
                    && d.state() != DayState.PAUSED
                    && !(d.state() == DayState.NOT_DUE && d.date().isBefore(created));
            present.merge(p.start(), counts, Boolean::logicalOr);
        }
        periods.forEach((start, p) -> {
            if (!present.get(start)) {
                return;
            }
            int done = Math.min(p.done(), p.times());
            boolean ended = p.end().isBefore(today);
            out.add(new Unit(ended ? p.end() : today, p.times(), done, ended ? p.times() : done));
        });
        return out;
    }

    /** Whether a day of a per-period habit is a recorded one (for the weekday pattern, which is per day). */
    static boolean recorded(DayView d) {
        return d.state() == DayState.DONE || d.state() == DayState.PARTIAL || d.state() == DayState.MISSED;
    }
}
