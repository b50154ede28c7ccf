package io.steadfast.streak.internal.service;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.steadfast.api.error.ValidationException;
import io.steadfast.habit.api.DayState;
import io.steadfast.habit.api.DayView;
import io.steadfast.habit.api.HabitInfo;
import io.steadfast.habit.api.HabitQuery;

/**
 * Completion across habits and by weekday over a date range (at most 366 days). Rates are over {@link Occasions}:
 * due days of per-day schedules, and {@code times} occasions per week or month of per-period schedules, judged per
 * period (a 4-times-a-month habit done once in an ended month is due 4, done 1 — not due 30).
 */
@Component(service = AnalyticsService.class)
public class AnalyticsService {

    private final HabitQuery habits;

    @Activate
    public AnalyticsService(@Reference HabitQuery habits) {
        this.habits = habits;
    }

    public Analytics analytics(UUID userId, LocalDate from, LocalDate to, LocalDate today) {
        LocalDate t = to == null ? today : to;
        LocalDate f = from == null ? t.minusDays(29) : from;
        if (t.isBefore(f)) {
            throw new ValidationException("to", "must not be before from");
        }
        if (ChronoUnit.DAYS.between(f, t) + 1 > 366) {
            throw new ValidationException("to", "the range is at most 366 days");
        }
        Tally overall = new Tally();
        Map<DayOfWeek, Tally> weekdays = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek d : DayOfWeek.values()) {
            weekdays.put(d, new Tally());
        }
        List<HabitRate> perHabit = new ArrayList<>();
        for (HabitInfo h : habits.activeHabits(userId)) {
            Tally ht = new Tally();
            List<DayView> days = habits.days(userId, h.id(), f, t);
            for (Occasions.Unit u : Occasions.of(h, days, today)) {
                ht.add(u);
                overall.add(u);
            }
            // the weekday pattern is per day: due days of per-day schedules, recorded days of per-period ones
            for (DayView d : days) {
                boolean counts = h.schedule().perPeriod() ? Occasions.recorded(d) : d.due();
                if (counts && !d.date().isAfter(today)) {
                    weekdays.get(d.date().getDayOfWeek()).add(d.state());
                }
            }
            perHabit.add(new HabitRate(h.id(), h.name(), ht.due, ht.done, ht.rate()));
        }
        List<WeekdayRate> pattern = new ArrayList<>();
        weekdays.forEach((d, tl) -> pattern.add(new WeekdayRate(d, tl.due, tl.done, tl.rate())));
        return new Analytics(f, t, new Rate(overall.due, overall.done, overall.rate()), perHabit, pattern);
    }

    static final class Tally {
        int due;
        int done;
        int counted;

        void add(DayState s) {
            due++;
            if (s == DayState.DONE) {
                done++;
                counted++;
            } else if (s == DayState.PARTIAL || s == DayState.MISSED) {
                counted++;
            }
        }

        void add(Occasions.Unit u) {
            due += u.due();
            done += u.done();
            counted += u.counted();
        }

        Double rate() {
            return counted == 0 ? null : (double) done / counted;
        }
    }

    public record Rate(int due, int done, Double rate) {}

    public record HabitRate(UUID habitId, String name, int due, int done, Double rate) {}

    public record WeekdayRate(DayOfWeek day, int due, int done, Double rate) {}

    public record Analytics(
            LocalDate from, LocalDate to, Rate overall, List<HabitRate> habits, List<WeekdayRate> weekdays) {}
}
