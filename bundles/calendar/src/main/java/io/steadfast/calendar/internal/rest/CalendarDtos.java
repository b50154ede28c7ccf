package io.steadfast.calendar.internal.rest;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import io.steadfast.calendar.internal.service.CalendarViews;
import io.steadfast.habit.api.DayView;
import io.steadfast.habit.api.HabitDays;
import io.steadfast.habit.dto.HabitDto;

/** The JSON of the agenda, calendar and heat-map endpoints, and the mapping from the views. */
public final class CalendarDtos {

    private CalendarDtos() {}

    public record Progress(BigDecimal value, BigDecimal target) {}

    /**
     * The week or month of a per-period habit holding a day.
     *
     * @param status {@code met} once its count is reached, {@code missed} when it ended short of it, else
     *               {@code open}: the period is judged, not its single days
     */
    public record PeriodDto(int done, int times, LocalDate start, LocalDate end, String status) {

        static PeriodDto of(DayView.PeriodView p, LocalDate today) {
            if (p == null) {
                return null;
            }
            String status = p.done() >= p.times() ? "met" : p.end().isBefore(today) ? "missed" : "open";
            return new PeriodDto(p.done(), p.times(), p.start(), p.end(), status);
        }
    }

    /** One habit of the day; {@code nextReminderAt}: when its next reminder fires, or {@code null} for none. */
    public record TodayItem(
            HabitDto habit,
            boolean due,
            String status,
            Progress progress,
            PeriodDto period,
            java.time.Instant nextReminderAt) {}

    public record Today(LocalDate date, String timezone, List<TodayItem> habits) {}

    public record CalendarHabit(UUID habitId, boolean due, String status, BigDecimal value, PeriodDto period) {}

    public record CalendarDay(LocalDate date, List<CalendarHabit> habits) {}

    /**
     * The days of a page of the habits: {@code offset} and {@code limit} of the page, {@code total} active habits,
     * {@code nextOffset} the next page's offset ({@code null} after the last).
     */
    public record Calendar(
            LocalDate from,
            LocalDate to,
            List<CalendarDay> days,
            int offset,
            int limit,
            int total,
            Integer nextOffset) {}

    public record HeatmapDay(LocalDate date, BigDecimal value, String status) {}

    public record Heatmap(UUID habitId, int year, List<HeatmapDay> days) {}

    public record FeedUrl(String url) {}

    static Today today(CalendarViews.Agenda a, java.util.Map<UUID, java.time.Instant> nextReminders) {
        List<TodayItem> items = new ArrayList<>();
        for (HabitDays h : a.habits()) {
            DayView d = h.days().get(0);
            items.add(new TodayItem(
                    HabitDto.of(h.habit()),
                    d.due(),
                    d.state().json(),
                    new Progress(d.value(), d.target()),
                    PeriodDto.of(d.period(), a.date()),
                    nextReminders.get(h.habit().id())));
        }
        return new Today(a.date(), a.zone().getId(), items);
    }

    static Calendar calendar(CalendarViews.Range r) {
        Map<LocalDate, List<CalendarHabit>> days = new LinkedHashMap<>();
        for (LocalDate d = r.from(); !d.isAfter(r.to()); d = d.plusDays(1)) {
            days.put(d, new ArrayList<>());
        }
        for (HabitDays h : r.habits()) {
            for (DayView d : h.days()) {
                days.get(d.date())
                        .add(new CalendarHabit(
                                h.habit().id(),
                                d.due(),
                                d.state().json(),
                                d.value(),
                                PeriodDto.of(d.period(), h.habit().today())));
            }
        }
        List<CalendarDay> out = new ArrayList<>();
        days.forEach((d, hs) -> out.add(new CalendarDay(d, hs)));
        return new Calendar(r.from(), r.to(), out, r.offset(), r.limit(), r.total(), r.nextOffset());
    }

    static Heatmap heatmap(CalendarViews.Year y) {
        return new Heatmap(
                y.habit().id(),
                y.year(),
                y.days().stream()
                        .map(d -> new HeatmapDay(d.date(), d.value(), d.state().json()))
                        .collect(Collectors.toList()));
    }
}
