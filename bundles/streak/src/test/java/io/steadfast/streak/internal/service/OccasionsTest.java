package io.steadfast.streak.internal.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.steadfast.habit.api.DayState;
import io.steadfast.habit.api.DayView;
import io.steadfast.habit.api.HabitInfo;
import io.steadfast.habit.api.Schedule;

class OccasionsTest {

    static final LocalDate MARCH = LocalDate.of(2026, 3, 1);
    static final LocalDate TODAY = LocalDate.of(2026, 4, 10);

    static HabitInfo habit(Schedule schedule, LocalDate start, LocalDate createdOn) {
        return new HabitInfo(
                UUID.randomUUID(),
                UUID.randomUUID(),
                "h",
                null,
                "boolean",
                null,
                null,
                schedule,
                start,
                start,
                null,
                null,
                false,
                0,
                true,
                Instant.EPOCH,
                DayOfWeek.MONDAY,
                TODAY,
                null,
                createdOn);
    }

    /** A month of a 4-times-a-month habit with one done day; the other days unrecorded (not due). */
    static List<DayView> month(LocalDate first, int done, LocalDate doneOn) {
        List<DayView> days = new ArrayList<>();
        LocalDate end = first.withDayOfMonth(first.lengthOfMonth());
        for (LocalDate d = first; !d.isAfter(end); d = d.plusDays(1)) {
            boolean isDone = d.equals(doneOn);
            days.add(new DayView(
                    d,
                    isDone,
                    isDone ? DayState.DONE : d.isAfter(TODAY) ? DayState.PENDING : DayState.NOT_DUE,
                    null,
                    null,
                    new DayView.PeriodView(done, 4, first, end)));
        }
        return days;
    }

    @Test
    void aFourTimesAMonthHabitIsJudgedPerMonthNotPerDay() {
        HabitInfo h = habit(new Schedule.TimesPerMonth(4), MARCH, MARCH);
        List<Occasions.Unit> units = Occasions.of(h, month(MARCH, 1, MARCH.plusDays(4)), TODAY);
        assertThat(units).containsExactly(new Occasions.Unit(LocalDate.of(2026, 3, 31), 4, 1, 4));
    }

    @Test
    void theOpenMonthCountsOnlyWhatIsDone() {
        LocalDate april = LocalDate.of(2026, 4, 1);
        HabitInfo h = habit(new Schedule.TimesPerMonth(4), MARCH, MARCH);
        assertThat(Occasions.of(h, month(april, 2, april.plusDays(2)), TODAY))
                .containsExactly(new Occasions.Unit(TODAY, 4, 2, 2));
    }

    @Test
    void aMonthBeforeTheHabitWasCreatedWithoutRecordsIsNotCounted() {
        HabitInfo h = habit(new Schedule.TimesPerMonth(4), MARCH, LocalDate.of(2026, 4, 1));
        assertThat(Occasions.of(h, month(MARCH, 0, null), TODAY)).isEmpty();
    }

    @Test
    void aDailyHabitHasOneOccasionPerDueDay() {
        HabitInfo h = habit(new Schedule.Daily(), MARCH, MARCH);
        List<DayView> days = List.of(
                new DayView(MARCH, true, DayState.DONE, null, null, null),
                new DayView(MARCH.plusDays(1), true, DayState.MISSED, null, null, null),
                new DayView(MARCH.plusDays(2), false, DayState.PAUSED, null, null, null));
        assertThat(Occasions.of(h, days, TODAY))
                .containsExactly(new Occasions.Unit(MARCH, 1, 1, 1), new Occasions.Unit(MARCH.plusDays(1), 1, 0, 1));
    }
}
