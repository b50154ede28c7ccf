package io.steadfast.streak.internal.engine;

import static io.steadfast.streak.internal.engine.Histories.from;
import static java.time.DayOfWeek.MONDAY;
import static java.time.DayOfWeek.SUNDAY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.steadfast.habit.api.Schedule;
import io.steadfast.streak.internal.engine.Histories.Intent;
import io.steadfast.streak.internal.engine.Histories.Record;

/** The protocol, checkpoints, cost and text form of {@link IncrementalStreaks}. */
class IncrementalStreaksTest {

    static final Schedule DAILY = new Schedule.Daily();
    static final LocalDate START = LocalDate.of(2023, 1, 15);

    /** Done except every 10th day missed and every 17th skipped. */
    static Intent intent(LocalDate d) {
        long i = d.toEpochDay();
        return Intent.of(i % 10 == 0 ? Record.NONE : i % 17 == 0 ? Record.SKIPPED : Record.DONE);
    }

    static List<Day> days(Schedule schedule, LocalDate today) {
        return Histories.evaluate(schedule, START, MONDAY, today, IncrementalStreaksTest::intent);
    }

    static Stats expected(Schedule schedule, LocalDate today) {
        return BruteForce.stats(schedule, START, MONDAY, today, days(schedule, today));
    }

    static Stats stats(IncrementalStreaks a, Schedule schedule) {
        return a.stats();
    }

    @Test
    void aCheckInTodayReplaysOnlyToday() {
        LocalDate today = LocalDate.of(2024, 6, 20);
        IncrementalStreaks a = IncrementalStreaks.create(DAILY, START, MONDAY);
        a.apply(days(DAILY, today));
        assertThat(a.replayFrom(today)).isEqualTo(today);
        a.apply(from(days(DAILY, today), today));
        assertThat(stats(a, DAILY)).isEqualTo(expected(DAILY, today));
    }

    @Test
    void aNewDayReplaysFromThePreviousToday() {
        LocalDate today = LocalDate.of(2024, 6, 20);
        IncrementalStreaks a = IncrementalStreaks.create(DAILY, START, MONDAY);
        a.apply(days(DAILY, today));
        LocalDate later = today.plusDays(3);
        assertThat(a.replayFrom(later)).isEqualTo(today);
        a.apply(from(days(DAILY, later), today));
        assertThat(a.computedThrough()).isEqualTo(later);
        assertThat(stats(a, DAILY)).isEqualTo(expected(DAILY, later));
    }

    @Test
    void anEditOfAPastDayReplaysFromTheFirstOfItsMonth() {
        LocalDate today = LocalDate.of(2024, 6, 20);
        IncrementalStreaks a = IncrementalStreaks.create(DAILY, START, MONDAY);
        a.apply(days(DAILY, today));
        assertThat(a.replayFrom(LocalDate.of(2024, 4, 17))).isEqualTo(LocalDate.of(2024, 4, 1));
        assertThat(a.replayFrom(LocalDate.of(2024, 6, 1))).isEqualTo(LocalDate.of(2024, 6, 1));
        assertThat(a.replayFrom(LocalDate.of(2023, 7, 5))).isEqualTo(LocalDate.of(2023, 7, 1));
        // older than the 12 retained months: from the start date
        assertThat(a.replayFrom(LocalDate.of(2023, 6, 30))).isEqualTo(START);
        assertThat(a.replayFrom(START.minusDays(5))).isEqualTo(START);
        assertThat(a.resumePoints()).hasSize(14).first().isEqualTo(START);
        assertThat(a.resumePoints().last()).isEqualTo(today);
    }

    @Test
    void fewerRetainedMonthsMeanEarlierFullReplays() {
        LocalDate today = LocalDate.of(2024, 6, 20);
        IncrementalStreaks a = IncrementalStreaks.create(DAILY, START, MONDAY, 2);
        a.apply(days(DAILY, today));
        assertThat(a.resumePoints()).containsExactly(START, LocalDate.of(2024, 5, 1), LocalDate.of(2024, 6, 1), today);
        IncrementalStreaks none = IncrementalStreaks.create(DAILY, START, MONDAY, 0);
        none.apply(days(DAILY, today));
        assertThat(none.resumePoints()).containsExactly(START, today);
        assertThat(none.replayFrom(today.minusDays(1))).isEqualTo(START);
    }

    @Test
    void daysMustStartAtAResumePointAndTheAggregateIsLeftAsItWas() {
        LocalDate today = LocalDate.of(2024, 6, 20);
        IncrementalStreaks a = IncrementalStreaks.create(DAILY, START, MONDAY);
        a.apply(days(DAILY, today));
        String before = a.serialize();
        assertThatThrownBy(() -> a.apply(from(days(DAILY, today), LocalDate.of(2024, 6, 10))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("replayFrom");
        assertThatThrownBy(() -> a.apply(today, from(days(DAILY, today.minusDays(1)), LocalDate.of(2024, 6, 1))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> a.apply(List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThat(a.serialize()).isEqualTo(before);
    }

    @Test
    void statsReadNoDaysForAnySchedule() {
        LocalDate today = LocalDate.of(2024, 6, 20);
        IncrementalStreaks a = IncrementalStreaks.create(DAILY, START, MONDAY);
        assertThatThrownBy(a::stats).isInstanceOf(IllegalStateException.class);
        a.apply(days(DAILY, today));
        assertThat(a.stats()).isEqualTo(expected(DAILY, today));
        assertThat(IncrementalStreaks.restore(a.serialize()).stats()).isEqualTo(expected(DAILY, today));
    }

    @Test
    void perPeriodStatsNeedNoDays() {
        Schedule weekly = new Schedule.TimesPerWeek(3);
        LocalDate today = LocalDate.of(2024, 6, 20);
        IncrementalStreaks a = IncrementalStreaks.create(weekly, START, SUNDAY);
        a.apply(Histories.evaluate(weekly, START, SUNDAY, today, IncrementalStreaksTest::intent));
        assertThat(a.stats())
                .isEqualTo(BruteForce.stats(
                        weekly,
                        START,
                        SUNDAY,
                        today,
                        Histories.evaluate(weekly, START, SUNDAY, today, IncrementalStreaksTest::intent)));
    }

    @Test
    void theTextFormRestoresAnEqualAggregate() {
        for (Schedule schedule : List.of(
                DAILY,
                Schedule.Weekdays.of(MONDAY, SUNDAY),
                new Schedule.EveryNDays(3),
                new Schedule.TimesPerWeek(2),
                new Schedule.TimesPerMonth(12))) {
            LocalDate today = LocalDate.of(2024, 6, 20);
            IncrementalStreaks a = IncrementalStreaks.create(schedule, START, MONDAY);
            a.apply(days(schedule, today));
            String text = a.serialize();
            IncrementalStreaks b = IncrementalStreaks.restore(text);
            assertThat(b.serialize()).isEqualTo(text);
            assertThat(b.isFor(schedule, START, MONDAY)).isTrue();
            assertThat(b.isFor(schedule, START, SUNDAY)).isFalse();
            assertThat(stats(b, schedule)).isEqualTo(stats(a, schedule)).isEqualTo(expected(schedule, today));
            // and it goes on from there
            LocalDate later = today.plusDays(40);
            b.apply(from(days(schedule, later), b.replayFrom(today)));
            assertThat(stats(b, schedule)).isEqualTo(expected(schedule, later));
        }
    }

    @Test
    void theTextFormStaysSmallForALongHistory() {
        IncrementalStreaks a = IncrementalStreaks.create(DAILY, START, MONDAY);
        a.apply(Histories.evaluate(DAILY, START, MONDAY, START.plusYears(10), IncrementalStreaksTest::intent));
        int tenYears = a.serialize().length();
        assertThat(tenYears).isLessThan(6000); // 14 checkpoints, each with the recent-days bits
        assertThat(a.resumePoints()).hasSize(14);
        // it does not grow with the history: only the counts get longer
        a.apply(Histories.evaluate(DAILY, START, MONDAY, START.plusYears(20), IncrementalStreaksTest::intent));
        assertThat(a.serialize().length()).isLessThan(tenYears + 100);
    }

    @Test
    void aFreshOrEmptyAggregateHasATextFormToo() {
        IncrementalStreaks fresh = IncrementalStreaks.create(DAILY, START, MONDAY);
        assertThat(IncrementalStreaks.restore(fresh.serialize()).serialize()).isEqualTo(fresh.serialize());
        fresh.apply(START.minusDays(1), List.of());
        IncrementalStreaks restored = IncrementalStreaks.restore(fresh.serialize());
        assertThat(restored.stats()).isEqualTo(Stats.empty(Stats.DAYS));
    }

    @Test
    void garbageIsRefused() {
        for (String text : List.of(
                "",
                "s0|daily",
                "s1|daily|2024-01-01|MON|12|2024-01-02|1,done,|",
                "s1|hourly|x",
                "s1|daily|2024-01-01|MON|12|2024-01-02|1,done,|2024-01-02:1,2,3")) {
            assertThatThrownBy(() -> IncrementalStreaks.restore(text))
                    .as(text)
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void todayMovingBackwardsIsAReplayToo() {
        LocalDate today = LocalDate.of(2024, 6, 20);
        IncrementalStreaks a = IncrementalStreaks.create(DAILY, START, MONDAY);
        a.apply(days(DAILY, today));
        LocalDate earlier = today.minusDays(1); // e.g. the user moved west
        a.apply(from(days(DAILY, earlier), a.replayFrom(earlier)));
        assertThat(stats(a, DAILY)).isEqualTo(expected(DAILY, earlier));
        assertThat(a.resumePoints().last()).isEqualTo(earlier);
    }
}
