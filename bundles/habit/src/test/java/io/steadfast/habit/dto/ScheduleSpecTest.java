package io.steadfast.habit.dto;

import static java.time.DayOfWeek.FRIDAY;
import static java.time.DayOfWeek.MONDAY;
import static java.time.DayOfWeek.SUNDAY;
import static java.time.DayOfWeek.WEDNESDAY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.steadfast.api.error.FieldError;
import io.steadfast.api.error.ValidationException;
import io.steadfast.habit.api.Schedule;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class ScheduleSpecTest {

    @Test
    void parsesEveryKind() {
        assertThat(new ScheduleSpec("daily", null, null, null).toSchedule()).isEqualTo(new Schedule.Daily());
        assertThat(new ScheduleSpec("weekdays", List.of("MON", "WED", "FRI"), null, null).toSchedule())
                .isEqualTo(Schedule.Weekdays.of(MONDAY, WEDNESDAY, FRIDAY));
        assertThat(new ScheduleSpec("times_per_week", null, 3, null).toSchedule())
                .isEqualTo(new Schedule.TimesPerWeek(3));
        assertThat(new ScheduleSpec("times_per_month", null, 12, null).toSchedule())
                .isEqualTo(new Schedule.TimesPerMonth(12));
        assertThat(new ScheduleSpec("every_n_days", null, null, 2).toSchedule()).isEqualTo(new Schedule.EveryNDays(2));
    }

    @Test
    void dayCodesMapToDaysOfTheWeek() {
        List<String> codes = List.of("MON", "TUE", "WED", "THU", "FRI", "SAT", "SUN");
        for (int i = 0; i < 7; i++) {
            assertThat(Schedule.dayOfWeek(codes.get(i))).isEqualTo(DayOfWeek.of(i + 1));
            assertThat(Schedule.dayCode(DayOfWeek.of(i + 1))).isEqualTo(codes.get(i));
        }
        assertThat(new ScheduleSpec("weekdays", codes, null, null).toSchedule())
                .isEqualTo(new Schedule.Weekdays(EnumSet.allOf(DayOfWeek.class)));
        assertThatThrownBy(() -> Schedule.dayOfWeek("mon")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Schedule.dayOfWeek(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void fieldsTheKindDoesNotUseAreIgnored() {
        assertThat(new ScheduleSpec("daily", List.of("XYZ"), 99, -1).toSchedule())
                .isEqualTo(new Schedule.Daily());
        assertThat(new ScheduleSpec("every_n_days", null, 0, 3).toSchedule()).isEqualTo(new Schedule.EveryNDays(3));
    }

    @Test
    void kindIsRequiredAndMustBeKnown() {
        assertErrors(new ScheduleSpec(null, null, null, null), "schedule.kind", "is required");
        assertErrors(new ScheduleSpec(" ", null, null, null), "schedule.kind", "is required");
        assertErrors(
                new ScheduleSpec("weekly", null, 1, null),
                "schedule.kind",
                "must be one of daily, weekdays, times_per_week, times_per_month, every_n_days");
        assertErrors(
                new ScheduleSpec("DAILY", null, null, null),
                "schedule.kind",
                "must be one of daily, weekdays, times_per_week, times_per_month, every_n_days");
    }

    @Test
    void weekdaysNeedKnownDistinctDays() {
        assertErrors(new ScheduleSpec("weekdays", null, null, null), "schedule.days", "must list at least one day");
        assertErrors(
                new ScheduleSpec("weekdays", List.of(), null, null), "schedule.days", "must list at least one day");
        assertErrors(
                new ScheduleSpec("weekdays", List.of("MON", "Tues"), null, null),
                "schedule.days",
                "'Tues' is not a day; use MON, TUE, WED, THU, FRI, SAT or SUN");
        assertErrors(
                new ScheduleSpec("weekdays", Arrays.asList("MON", null), null, null),
                "schedule.days",
                "null is not a day; use MON, TUE, WED, THU, FRI, SAT or SUN");
        assertErrors(
                new ScheduleSpec("weekdays", List.of("SAT", "SUN", "SAT", "SAT"), null, null),
                "schedule.days",
                "lists SAT more than once");
    }

    @Test
    void everyProblemWithTheDaysIsReported() {
        ValidationException e = catchThrowableOfType(ValidationException.class, () -> new ScheduleSpec(
                        "weekdays", List.of("MON", "XXX", "monday", "Sunday!"), null, null)
                .toSchedule());
        assertThat(e.errors()).extracting(FieldError::field).containsOnly("schedule.days");
        assertThat(e.errors())
                .extracting(FieldError::message)
                .containsExactly(
                        "'XXX' is not a day; use MON, TUE, WED, THU, FRI, SAT or SUN",
                        "lists MON more than once",
                        "'Sunday!' is not a day; use MON, TUE, WED, THU, FRI, SAT or SUN");
    }

    @Test
    void daysAreReadInAnyCaseAndAsFullNamesAndWrittenAsCodes() {
        ScheduleSpec spec = new ScheduleSpec("weekdays", List.of("mon", "Wednesday", "FRI"), null, null);
        assertThat(ScheduleSpec.of(spec.toSchedule()).days()).containsExactly("MON", "WED", "FRI");
    }

    @Test
    void timesPerWeekIsOneToSeven() {
        assertErrors(new ScheduleSpec("times_per_week", null, null, null), "schedule.times", "is required");
        assertErrors(new ScheduleSpec("times_per_week", null, 0, null), "schedule.times", "must be between 1 and 7");
        assertErrors(new ScheduleSpec("times_per_week", null, 8, null), "schedule.times", "must be between 1 and 7");
        assertThat(new ScheduleSpec("times_per_week", null, 1, null).toSchedule())
                .isEqualTo(new Schedule.TimesPerWeek(1));
        assertThat(new ScheduleSpec("times_per_week", null, 7, null).toSchedule())
                .isEqualTo(new Schedule.TimesPerWeek(7));
    }

    @Test
    void timesPerMonthIsOneToThirtyOne() {
        assertErrors(new ScheduleSpec("times_per_month", null, null, 3), "schedule.times", "is required");
        assertErrors(new ScheduleSpec("times_per_month", null, -1, null), "schedule.times", "must be between 1 and 31");
        assertErrors(new ScheduleSpec("times_per_month", null, 32, null), "schedule.times", "must be between 1 and 31");
        assertThat(new ScheduleSpec("times_per_month", null, 31, null).toSchedule())
                .isEqualTo(new Schedule.TimesPerMonth(31));
    }

    @Test
    void everyNDaysIsOneTo365() {
        assertErrors(new ScheduleSpec("every_n_days", null, 2, null), "schedule.n", "is required");
        assertErrors(new ScheduleSpec("every_n_days", null, null, 0), "schedule.n", "must be between 1 and 365");
        assertErrors(new ScheduleSpec("every_n_days", null, null, 366), "schedule.n", "must be between 1 and 365");
        assertThat(new ScheduleSpec("every_n_days", null, null, 1).toSchedule()).isEqualTo(new Schedule.EveryNDays(1));
        assertThat(new ScheduleSpec("every_n_days", null, null, 365).toSchedule())
                .isEqualTo(new Schedule.EveryNDays(365));
    }

    @Test
    void ofGivesTheJsonShape() {
        assertThat(ScheduleSpec.of(new Schedule.Daily())).isEqualTo(new ScheduleSpec("daily", null, null, null));
        assertThat(ScheduleSpec.of(Schedule.Weekdays.of(SUNDAY, FRIDAY, MONDAY)))
                .isEqualTo(new ScheduleSpec("weekdays", List.of("MON", "FRI", "SUN"), null, null));
        assertThat(ScheduleSpec.of(new Schedule.TimesPerWeek(3)))
                .isEqualTo(new ScheduleSpec("times_per_week", null, 3, null));
        assertThat(ScheduleSpec.of(new Schedule.TimesPerMonth(20)))
                .isEqualTo(new ScheduleSpec("times_per_month", null, 20, null));
        assertThat(ScheduleSpec.of(new Schedule.EveryNDays(4)))
                .isEqualTo(new ScheduleSpec("every_n_days", null, null, 4));
    }

    @Test
    void daysAreCopied() {
        List<String> days = new ArrayList<>(List.of("MON"));
        ScheduleSpec spec = new ScheduleSpec("weekdays", days, null, null);
        days.add("TUE");
        assertThat(spec.days()).containsExactly("MON");
        assertThatThrownBy(() -> spec.days().add("WED")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Property(tries = 300)
    void specsRoundTrip(@ForAll("schedules") Schedule schedule) {
        ScheduleSpec spec = ScheduleSpec.of(schedule);
        assertThat(spec.kind()).isEqualTo(schedule.kind());
        assertThat(spec.toSchedule()).isEqualTo(schedule);
        assertThat(ScheduleSpec.of(spec.toSchedule())).isEqualTo(spec);
    }

    @Provide
    Arbitrary<Schedule> schedules() {
        return Arbitraries.oneOf(
                Arbitraries.just(new Schedule.Daily()),
                Arbitraries.of(DayOfWeek.class).set().ofMinSize(1).map(Schedule.Weekdays::new),
                Arbitraries.integers().between(1, 7).map(Schedule.TimesPerWeek::new),
                Arbitraries.integers().between(1, 31).map(Schedule.TimesPerMonth::new),
                Arbitraries.integers().between(1, 365).map(Schedule.EveryNDays::new));
    }

    private static void assertErrors(ScheduleSpec spec, String field, String message) {
        ValidationException e = catchThrowableOfType(ValidationException.class, spec::toSchedule);
        assertThat(e).as("%s is refused", spec).isNotNull();
        assertThat(e.errors()).containsExactly(new FieldError(field, message));
    }
}
