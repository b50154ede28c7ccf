package io.steadfast.habit.internal.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;

import io.steadfast.api.habit.spi.HabitType;
import io.steadfast.api.habit.spi.HabitType.DayOutcome;
import io.steadfast.api.habit.spi.HabitType.DayRecord;
import io.steadfast.api.habit.spi.HabitType.HabitDefinition;
import io.steadfast.habit.api.DayState;
import io.steadfast.habit.api.Schedule;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.RandomDistribution;
import net.jqwik.api.Tuple;

/**
 * {@link Agenda} and {@link HabitCalendar} against a deliberately naive oracle that recomputes every date from
 * scratch: it finds weeks by walking back day by day, months by walking forward, every-n-days by stepping from the
 * start date, and recounts the whole period for every date.
 */
class AgendaOracleTest {

    /** The history covers {@code base - HISTORY_BEFORE} to {@code base + HISTORY_AFTER}. */
    private static final int HISTORY_BEFORE = 110;

    private static final int HISTORY_AFTER = 110;

    /** A random habit, history and range. */
    record Scenario(
            Schedule schedule,
            HabitType type,
            BigDecimal target,
            DayOfWeek weekStart,
            LocalDate startDate,
            LocalDate today,
            LocalDate from,
            LocalDate to,
            Map<LocalDate, DayRecord> records,
            LocalDate trackedFrom,
            LocalDate vacationFrom,
            LocalDate vacationTo) {

        HabitRules rules() {
            return new HabitRules(
                    schedule, startDate, type, new HabitDefinition(target, null), trackedFrom, this::paused);
        }

        boolean paused(LocalDate d) {
            return vacationFrom != null && !d.isBefore(vacationFrom) && !d.isAfter(vacationTo);
        }

        boolean untracked(LocalDate d) {
            return records.get(d) == null && d.isBefore(trackedFrom);
        }

        /** Whether a day counts towards its period (on or after the start, up to today, tracked, not a bare pause). */
        boolean counts(LocalDate d) {
            return !d.isBefore(startDate)
                    && !d.isAfter(today)
                    && !untracked(d)
                    && !(records.get(d) == null && paused(d));
        }

        @Override
        public String toString() {
            return "Scenario[" + schedule + ", " + type.key() + " target " + target + ", weeks from " + weekStart
                    + ", start " + startDate + ", today " + today + ", range " + from + ".." + to + ", tracked from "
                    + trackedFrom + ", vacation " + vacationFrom + ".." + vacationTo + ", records "
                    + new java.util.TreeMap<>(records) + "]";
        }
    }

    @Property(tries = 300)
    void agendaMatchesTheOracle(@ForAll("scenarios") Scenario s) {
        HabitRules rules = s.rules();
        for (LocalDate d = s.from(); !d.isAfter(s.to()); d = d.plusDays(1)) {
            assertThat(Agenda.item(rules, s.records(), d, s.today(), s.weekStart()))
                    .as("%s", d)
                    .isEqualTo(oracle(s, d));
        }
    }

    @Property(tries = 300)
    void calendarMatchesTheOracle(@ForAll("scenarios") Scenario s) {
        NavigableMap<LocalDate, AgendaItem> items =
                HabitCalendar.range(s.rules(), s.records(), s.from(), s.to(), s.today(), s.weekStart());
        assertThat(items.firstKey()).isEqualTo(s.from());
        assertThat(items.lastKey()).isEqualTo(s.to());
        assertThat(items).hasSize((int) (s.to().toEpochDay() - s.from().toEpochDay() + 1));
        for (Map.Entry<LocalDate, AgendaItem> e : items.entrySet()) {
            assertThat(e.getValue()).as("%s", e.getKey()).isEqualTo(oracle(s, e.getKey()));
        }
    }

    @Property(tries = 200)
    void calendarRangesSplitAnywhere(@ForAll("scenarios") Scenario s) {
        long days = s.to().toEpochDay() - s.from().toEpochDay();
        LocalDate cut = s.from().plusDays(days / 3);
        NavigableMap<LocalDate, AgendaItem> whole =
                HabitCalendar.range(s.rules(), s.records(), s.from(), s.to(), s.today(), s.weekStart());
        Map<LocalDate, AgendaItem> parts =
                new HashMap<>(HabitCalendar.range(s.rules(), s.records(), s.from(), cut, s.today(), s.weekStart()));
        if (cut.isBefore(s.to())) {
            parts.putAll(
                    HabitCalendar.range(s.rules(), s.records(), cut.plusDays(1), s.to(), s.today(), s.weekStart()));
        }
        assertThat(parts).isEqualTo(whole);
    }

    @Property(tries = 200)
    void itemsAreConsistent(@ForAll("scenarios") Scenario s) {
        HabitCalendar.range(s.rules(), s.records(), s.from(), s.to(), s.today(), s.weekStart())
                .forEach((d, item) -> {
                    assertThat(item.state() == DayState.NOT_DUE)
                            .as("not due iff neither due, recorded nor paused, %s", d)
                            .isEqualTo(!item.due()
                                    && (!s.paused(d) || s.untracked(d) && !d.isAfter(s.today()))
                                    && (d.isAfter(s.today())
                                            ? !skipped(s.records().get(d))
                                            : s.records().get(d) == null));
                    if (s.paused(d) && !(s.untracked(d) && !d.isAfter(s.today()))) {
                        assertThat(item.due())
                                .as("nothing is due on a vacation, %s", d)
                                .isFalse();
                        assertThat(item.state()).isIn(DayState.PAUSED, DayState.DONE, DayState.SKIPPED);
                    }
                    if (s.untracked(d) && !d.isAfter(s.today())) {
                        assertThat(item.state()).as("free history, %s", d).isEqualTo(DayState.NOT_DUE);
                    }
                    if (s.schedule().perPeriod() && d.isBefore(s.today())) {
                        assertThat(item.state())
                                .as("no single day of a period is missed without a record, %s", d)
                                .isNotEqualTo(s.records().get(d) == null ? DayState.MISSED : null);
                    }
                    if (d.isBefore(s.startDate())) {
                        assertThat(item.due()).isFalse();
                    }
                    if (d.isAfter(s.today())) {
                        assertThat(item.state())
                                .isIn(DayState.PENDING, DayState.NOT_DUE, DayState.SKIPPED, DayState.PAUSED);
                        assertThat(item.progress()).isNull();
                    }
                    if (d.isBefore(s.today()) && item.due()) {
                        assertThat(item.state()).isNotEqualTo(DayState.PENDING);
                    }
                    assertThat(item.period() != null).isEqualTo(s.schedule().perPeriod());
                    if (item.period() != null) {
                        assertThat(item.period().start()).isBeforeOrEqualTo(d);
                        assertThat(item.period().end()).isAfterOrEqualTo(d);
                        int length = (int) (item.period().end().toEpochDay()
                                        - item.period().start().toEpochDay())
                                + 1;
                        assertThat(length)
                                .isEqualTo(s.schedule() instanceof Schedule.TimesPerWeek ? 7 : d.lengthOfMonth());
                        assertThat(item.period().done()).isBetween(0, length);
                        if (!item.period().met()
                                && !d.isBefore(s.startDate())
                                && d.equals(s.today())
                                && !s.paused(d)
                                && !s.untracked(d)) {
                            assertThat(item.due())
                                    .as("an unmet period keeps today due, %s", d)
                                    .isTrue();
                        }
                    }
                    assertThat(item.target()).isEqualTo(s.target());
                });
    }

    // ---- the oracle ----------------------------------------------------------------------------------------------

    static AgendaItem oracle(Scenario s, LocalDate date) {
        DayRecord record = s.records().get(date);
        PeriodProgress period = null;
        boolean due;
        if (s.schedule() instanceof Schedule.TimesPerWeek || s.schedule() instanceof Schedule.TimesPerMonth) {
            int times = s.schedule() instanceof Schedule.TimesPerWeek w
                    ? w.times()
                    : ((Schedule.TimesPerMonth) s.schedule()).times();
            LocalDate start;
            LocalDate end;
            if (s.schedule() instanceof Schedule.TimesPerWeek) {
                start = date;
                while (start.getDayOfWeek() != s.weekStart()) {
                    start = start.minusDays(1);
                }
                end = start.plusDays(6);
            } else {
                start = LocalDate.of(date.getYear(), date.getMonth(), 1);
                end = start;
                while (end.plusDays(1).getMonth() == start.getMonth()) {
                    end = end.plusDays(1);
                }
            }
            int doneBefore = 0;
            int doneAll = 0;
            for (LocalDate x = start; !x.isAfter(end); x = x.plusDays(1)) {
                if (s.counts(x) && naiveState(s, x) == DayState.DONE) {
                    doneAll++;
                    if (x.isBefore(date)) {
                        doneBefore++;
                    }
                }
            }
            boolean selfDone = s.counts(date) && naiveState(s, date) == DayState.DONE;
            due = !date.isBefore(s.startDate()) && !s.paused(date) && (doneBefore < times || selfDone);
            period = new PeriodProgress(doneAll, times, start, end);
        } else if (s.schedule() instanceof Schedule.Daily) {
            due = !date.isBefore(s.startDate());
        } else if (s.schedule() instanceof Schedule.Weekdays w) {
            due = !date.isBefore(s.startDate()) && w.days().contains(date.getDayOfWeek());
        } else {
            int n = ((Schedule.EveryNDays) s.schedule()).n();
            due = false;
            for (LocalDate x = s.startDate(); !x.isAfter(date); x = x.plusDays(n)) {
                if (x.equals(date)) {
                    due = true;
                }
            }
        }

        boolean paused = s.paused(date);
        if (paused) {
            due = false;
        }
        DayState state;
        BigDecimal progress = null;
        if (date.isAfter(s.today())) {
            state = skipped(record)
                    ? DayState.SKIPPED
                    : paused ? DayState.PAUSED : due ? DayState.PENDING : DayState.NOT_DUE;
        } else if (s.untracked(date)) {
            due = false;
            state = DayState.NOT_DUE;
        } else if (paused && record == null) {
            state = DayState.PAUSED;
        } else if (record == null && !due) {
            state = DayState.NOT_DUE;
        } else if (skipped(record)) {
            state = DayState.SKIPPED;
        } else {
            DayOutcome outcome =
                    s.type().evaluate(new HabitDefinition(s.target(), null), record, date.isBefore(s.today()));
            state = DayState.valueOf(outcome.status().name());
            progress = outcome.progress();
            if (paused && state != DayState.DONE) {
                state = DayState.PAUSED;
                progress = null;
            } else if (period != null && record == null && date.isBefore(s.today()) && state != DayState.DONE) {
                due = false;
                state = DayState.NOT_DUE;
                progress = null;
            }
        }
        return new AgendaItem(due, state, progress, s.target(), period);
    }

    private static DayState naiveState(Scenario s, LocalDate x) {
        DayRecord record = s.records().get(x);
        if (skipped(record)) {
            return DayState.SKIPPED;
        }
        return DayState.valueOf(s.type()
                .evaluate(new HabitDefinition(s.target(), null), record, x.isBefore(s.today()))
                .status()
                .name());
    }

    private static boolean skipped(DayRecord record) {
        return record != null && record.skipped();
    }

    // ---- generators ----------------------------------------------------------------------------------------------

    @Provide
    Arbitrary<Scenario> scenarios() {
        Arbitrary<LocalDate> base = Arbitraries.longs()
                .between(
                        LocalDate.of(2023, 1, 1).toEpochDay(),
                        LocalDate.of(2028, 12, 31).toEpochDay())
                .withDistribution(RandomDistribution.uniform())
                .map(LocalDate::ofEpochDay);
        Arbitrary<Integer> startOffset = uniform(-45, 45);
        Arbitrary<Integer> todayOffset = uniform(-45, 60);
        Arbitrary<Integer> fromOffset = uniform(-70, 30);
        Arbitrary<Integer> length =
                Arbitraries.frequencyOf(Tuple.of(1, Arbitraries.just(0)), Tuple.of(9, uniform(0, 100)));
        Arbitrary<Integer> density = uniform(5, 100); // percent of the days holding a record
        Arbitrary<List<Cell>> history =
                cells().list().ofSize(HISTORY_BEFORE + HISTORY_AFTER).withoutEdgeCases();
        Arbitrary<Object[]> habit = Combinators.combine(
                        schedules(),
                        Arbitraries.of(Fixtures.BOOLEAN, Fixtures.COUNT, Fixtures.LIMIT),
                        Arbitraries.integers().between(0, 4),
                        Arbitraries.of(DayOfWeek.class))
                .as((schedule, type, target, weekStart) -> new Object[] {schedule, type, target, weekStart});
        Arbitrary<int[]> extras = Combinators.combine(
                        Arbitraries.integers().between(0, 2), uniform(-60, 60), uniform(-60, 60), uniform(0, 20))
                .as((kind, tracked, vacation, vacationLength) -> new int[] {kind, tracked, vacation, vacationLength});
        Arbitrary<Object[]> when = Combinators.combine(base, startOffset, todayOffset, fromOffset, length, extras)
                .as((b, start, today, from, len, x) -> new Object[] {b, start, today, from, len, x});
        return Combinators.combine(habit, when, density, history).as((h, w, percent, cells) -> {
            LocalDate b = (LocalDate) w[0];
            int start = (Integer) w[1];
            int today = (Integer) w[2];
            int from = (Integer) w[3];
            int len = (Integer) w[4];
            int[] x = (int[]) w[5];
            Map<LocalDate, DayRecord> records = new HashMap<>();
            for (int i = 0; i < cells.size(); i++) {
                Cell cell = cells.get(i);
                if (cell.roll() < percent) {
                    records.put(b.plusDays(i - HISTORY_BEFORE), cell.record());
                }
            }
            HabitType type = (HabitType) h[1];
            BigDecimal target = type == Fixtures.BOOLEAN ? null : BigDecimal.valueOf((Integer) h[2]);
            LocalDate first = b.plusDays(from);
            return new Scenario(
                    (Schedule) h[0],
                    type,
                    target,
                    (DayOfWeek) h[3],
                    b.plusDays(start),
                    b.plusDays(today),
                    first,
                    first.plusDays(len),
                    records,
                    // a third each: every day tracked; created some day; and a vacation besides
                    x[0] == 0 ? LocalDate.MIN : b.plusDays(x[1]),
                    x[0] == 2 ? b.plusDays(x[2]) : null,
                    x[0] == 2 ? b.plusDays(x[2] + x[3]) : null);
        });
    }

    /** One day of a history: recorded when {@code roll} is below the scenario's density. */
    record Cell(int roll, DayRecord record) {}

    private static Arbitrary<Integer> uniform(int min, int max) {
        return Arbitraries.integers().between(min, max).withDistribution(RandomDistribution.uniform());
    }

    /** Per-period schedules get half of the tries: they hold most of the rules. */
    private static Arbitrary<Schedule> schedules() {
        return Arbitraries.frequencyOf(
                Tuple.of(1, Arbitraries.just(new Schedule.Daily())),
                Tuple.of(1, Arbitraries.of(DayOfWeek.class).set().ofMinSize(1).map(Schedule.Weekdays::new)),
                Tuple.of(2, Arbitraries.integers().between(1, 7).map(Schedule.TimesPerWeek::new)),
                Tuple.of(2, uniform(1, 31).map(Schedule.TimesPerMonth::new)),
                Tuple.of(1, Arbitraries.integers().between(1, 20).map(Schedule.EveryNDays::new)),
                Tuple.of(1, uniform(1, 365).map(Schedule.EveryNDays::new)));
    }

    private static Arbitrary<Cell> cells() {
        Arbitrary<BigDecimal> values = Arbitraries.of("0", "0.5", "1", "2", "3", "4", "7")
                .map(BigDecimal::new)
                .injectNull(0.2);
        Arbitrary<DayRecord> records = Combinators.combine(values, Arbitraries.of(false, false, false, true))
                .as((v, skipped) -> new DayRecord(v, null, skipped));
        return Combinators.combine(uniform(0, 99), records).as(Cell::new);
    }
}
