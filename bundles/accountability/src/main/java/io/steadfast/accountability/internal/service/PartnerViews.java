package io.steadfast.accountability.internal.service;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.steadfast.api.error.NotFoundException;
import io.steadfast.api.error.ValidationException;
import io.steadfast.api.time.DateLimits;
import io.steadfast.habit.api.DayView;
import io.steadfast.habit.api.HabitDays;
import io.steadfast.habit.api.HabitInfo;
import io.steadfast.habit.api.HabitQuery;
import io.steadfast.streak.api.HabitStatistics;

/**
 * What a partner sees of someone's habits: the habits they share (never a private one), with today's status and
 * their statistics in brief, and the days of one of them — with the notes only where the owner shares them. Each
 * call checks the partnership first; without one, or for a habit that is not shared, nothing is found.
 */
@Component(service = PartnerViews.class)
public class PartnerViews {

    /** The longest range of a partner's calendar. */
    static final int MAX_CALENDAR_DAYS = 366;

    /** The default range of a partner's calendar: four weeks up to the owner's today. */
    static final int DEFAULT_CALENDAR_DAYS = 28;

    private final PartnerService partners;
    private final HabitQuery habits;
    private final HabitStatistics statistics;
    private final Audience audience;

    @Activate
    public PartnerViews(
            @Reference PartnerService partners,
            @Reference HabitQuery habits,
            @Reference HabitStatistics statistics,
            @Reference Audience audience) {
        this.partners = partners;
        this.habits = habits;
        this.statistics = statistics;
        this.audience = audience;
    }

    /** A shared habit with its owner's today and its statistics. */
    public record SharedHabit(HabitInfo habit, DayView today, HabitStatistics.Summary stats) {}

    /** One day of a shared habit; {@code note} only where the owner shares notes. */
    public record SharedDay(DayView day, String note) {}

    public record SharedCalendar(HabitInfo habit, LocalDate from, LocalDate to, List<SharedDay> days) {}

    /** The partner's shared active habits, in their order. */
    public List<SharedHabit> habits(UUID viewerId, UUID partnerId) {
        partners.partner(viewerId, partnerId);
        LocalDate today = habits.today(partnerId).orElseThrow(() -> new NotFoundException("Partner"));
        List<SharedHabit> out = new ArrayList<>();
        for (HabitDays d : habits.activeDays(partnerId, today, today)) {
            HabitInfo h = d.habit();
            if (!h.sharing().shared() || !audience.sees(viewerId, h)) {
                continue;
            }
            out.add(new SharedHabit(h, d.days().isEmpty() ? null : d.days().get(0), statistics.summary(h)));
        }
        return out;
    }

    /** The days of a partner's shared habit from {@code from} to {@code to} (defaults: four weeks to their today). */
    public SharedCalendar calendar(UUID viewerId, UUID partnerId, UUID habitId, LocalDate from, LocalDate to) {
        partners.partner(viewerId, partnerId);
        HabitInfo h = habits.habit(partnerId, habitId)
                .filter(i -> i.sharing().shared() && audience.sees(viewerId, i))
                .orElseThrow(() -> new NotFoundException("Habit"));
        LocalDate t = to == null ? h.today() : DateLimits.check(to, "to");
        LocalDate f = from == null ? t.minusDays(DEFAULT_CALENDAR_DAYS - 1) : DateLimits.check(from, "from");
        if (t.isBefore(f)) {
            throw new ValidationException("to", "must not be before from (" + f + ")");
        }
        if (ChronoUnit.DAYS.between(f, t) + 1 > MAX_CALENDAR_DAYS) {
            throw new ValidationException("to", "the range is at most " + MAX_CALENDAR_DAYS + " days");
        }
        Map<LocalDate, String> notes = new java.util.HashMap<>();
        if (h.sharing().shareNotes()) {
            habits.records(partnerId, habitId, f, t).stream()
                    .filter(r -> r.note() != null)
                    .forEach(r -> notes.put(r.date(), r.note()));
        }
        List<SharedDay> days = habits.days(partnerId, habitId, f, t).stream()
                .map(d -> new SharedDay(d, notes.get(d.date())))
                .toList();
        return new SharedCalendar(h, f, t, days);
    }
}
