package io.steadfast.habit.internal.domain;

import static java.time.DayOfWeek.MONDAY;
import static java.time.DayOfWeek.SATURDAY;
import static java.time.DayOfWeek.SUNDAY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

import org.junit.jupiter.api.Test;

import io.steadfast.habit.api.Periods;
import io.steadfast.habit.api.Periods.Period;
import io.steadfast.habit.api.Schedule;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;

class PeriodsTest {

    private static final LocalDate WED_MARCH_4 = LocalDate.parse("2026-03-04");

    @Test
    void weeksStartOnTheUsersFirstDay() {
        assertThat(Periods.weekStart(WED_MARCH_4, MONDAY)).isEqualTo("2026-03-02");
        assertThat(Periods.weekEnd(WED_MARCH_4, MONDAY)).isEqualTo("2026-03-08");
        assertThat(Periods.weekStart(WED_MARCH_4, SUNDAY)).isEqualTo("2026-03-01");
        assertThat(Periods.weekEnd(WED_MARCH_4, SUNDAY)).isEqualTo("2026-03-07");
        assertThat(Periods.weekStart(WED_MARCH_4, SATURDAY)).isEqualTo("2026-02-28");
        assertThat(Periods.weekEnd(WED_MARCH_4, SATURDAY)).isEqualTo("2026-03-06");
        // the first day is its own week start, the day before it ends the previous week
        assertThat(Periods.weekStart(LocalDate.parse("2026-03-08"), SUNDAY)).isEqualTo("2026-03-08");
        assertThat(Periods.weekStart(LocalDate.parse("2026-03-08"), MONDAY)).isEqualTo("2026-03-02");
        // weeks cross months and years
        assertThat(Periods.weekStart(LocalDate.parse("2026-01-01"), MONDAY)).isEqualTo("2025-12-29");
        assertThat(Periods.weekEnd(LocalDate.parse("2025-12-30"), MONDAY)).isEqualTo("2026-01-04");
    }

    @Test
    void monthsHave28To31Days() {
        assertThat(Periods.monthEnd(LocalDate.parse("2026-02-10"))).isEqualTo("2026-02-28");
        assertThat(Periods.monthEnd(LocalDate.parse("2024-02-10"))).isEqualTo("2024-02-29");
        assertThat(Periods.monthEnd(LocalDate.parse("2026-04-30"))).isEqualTo("2026-04-30");
        assertThat(Periods.monthEnd(LocalDate.parse("2026-01-01"))).isEqualTo("2026-01-31");
        assertThat(Periods.monthStart(LocalDate.parse("2026-01-31"))).isEqualTo("2026-01-01");
        assertThat(Periods.periodOf(new Schedule.TimesPerMonth(3), LocalDate.parse("2026-02-28"), MONDAY))
                .isEqualTo(new Period(LocalDate.parse("2026-02-01"), LocalDate.parse("2026-02-28")));
        assertThat(Periods.periodOf(new Schedule.TimesPerMonth(3), LocalDate.parse("2024-02-01"), MONDAY)
                        .length())
                .isEqualTo(29);
    }

    @Test
    void periodOfAWeeklyScheduleIsTheWeek() {
        Period week = Periods.periodOf(new Schedule.TimesPerWeek(2), WED_MARCH_4, SUNDAY);
        assertThat(week).isEqualTo(new Period(LocalDate.parse("2026-03-01"), LocalDate.parse("2026-03-07")));
        assertThat(week.length()).isEqualTo(7);
        assertThat(week.contains(LocalDate.parse("2026-03-01"))).isTrue();
        assertThat(week.contains(LocalDate.parse("2026-03-07"))).isTrue();
        assertThat(week.contains(LocalDate.parse("2026-03-08"))).isFalse();
        assertThat(week.contains(LocalDate.parse("2026-02-28"))).isFalse();
    }

    @Test
    void perDaySchedulesHaveNoPeriod() {
        assertThatThrownBy(() -> Periods.periodOf(new Schedule.Daily(), WED_MARCH_4, MONDAY))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Periods.periodOf(new Schedule.EveryNDays(7), WED_MARCH_4, MONDAY))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Period(WED_MARCH_4, WED_MARCH_4.minusDays(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Property(tries = 300)
    void everyDayLiesInExactlyOneWeekAndMonth(
            @ForAll @LongRange(min = 0, max = 40_000) long epochDay, @ForAll DayOfWeek first) {
        LocalDate d = LocalDate.ofEpochDay(epochDay);
        LocalDate start = Periods.weekStart(d, first);
        assertThat(start.getDayOfWeek()).isEqualTo(first);
        assertThat(ChronoUnit.DAYS.between(start, d)).isBetween(0L, 6L);
        assertThat(Periods.weekEnd(d, first)).isEqualTo(start.plusDays(6));
        assertThat(Periods.weekStart(start.plusDays(6), first)).isEqualTo(start);
        assertThat(Periods.weekStart(start.plusDays(7), first)).isEqualTo(start.plusDays(7));
        assertThat(Periods.monthStart(d).getDayOfMonth()).isEqualTo(1);
        assertThat(Periods.monthEnd(d).getDayOfMonth()).isEqualTo(d.lengthOfMonth());
        assertThat(Periods.monthEnd(d).plusDays(1).getDayOfMonth()).isEqualTo(1);
    }
}
