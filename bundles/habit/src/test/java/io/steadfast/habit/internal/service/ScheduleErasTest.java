package io.steadfast.habit.internal.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;

import org.junit.jupiter.api.Test;

import io.steadfast.api.habit.spi.HabitType;
import io.steadfast.habit.api.DayState;
import io.steadfast.habit.api.Schedule;
import io.steadfast.habit.internal.domain.AgendaItem;
import io.steadfast.habit.internal.domain.EraCalendar;
import io.steadfast.habit.internal.domain.ScheduleEra;
import io.steadfast.habit.internal.types.BooleanHabitType;

class ScheduleErasTest {

    static final LocalDate START = LocalDate.of(2026, 3, 2); // a Monday
    static final Schedule DAILY = new Schedule.Daily();
    static final Schedule MWF = Schedule.Weekdays.of(DayOfWeek.MONDAY, DayOfWeek.WEDNESDAY, DayOfWeek.FRIDAY);
    static final Schedule THREE_A_WEEK = new Schedule.TimesPerWeek(3);

    @Test
    void aSingleScheduleIsOneEraFromTheStart() {
        String text = ScheduleCodec.encode(DAILY);
        assertThat(ScheduleCodec.eras(text, START)).containsExactly(new ScheduleEra(START, DAILY));
        assertThat(ScheduleCodec.decode(text)).isEqualTo(DAILY);
    }

    @Test
    void aChangeStartsANewEraAndKeepsTheOldOne() {
        String changed = ScheduleCodec.change(ScheduleCodec.encode(DAILY), START, START.plusDays(10), MWF);
        assertThat(changed).isEqualTo("daily@-;weekdays:MON,WED,FRI@2026-03-12");
        assertThat(ScheduleCodec.decode(changed)).isEqualTo(MWF);
        assertThat(ScheduleCodec.eras(changed, START))
                .containsExactly(new ScheduleEra(START, DAILY), new ScheduleEra(START.plusDays(10), MWF));
        String again = ScheduleCodec.change(changed, START, START.plusDays(10), THREE_A_WEEK);
        assertThat(ScheduleCodec.eras(again, START))
                .as("a second change the same day replaces the era")
                .containsExactly(new ScheduleEra(START, DAILY), new ScheduleEra(START.plusDays(10), THREE_A_WEEK));
        assertThat(ScheduleCodec.change(again, START, START.plusDays(20), THREE_A_WEEK))
                .isEqualTo(again);
        assertThat(ScheduleCodec.change(again, START, START, MWF))
                .as("a change on the start day replaces all")
                .isEqualTo(ScheduleCodec.encode(MWF));
    }

    @Test
    void eachDayIsEvaluatedUnderTheScheduleOfItsEra() {
        List<ScheduleEra> eras = List.of(new ScheduleEra(START, DAILY), new ScheduleEra(START.plusDays(7), MWF));
        Map<LocalDate, HabitType.DayRecord> records =
                Map.of(START.plusDays(1), new HabitType.DayRecord(null, null, false));
        NavigableMap<LocalDate, AgendaItem> days = EraCalendar.range(
                eras,
                new io.steadfast.habit.internal.domain.HabitRules(
                        DAILY, START, new BooleanHabitType(), new HabitType.HabitDefinition(null, null)),
                records::get,
                START,
                START.plusDays(13),
                START.plusDays(20),
                DayOfWeek.MONDAY);
        assertThat(days).hasSize(14);
        assertThat(days.get(START.plusDays(1)).due())
                .as("Tuesday of the daily era")
                .isTrue();
        assertThat(days.get(START.plusDays(1)).state()).isEqualTo(DayState.DONE);
        assertThat(days.get(START.plusDays(2)).state()).isEqualTo(DayState.MISSED);
        assertThat(days.get(START.plusDays(8)).due())
                .as("Tuesday of the Mon/Wed/Fri era")
                .isFalse();
        assertThat(days.get(START.plusDays(9)).due())
                .as("Wednesday of the Mon/Wed/Fri era")
                .isTrue();
        assertThat(EraCalendar.eraOf(eras, START.plusDays(6)).schedule()).isEqualTo(DAILY);
        assertThat(EraCalendar.eraOf(eras, START.minusDays(3)).schedule()).isEqualTo(DAILY);
        assertThat(EraCalendar.item(
                                eras,
                                new io.steadfast.habit.internal.domain.HabitRules(
                                        DAILY,
                                        START,
                                        new BooleanHabitType(),
                                        new HabitType.HabitDefinition(BigDecimal.ONE, null)),
                                records::get,
                                START.plusDays(8),
                                START.plusDays(20),
                                DayOfWeek.MONDAY)
                        .due())
                .isFalse();
    }

    @Test
    void statisticsRunAcrossPerDayChangesAndStartAfreshForPeriods() {
        io.steadfast.habit.internal.store.HabitRow base = new io.steadfast.habit.internal.store.HabitRow(
                java.util.UUID.randomUUID(),
                java.util.UUID.randomUUID(),
                "x",
                null,
                "boolean",
                null,
                null,
                ScheduleCodec.change(ScheduleCodec.encode(DAILY), START, START.plusDays(10), MWF),
                START,
                null,
                null,
                false,
                0,
                null,
                null);
        assertThat(HabitQueryService.statsSince(base)).isEqualTo(START);
        io.steadfast.habit.internal.store.HabitRow toPeriods = new io.steadfast.habit.internal.store.HabitRow(
                base.id(),
                base.userId(),
                "x",
                null,
                "boolean",
                null,
                null,
                ScheduleCodec.change(base.schedule(), START, START.plusDays(20), THREE_A_WEEK),
                START,
                null,
                null,
                false,
                0,
                null,
                null);
        assertThat(HabitQueryService.statsSince(toPeriods)).isEqualTo(START.plusDays(20));
    }
}
