package io.steadfast.habit.internal.service;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.steadfast.api.habit.spi.HabitType;
import io.steadfast.habit.api.DayView;
import io.steadfast.habit.internal.domain.AgendaItem;
import io.steadfast.habit.internal.domain.EraCalendar;
import io.steadfast.habit.internal.domain.HabitRules;
import io.steadfast.habit.internal.domain.ScheduleEra;
import io.steadfast.habit.internal.store.CheckinRow;
import io.steadfast.habit.internal.store.CheckinStore;
import io.steadfast.habit.internal.store.HabitRow;
import io.steadfast.habit.internal.store.VacationRow;
import io.steadfast.habit.internal.store.VacationStore;

/**
 * The one place where a habit's days are judged: it reads the day records (of many habits in one query, with
 * the month before the range that per-period schedules look back on) and evaluates each date under the schedule
 * of its era with the habit's type — or, while the type's plugin is not running, {@link UnavailableType}.
 */
@Component(service = HabitEvaluator.class)
public class HabitEvaluator {

    private final CheckinStore checkins;
    private final HabitTypeRegistry types;
    private final VacationStore vacations;

    @Activate
    public HabitEvaluator(
            @Reference CheckinStore checkins, @Reference HabitTypeRegistry types, @Reference VacationStore vacations) {
        this.checkins = checkins;
        this.types = types;
        this.vacations = vacations;
    }

    /** The vacations of the owner of {@code habits} (all have one owner), or none when there are no habits. */
    public List<VacationRow> vacations(List<HabitRow> habits) {
        return habits.isEmpty() ? List.of() : vacations.list(habits.get(0).userId());
    }

    /** The habit's type, or the stand-in while its plugin is not running. */
    public HabitType type(HabitRow h) {
        return types.get(h.typeKey()).orElse(UnavailableType.INSTANCE);
    }

    public Optional<HabitType> availableType(HabitRow h) {
        return types.get(h.typeKey());
    }

    /** The records of {@code habits} from {@code from} to {@code to}, per habit (one query). */
    public Map<java.util.UUID, Map<LocalDate, HabitType.DayRecord>> records(
            List<HabitRow> habits, LocalDate from, LocalDate to) {
        Map<java.util.UUID, Map<LocalDate, HabitType.DayRecord>> out = new HashMap<>();
        if (habits.isEmpty()) {
            return out;
        }
        List<java.util.UUID> ids = habits.stream().map(HabitRow::id).collect(Collectors.toList());
        // (ordered by habit and day, as the primary key: a variant without the order made PostgreSQL 15 answer the
        // calendar of the full load dataset 15 times slower in one run; see docs/performance.md)
        for (CheckinRow c : checkins.range(ids, from, to)) {
            if (c.disputed()) {
                // the referee disputed the day: it counts as if nothing were recorded
                continue;
            }
            out.computeIfAbsent(c.habitId(), k -> new HashMap<>())
                    .put(c.date(), new HabitType.DayRecord(c.value(), c.note(), CheckinRow.SKIPPED.equals(c.status())));
        }
        return out;
    }

    /** Each date from {@code from} to {@code to} of one habit, given its records and its owner's vacations. */
    public NavigableMap<LocalDate, AgendaItem> evaluate(
            HabitRow h,
            Map<LocalDate, HabitType.DayRecord> records,
            List<VacationRow> vacations,
            LocalDate from,
            LocalDate to,
            LocalDate today,
            DayOfWeek weekStart) {
        return EraCalendar.range(eras(h), rules(h, vacations), records::get, from, to, today, weekStart);
    }

    /** One date of one habit, given its records and its owner's vacations. */
    public AgendaItem evaluate(
            HabitRow h,
            Map<LocalDate, HabitType.DayRecord> records,
            List<VacationRow> vacations,
            LocalDate date,
            LocalDate today,
            DayOfWeek weekStart) {
        return EraCalendar.item(eras(h), rules(h, vacations), records::get, date, today, weekStart);
    }

    /** The habit's rules (its schedule is replaced per era): type, target, creation day, vacations. */
    HabitRules rules(HabitRow h, List<VacationRow> vacations) {
        List<VacationRow> mine = vacations.stream()
                .filter(v -> v.habitIds() == null || v.habitIds().contains(h.id()))
                .toList();
        Predicate<LocalDate> paused =
                mine.isEmpty() ? HabitRules.NEVER_PAUSED : d -> mine.stream().anyMatch(v -> v.pauses(h.id(), d));
        List<ScheduleEra> eras = eras(h);
        return new HabitRules(
                eras.get(0).schedule(),
                eras.get(0).from(),
                type(h),
                definition(h),
                h.createdOn() == null ? LocalDate.MIN : h.createdOn(),
                paused);
    }

    /**
     * The days whose records the evaluation of {@code from}–{@code to} reads: the range itself and, for a per-period
     * schedule, the days of the periods it touches up to today (a period's progress counts all of them). A daily
     * habit's day reads one day, a weekly one's at most its week.
     */
    static LocalDate[] span(List<HabitRow> habits, LocalDate from, LocalDate to, LocalDate today, DayOfWeek weekStart) {
        LocalDate f = from;
        LocalDate t = to;
        for (HabitRow h : habits) {
            for (ScheduleEra e : eras(h)) {
                if (e.schedule() instanceof io.steadfast.habit.api.Schedule.PerPeriod p) {
                    LocalDate first = io.steadfast.habit.api.Periods.periodOf(p, from, weekStart)
                            .start();
                    LocalDate end = io.steadfast.habit.api.Periods.periodOf(p, to, weekStart)
                            .end();
                    LocalDate last = end.isAfter(today) ? (today.isAfter(to) ? today : to) : end;
                    f = first.isBefore(f) ? first : f;
                    t = last.isAfter(t) ? last : t;
                }
            }
        }
        return new LocalDate[] {f, t};
    }

    /** Each date from {@code from} to {@code to} of every habit: one query for the records of all. */
    public Map<java.util.UUID, List<DayView>> days(
            List<HabitRow> habits, LocalDate from, LocalDate to, LocalDate today, DayOfWeek weekStart) {
        LocalDate[] span = span(habits, from, to, today, weekStart);
        Map<java.util.UUID, Map<LocalDate, HabitType.DayRecord>> records = records(habits, span[0], span[1]);
        List<VacationRow> vacations = vacations(habits);
        Map<java.util.UUID, List<DayView>> out = new HashMap<>();
        for (HabitRow h : habits) {
            List<DayView> days = new ArrayList<>();
            evaluate(h, records.getOrDefault(h.id(), Map.of()), vacations, from, to, today, weekStart)
                    .forEach((d, a) -> days.add(view(d, a)));
            out.put(h.id(), days);
        }
        return out;
    }

    /**
     * One day of one habit whose record that day is known ({@code record}; {@code null} for none), as {@link #days}
     * judges it: the records are read only when the day's evaluation needs other days too (a per-period schedule's
     * period); the owner's vacations are read.
     */
    public DayView day(HabitRow h, LocalDate date, HabitType.DayRecord record, LocalDate today, DayOfWeek weekStart) {
        LocalDate[] span = span(List.of(h), date, date, today, weekStart);
        if (!span[0].equals(date) || !span[1].equals(date)) {
            return days(List.of(h), date, date, today, weekStart).get(h.id()).get(0);
        }
        Map<LocalDate, HabitType.DayRecord> records = record == null ? Map.of() : Map.of(date, record);
        AgendaItem a = evaluate(h, records, vacations(List.of(h)), date, date, today, weekStart)
                .get(date);
        return view(date, a);
    }

    static DayView view(LocalDate date, AgendaItem a) {
        return new DayView(
                date,
                a.due(),
                a.state(),
                a.progress(),
                a.target(),
                a.period() == null
                        ? null
                        : new DayView.PeriodView(
                                a.period().done(),
                                a.period().times(),
                                a.period().start(),
                                a.period().end()));
    }

    static List<ScheduleEra> eras(HabitRow h) {
        return ScheduleCodec.eras(h.schedule(), h.startDate());
    }

    static HabitType.HabitDefinition definition(HabitRow h) {
        return new HabitType.HabitDefinition(h.target(), h.unit());
    }
}
