package io.steadfast.habit.internal.domain;

import static java.time.DayOfWeek.FRIDAY;
import static java.time.DayOfWeek.MONDAY;
import static java.time.DayOfWeek.WEDNESDAY;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import io.steadfast.habit.api.Schedule;

class DueTest {

    private static final LocalDate MON_MARCH_2 = LocalDate.parse("2026-03-02");

    @Test
    void dailyIsDueEveryDayFromTheStartDate() {
        Schedule daily = new Schedule.Daily();
        assertThat(Due.isDue(daily, MON_MARCH_2, MON_MARCH_2.minusDays(1))).isFalse();
        assertThat(Due.isDue(daily, MON_MARCH_2, MON_MARCH_2)).isTrue();
        assertThat(Due.isDue(daily, MON_MARCH_2, MON_MARCH_2.plusDays(1))).isTrue();
        assertThat(Due.isDue(daily, MON_MARCH_2, MON_MARCH_2.plusYears(3))).isTrue();
    }

    @Test
    void weekdaysAreDueOnTheirDays() {
        Schedule mwf = Schedule.Weekdays.of(MONDAY, WEDNESDAY, FRIDAY);
        LocalDate start = MON_MARCH_2.plusDays(2); // Wednesday
        assertThat(Due.isDue(mwf, start, MON_MARCH_2))
                .as("a Monday before the start")
                .isFalse();
        assertThat(Due.isDue(mwf, start, start)).isTrue();
        assertThat(Due.isDue(mwf, start, start.plusDays(1))).as("Thursday").isFalse();
        assertThat(Due.isDue(mwf, start, start.plusDays(2))).as("Friday").isTrue();
        assertThat(Due.isDue(mwf, start, start.plusDays(3))).as("Saturday").isFalse();
        assertThat(Due.isDue(mwf, start, start.plusDays(4))).as("Sunday").isFalse();
        assertThat(Due.isDue(mwf, start, start.plusDays(5))).as("Monday").isTrue();
    }

    @Test
    void everyNDaysCountsFromTheStartDate() {
        Schedule every3 = new Schedule.EveryNDays(3);
        LocalDate start = LocalDate.parse("2026-03-04");
        assertThat(Due.isDue(every3, start, start.minusDays(3)))
                .as("before the start")
                .isFalse();
        assertThat(Due.isDue(every3, start, start)).isTrue();
        assertThat(Due.isDue(every3, start, start.plusDays(1))).isFalse();
        assertThat(Due.isDue(every3, start, start.plusDays(2))).isFalse();
        assertThat(Due.isDue(every3, start, start.plusDays(3))).isTrue();
        assertThat(Due.isDue(every3, start, start.plusDays(30))).isTrue();
        assertThat(Due.isDue(every3, start.plusDays(1), start.plusDays(3)))
                .as("another start shifts the days")
                .isFalse();
        assertThat(Due.isDue(every3, start.plusDays(1), start.plusDays(4))).isTrue();

        Schedule weekly = new Schedule.EveryNDays(7);
        LocalDate monday = LocalDate.parse("2025-12-29");
        assertThat(Due.isDue(weekly, monday, LocalDate.parse("2026-01-05")))
                .as("across the year")
                .isTrue();
        assertThat(Due.isDue(weekly, monday, LocalDate.parse("2026-01-06"))).isFalse();
        assertThat(Due.isDue(new Schedule.EveryNDays(1), monday, monday.plusDays(17)))
                .isTrue();
        Schedule yearly = new Schedule.EveryNDays(365);
        assertThat(Due.isDue(yearly, monday, monday.plusDays(365))).isTrue();
        assertThat(Due.isDue(yearly, monday, monday.plusYears(1).plusDays(1))).isFalse();
    }

    @Test
    void perPeriodSchedulesMakeEveryDayFromTheStartACandidate() {
        for (Schedule s : new Schedule[] {new Schedule.TimesPerWeek(1), new Schedule.TimesPerMonth(5)}) {
            assertThat(Due.isDue(s, MON_MARCH_2, MON_MARCH_2.minusDays(1))).isFalse();
            for (int i = 0; i < 40; i++) {
                assertThat(Due.isDue(s, MON_MARCH_2, MON_MARCH_2.plusDays(i))).isTrue();
            }
        }
    }
}
