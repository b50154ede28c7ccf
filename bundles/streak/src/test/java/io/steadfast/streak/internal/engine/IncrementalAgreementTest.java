package io.steadfast.streak.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import io.steadfast.habit.api.DayState;
import io.steadfast.habit.api.Schedule;
import io.steadfast.streak.internal.engine.Histories.Intent;
import io.steadfast.streak.internal.engine.Histories.Record;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/**
 * {@link IncrementalStreaks} against {@link BruteForce} over random schedules, start dates, first days of the week,
 * retentions and histories: the history is applied in random chunks as the user's today advances (now and then moving
 * back), the aggregate goes through its text form at random, and then random past days are edited and replayed from
 * {@link IncrementalStreaks#replayFrom} or any earlier resume point. After every step the statistics must be equal.
 */
class IncrementalAgreementTest {

    /**
     * A random habit and history.
     *
     * @param length the days from the start date to the final today (0: the habit has not started)
     * @param weird  whether some days are reported with arbitrary due flags and states
     * @param seed   for the records, the chunks and the edits
     */
    record Scenario(
            Schedule schedule,
            LocalDate startDate,
            DayOfWeek weekStart,
            int retainedMonths,
            int length,
            boolean weird,
            long seed) {

        LocalDate finalToday() {
            return startDate.plusDays(length - 1);
        }
    }

    @Provide
    Arbitrary<Schedule> schedules() {
        Arbitrary<Schedule> daily = Arbitraries.just(new Schedule.Daily());
        Arbitrary<Schedule> weekdays = Arbitraries.of(DayOfWeek.class)
                .set()
                .ofMinSize(1)
                .ofMaxSize(7)
                .map(days -> new Schedule.Weekdays(EnumSet.copyOf(days)));
        Arbitrary<Schedule> everyN = Arbitraries.frequencyOf(
                        Tuple.of(4, Arbitraries.integers().between(1, 10)),
                        Tuple.of(1, Arbitraries.integers().between(11, 365)))
                .map(Schedule.EveryNDays::new);
        Arbitrary<Schedule> perWeek = Arbitraries.integers().between(1, 7).map(Schedule.TimesPerWeek::new);
        Arbitrary<Schedule> perMonth = Arbitraries.frequencyOf(
                        Tuple.of(3, Arbitraries.integers().between(1, 8)),
                        Tuple.of(2, Arbitraries.integers().between(9, 26)),
                        Tuple.of(2, Arbitraries.integers().between(27, 31)))
                .map(Schedule.TimesPerMonth::new);
        return Arbitraries.frequencyOf(
                Tuple.of(2, daily),
                Tuple.of(2, weekdays),
                Tuple.of(2, everyN),
                Tuple.of(3, perWeek),
                Tuple.of(3, perMonth));
    }

    @Provide
    Arbitrary<Scenario> scenarios() {
        Arbitrary<LocalDate> starts = Arbitraries.integers().between(0, 2500).map(i -> LocalDate.of(2019, 1, 1)
                .plusDays(i));
        Arbitrary<Integer> retained = Arbitraries.frequencyOf(
                Tuple.of(2, Arbitraries.just(IncrementalStreaks.DEFAULT_RETAINED_MONTHS)),
                Tuple.of(3, Arbitraries.integers().between(0, 14)));
        Arbitrary<Integer> lengths = Arbitraries.frequencyOf(
                Tuple.of(2, Arbitraries.integers().between(0, 40)),
                Tuple.of(3, Arbitraries.integers().between(41, 400)),
                Tuple.of(5, Arbitraries.integers().between(401, 900)));
        Arbitrary<Boolean> weird = Arbitraries.integers().between(0, 99).map(i -> i < 15);
        return Combinators.combine(
                        schedules(),
                        starts,
                        Arbitraries.of(DayOfWeek.class),
                        retained,
                        lengths,
                        weird,
                        Arbitraries.longs())
                .as(Scenario::new);
    }

    // ---- properties ----------------------------------------------------------------------------------------------

    @Property(tries = 300, edgeCases = EdgeCasesMode.NONE)
    void growingInRandomChunksThenEditingAgreesWithTheOracle(@ForAll("scenarios") Scenario s) {
        new Run(s).grow().edit();
    }

    @Property(tries = 200, edgeCases = EdgeCasesMode.NONE)
    void dayByDayUseAgreesWithTheOracle(@ForAll("scenarios") Scenario s) {
        Run run = new Run(s);
        run.maxChunk = 1;
        run.grow().edit();
    }

    @Property(tries = 200, edgeCases = EdgeCasesMode.NONE)
    void arbitraryDayReportsAndManySkipsAgreeToo(@ForAll("scenarios") Scenario scenario) {
        Scenario s = new Scenario(
                scenario.schedule(),
                scenario.startDate(),
                scenario.weekStart(),
                scenario.retainedMonths(),
                scenario.length(),
                true,
                scenario.seed());
        new Run(s, 1 + (int) (Math.abs(s.seed()) % 8), true).grow().edit();
    }

    @Property(tries = 200, edgeCases = EdgeCasesMode.NONE)
    void theOraclesResultsAreConsistent(@ForAll("scenarios") Scenario s) {
        Run run = new Run(s);
        LocalDate today = s.finalToday();
        Stats stats = BruteForce.stats(s.schedule(), s.startDate(), s.weekStart(), today, run.days(today));
        Stats.Streak k = stats.streak();
        assertThat(k.current()).isBetween(0, k.longest());
        assertThat(k.currentStart() == null).isEqualTo(k.current() == 0);
        assertThat(k.longestStart() == null).isEqualTo(k.longest() == 0);
        assertThat(k.longestEnd() == null).isEqualTo(k.longest() == 0);
        if (k.longest() > 0) {
            assertThat(k.longestStart()).isAfterOrEqualTo(s.startDate()).isBeforeOrEqualTo(k.longestEnd());
            assertThat(k.longestStart()).isBeforeOrEqualTo(today);
            long span = ChronoUnit.DAYS.between(k.longestStart(), k.longestEnd()) + 1;
            int perUnit = Stats.DAYS.equals(k.unit()) ? 1 : Stats.WEEKS.equals(k.unit()) ? 7 : 28;
            assertThat(span).isGreaterThanOrEqualTo((long) (k.longest() - 1) * perUnit + 1);
        }
        if (k.current() > 0) {
            assertThat(k.currentStart()).isAfterOrEqualTo(s.startDate()).isBeforeOrEqualTo(today);
        }
        if (k.current() == k.longest() && k.current() > 0) {
            assertThat(k.longestStart())
                    .as("the current streak is the most recent longest")
                    .isEqualTo(k.currentStart());
        }
        assertThat(stats.strength()).isBetween(0.0, 1.0);
        for (Double rate : new Double[] {
            stats.completion().last7(),
            stats.completion().last30(),
            stats.completion().last365(),
            stats.completion().allTime()
        }) {
            if (rate != null) {
                assertThat(rate).isBetween(0.0, 1.0);
            }
        }
        assertThat(stats.totals().doneDays()).isBetween(0L, (long) Math.max(0, s.length()));
        if (stats.completion().allTime() == null) {
            assertThat(stats.completion().last365()).isNull();
        }
        if (stats.completion().last365() == null) {
            assertThat(stats.completion().last30()).isNull();
        }
    }

    @Property(tries = 100, edgeCases = EdgeCasesMode.NONE)
    void applyingFromADateThatIsNoResumePointIsRefusedAndChangesNothing(@ForAll("scenarios") Scenario s) {
        Run run = new Run(s);
        LocalDate today = s.finalToday();
        if (today.isBefore(s.startDate().plusDays(1))) {
            return;
        }
        IncrementalStreaks a =
                IncrementalStreaks.create(s.schedule(), s.startDate(), s.weekStart(), s.retainedMonths());
        a.apply(today, run.days(today));
        String before = a.serialize();
        LocalDate d = s.startDate().plusDays(1 + run.rnd.nextInt(s.length() - 1));
        if (!a.resumePoints().contains(d)) {
            assertThatThrownBy(() -> a.apply(today, Histories.from(run.days(today), d)))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThat(a.serialize()).isEqualTo(before);
        }
    }

    // ---- a run ---------------------------------------------------------------------------------------------------

    /** One scenario's history, aggregate and random choices. */
    static final class Run {

        final Scenario s;
        final Random rnd;
        final Intent[] intents;
        int maxChunk = 90;
        /** In weird scenarios, one day in this many is reported with an arbitrary due flag and state. */
        int forceEvery = 12;
        /** Whether skipped days dominate (many all-skipped periods). */
        boolean skipHeavy;

        boolean movedBack;
        IncrementalStreaks agg;

        Run(Scenario s) {
            this(s, 12, false);
        }

        Run(Scenario s, int forceEvery, boolean skipHeavy) {
            this.s = s;
            this.rnd = new Random(s.seed());
            this.forceEvery = forceEvery;
            this.skipHeavy = skipHeavy;
            this.intents = new Intent[Math.max(0, s.length())];
            double[] weights = weights();
            for (int i = 0; i < intents.length; ) {
                Record record = pick(weights);
                // runs of the same record, with noise; skips come as solid absences, some over a month long
                boolean absence = record == Record.SKIPPED || record == Record.PAUSED;
                int runLength = 1 + rnd.nextInt(absence && rnd.nextInt(3) == 0 ? 70 : 12);
                for (int j = 0; j < runLength && i < intents.length; j++, i++) {
                    intents[i] = intent(!absence && rnd.nextInt(8) == 0 ? pick(weights) : record);
                }
            }
            agg = IncrementalStreaks.create(s.schedule(), s.startDate(), s.weekStart(), s.retainedMonths());
        }

        /**
         * Per-scenario weights of NONE, DONE, PARTIAL, FAILED, SKIPPED (and PAUSED when skip-heavy): from mostly done
         * to mostly missed.
         */
        private double[] weights() {
            double done = new double[] {0.2, 0.5, 0.8, 0.95}[rnd.nextInt(4)];
            double rest = 1 - done;
            if (skipHeavy) {
                return new double[] {
                    rest * 0.2, done * 0.5, rest * 0.1, rest * 0.1, rest * 0.3 + done * 0.25, rest * 0.3 + done * 0.25
                };
            }
            return new double[] {rest * 0.5, done, rest * 0.2, rest * 0.1, rest * 0.2};
        }

        private Record pick(double[] weights) {
            double x = rnd.nextDouble();
            for (int i = 0; i < weights.length; i++) {
                x -= weights[i];
                if (x < 0) {
                    return Record.values()[i];
                }
            }
            return Record.DONE;
        }

        Intent intent(Record record) {
            BigDecimal value = rnd.nextBoolean() ? null : BigDecimal.valueOf(rnd.nextInt(2000) - 100, rnd.nextInt(3));
            Day forced = null;
            if (s.weird() && rnd.nextInt(forceEvery) == 0) {
                DayState state = DayState.values()[rnd.nextInt(DayState.values().length)];
                forced = new Day(LocalDate.MIN, rnd.nextBoolean(), state, value);
            }
            return new Intent(record, value, forced);
        }

        /** The days from the start date to {@code today} as evaluated on {@code today}. */
        List<Day> days(LocalDate today) {
            return Histories.evaluate(
                    s.schedule(), s.startDate(), s.weekStart(), today, d -> intents[Histories.index(s.startDate(), d)]);
        }

        /** Advances today from before the start date to the final today in random chunks. */
        Run grow() {
            LocalDate finalToday = s.finalToday();
            LocalDate today = s.startDate().minusDays(1 + rnd.nextInt(3));
            LocalDate previous = null;
            while (true) {
                step(previous, today);
                previous = today;
                if (!today.isBefore(finalToday)) {
                    break;
                }
                if (rnd.nextInt(25) == 0 && today.isAfter(s.startDate())) {
                    today = today.minusDays(1 + rnd.nextInt(5)); // the user moved west, or changed the day start
                    movedBack = true;
                } else {
                    int chunk =
                            rnd.nextInt(10) < 4 ? 1 : rnd.nextInt(10) < 5 ? 2 + rnd.nextInt(9) : 11 + rnd.nextInt(80);
                    today = today.plusDays(Math.min(chunk, maxChunk));
                }
                if (today.isAfter(finalToday)) {
                    today = finalToday;
                }
            }
            return this;
        }

        /** Edits random past days (mostly recent ones) and replays each. */
        Run edit() {
            LocalDate today = s.finalToday();
            if (s.length() == 0) {
                return this;
            }
            int edits = 1 + rnd.nextInt(8);
            for (int e = 0; e < edits; e++) {
                int back = rnd.nextBoolean() ? rnd.nextInt(Math.min(60, s.length())) : rnd.nextInt(s.length());
                LocalDate d = today.minusDays(back);
                Record record = Record.values()[rnd.nextInt(Record.values().length)];
                intents[Histories.index(s.startDate(), d)] = intent(record);
                if (!movedBack) {
                    checkCost(d, today);
                }
                step(d, today);
            }
            return this;
        }

        /** The replay after a change from {@code changed} on starts in its month, as long as that is retained. */
        private void checkCost(LocalDate changed, LocalDate today) {
            LocalDate from = agg.replayFrom(changed);
            LocalDate month = changed.withDayOfMonth(1);
            long monthsBack = ChronoUnit.MONTHS.between(month, today.withDayOfMonth(1));
            if (changed.equals(today)) {
                assertThat(from).isEqualTo(today);
            } else if (!month.isAfter(s.startDate())) {
                assertThat(from).isEqualTo(s.startDate());
            } else if (monthsBack < s.retainedMonths()) {
                assertThat(from).isAfterOrEqualTo(month).isBeforeOrEqualTo(changed);
            }
        }

        /**
         * The days from {@code changed} on changed and today is {@code today}: replays from
         * {@link IncrementalStreaks#replayFrom} or a random earlier resume point, maybe goes through the text form,
         * and compares.
         */
        void step(LocalDate changed, LocalDate today) {
            List<Day> days = days(today);
            if (today.isBefore(s.startDate())) {
                agg.apply(today, days);
            } else {
                LocalDate first = changed == null ? s.startDate() : changed.isAfter(today) ? today : changed;
                LocalDate from = agg.replayFrom(first);
                assertThat(from).isBeforeOrEqualTo(first.isBefore(s.startDate()) ? s.startDate() : first);
                if (rnd.nextInt(4) == 0) {
                    List<LocalDate> points = new ArrayList<>(agg.resumePoints().headSet(from, true));
                    from = points.get(rnd.nextInt(points.size()));
                }
                agg.apply(Histories.from(days, from));
            }
            if (rnd.nextInt(5) == 0) {
                agg = IncrementalStreaks.restore(agg.serialize());
            }
            assertThat(agg.resumePoints().size()).isLessThanOrEqualTo(s.retainedMonths() + 2);
            assertThat(agg.computedThrough()).isEqualTo(today);
            if (!today.isBefore(s.startDate())) {
                assertThat(agg.resumePoints().last())
                        .as("no checkpoint after today")
                        .isEqualTo(today);
            }
            Stats expected = BruteForce.stats(s.schedule(), s.startDate(), s.weekStart(), today, days);
            assertThat(agg.stats())
                    .as("%s, today %s, changed %s", s, today, changed)
                    .isEqualTo(expected);
        }
    }

    /** Guards the generator: every kind of schedule comes up. */
    @Example
    void theScheduleGeneratorCoversEveryKind() {
        Set<String> kinds = new java.util.HashSet<>();
        for (Schedule s : schedules().sampleStream().limit(200).toList()) {
            kinds.add(s.kind());
        }
        assertThat(kinds).hasSize(5);
    }
}
