package io.steadfast.habit.internal.domain;

import static io.steadfast.habit.api.DayState.DONE;
import static io.steadfast.habit.api.DayState.MISSED;
import static io.steadfast.habit.api.DayState.NOT_DUE;
import static io.steadfast.habit.internal.domain.Fixtures.count;
import static io.steadfast.habit.internal.domain.Fixtures.date;
import static io.steadfast.habit.internal.domain.Fixtures.done;
import static io.steadfast.habit.internal.domain.Fixtures.skip;
import static io.steadfast.habit.internal.domain.Fixtures.value;
import static io.steadfast.habit.internal.domain.Fixtures.yesNo;
import static java.time.DayOfWeek.MONDAY;
import static java.time.DayOfWeek.SUNDAY;
import static java.time.DayOfWeek.THURSDAY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.function.Function;

import org.junit.jupiter.api.Test;

import io.steadfast.api.habit.spi.HabitType.DayRecord;
import io.steadfast.habit.api.DayState;
import io.steadfast.habit.api.Schedule;

class HabitCalendarTest {

    private final Map<LocalDate, DayRecord> records = new HashMap<>();

    @Test
    void everyDateOfTheRangeInOrder() {
        NavigableMap<LocalDate, AgendaItem> items = HabitCalendar.range(
                yesNo(new Schedule.Daily(), "2026-03-01"),
                records,
                date("2026-02-27"),
                date("2026-03-03"),
                date("2026-03-02"),
                MONDAY);
        assertThat(items.keySet())
                .containsExactly(
                        date("2026-02-27"),
                        date("2026-02-28"),
                        date("2026-03-01"),
                        date("2026-03-02"),
                        date("2026-03-03"));
        assertThat(items.values())
                .extracting(AgendaItem::state)
                .containsExactly(NOT_DUE, NOT_DUE, MISSED, DayState.PENDING, DayState.PENDING);
        assertThatThrownBy(() -> items.put(date("2026-03-04"), null)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void aSingleDayAndAnEmptyRange() {
        HabitRules habit = yesNo(new Schedule.TimesPerWeek(2), "2026-01-01");
        assertThat(HabitCalendar.range(
                        habit, records, date("2026-03-04"), date("2026-03-04"), date("2026-03-10"), MONDAY))
                .containsOnlyKeys(date("2026-03-04"));
        assertThatThrownBy(() -> HabitCalendar.range(
                        habit, records, date("2026-03-04"), date("2026-03-03"), date("2026-03-10"), MONDAY))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theWeeklyCountRestartsEachWeek() {
        HabitRules twice = yesNo(new Schedule.TimesPerWeek(2), "2026-01-01");
        for (LocalDate monday = date("2026-03-02"); monday.isBefore(date("2026-03-23")); monday = monday.plusDays(7)) {
            records.put(monday, done());
            records.put(monday.plusDays(1), done());
        }
        NavigableMap<LocalDate, AgendaItem> items =
                HabitCalendar.range(twice, records, date("2026-03-02"), date("2026-03-22"), date("2026-04-01"), MONDAY);
        assertThat(items.values())
                .extracting(AgendaItem::state)
                .containsExactly(
                        DONE, DONE, NOT_DUE, NOT_DUE, NOT_DUE, NOT_DUE, NOT_DUE, DONE, DONE, NOT_DUE, NOT_DUE, NOT_DUE,
                        NOT_DUE, NOT_DUE, DONE, DONE, NOT_DUE, NOT_DUE, NOT_DUE, NOT_DUE, NOT_DUE);
        assertThat(items.values()).extracting(i -> i.period().done()).containsOnly(2);
        assertThat(items.values())
                .extracting(i -> i.period().start())
                .containsOnly(date("2026-03-02"), date("2026-03-09"), date("2026-03-16"));

        // with weeks from Sunday, each Monday–Tuesday pair lies in one week too; the Sunday before, unrecorded, is not
        // missed by itself (the week is judged)
        NavigableMap<LocalDate, AgendaItem> sundays =
                HabitCalendar.range(twice, records, date("2026-03-08"), date("2026-03-14"), date("2026-04-01"), SUNDAY);
        assertThat(sundays.values())
                .extracting(AgendaItem::state)
                .containsExactly(NOT_DUE, DONE, DONE, NOT_DUE, NOT_DUE, NOT_DUE, NOT_DUE);
    }

    @Test
    void aRangeStartingMidPeriodCountsTheDaysBeforeIt() {
        HabitRules thrice = yesNo(new Schedule.TimesPerWeek(3), "2026-01-01");
        records.put(date("2026-03-02"), done());
        records.put(date("2026-03-03"), skip());
        records.put(date("2026-03-04"), done());
        records.put(date("2026-03-05"), done());
        NavigableMap<LocalDate, AgendaItem> items = HabitCalendar.range(
                thrice, records, date("2026-03-05"), date("2026-03-06"), date("2026-03-06"), MONDAY);
        assertThat(items.get(date("2026-03-05")))
                .isEqualTo(new AgendaItem(
                        true, DONE, null, null, new PeriodProgress(3, 3, date("2026-03-02"), date("2026-03-08"))));
        assertThat(items.get(date("2026-03-06")).due()).isFalse();
    }

    @Test
    void monthlyRangesFollowTheMonths() {
        HabitRules fiveTimes = count(new Schedule.TimesPerMonth(5), "2024-01-15", "2");
        for (LocalDate d = date("2024-01-15"); d.isBefore(date("2024-05-01")); d = d.plusDays(3)) {
            records.put(d, value(d.getDayOfMonth() % 2 == 0 ? "2" : "1"));
        }
        NavigableMap<LocalDate, AgendaItem> items = HabitCalendar.range(
                fiveTimes, records, date("2024-01-01"), date("2024-04-30"), date("2024-04-10"), THURSDAY);
        assertThat(items).hasSize(121);
        assertThat(items.get(date("2024-02-29")).period().end()).isEqualTo(date("2024-02-29"));
        assertThat(items.get(date("2024-04-30")).period().end()).isEqualTo(date("2024-04-30"));
        assertThat(items.get(date("2024-01-14")).due()).isFalse();
        for (Map.Entry<LocalDate, AgendaItem> e : items.entrySet()) {
            assertThat(e.getValue())
                    .as("%s", e.getKey())
                    .isEqualTo(Agenda.item(fiveTimes, records, e.getKey(), date("2024-04-10"), THURSDAY));
        }
    }

    @Test
    void eachRecordIsAskedForAtMostOnce() {
        for (Schedule schedule : List.of(
                new Schedule.Daily(),
                new Schedule.EveryNDays(4),
                new Schedule.TimesPerWeek(3),
                new Schedule.TimesPerMonth(12))) {
            Map<LocalDate, Integer> asked = new HashMap<>();
            Function<LocalDate, DayRecord> counting = d -> {
                asked.merge(d, 1, Integer::sum);
                return d.getDayOfMonth() % 3 == 0 ? done() : null;
            };
            HabitCalendar.range(
                    yesNo(schedule, "2026-01-10"),
                    counting,
                    date("2026-01-01"),
                    date("2026-04-30"),
                    date("2026-03-15"),
                    DayOfWeek.WEDNESDAY);
            assertThat(asked.values()).as("%s", schedule).containsOnly(1);
            assertThat(asked).as("%s", schedule).containsKeys(date("2026-01-01"), date("2026-04-30"));
        }
    }
}
