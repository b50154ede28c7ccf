package io.steadfast.habit.api;

import static java.time.DayOfWeek.FRIDAY;
import static java.time.DayOfWeek.MONDAY;
import static java.time.DayOfWeek.WEDNESDAY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

class ScheduleTest {

    @Test
    void kindsAreTheStableJsonNames() {
        assertThat(new Schedule.Daily().kind()).isEqualTo("daily");
        assertThat(Schedule.Weekdays.of(MONDAY).kind()).isEqualTo("weekdays");
        assertThat(new Schedule.TimesPerWeek(3).kind()).isEqualTo("times_per_week");
        assertThat(new Schedule.TimesPerMonth(10).kind()).isEqualTo("times_per_month");
        assertThat(new Schedule.EveryNDays(2).kind()).isEqualTo("every_n_days");
    }

    @Test
    void onlyTheTimesPerKindsArePerPeriod() {
        assertThat(new Schedule.Daily().perPeriod()).isFalse();
        assertThat(Schedule.Weekdays.of(MONDAY).perPeriod()).isFalse();
        assertThat(new Schedule.EveryNDays(3).perPeriod()).isFalse();
        assertThat(new Schedule.TimesPerWeek(3).perPeriod()).isTrue();
        assertThat(new Schedule.TimesPerMonth(3).perPeriod()).isTrue();
        assertThat(new Schedule.TimesPerWeek(3)).isInstanceOf(Schedule.PerPeriod.class);
    }

    @Test
    void weekdaysAreAnImmutableCopyInWeekOrderWithValueEquality() {
        Set<DayOfWeek> input = new HashSet<>(List.of(FRIDAY, MONDAY, WEDNESDAY));
        Schedule.Weekdays w = new Schedule.Weekdays(input);
        input.clear();
        assertThat(w.days()).containsExactly(MONDAY, WEDNESDAY, FRIDAY);
        assertThatThrownBy(() -> w.days().add(DayOfWeek.SUNDAY)).isInstanceOf(UnsupportedOperationException.class);
        assertThat(w)
                .isEqualTo(Schedule.Weekdays.of(WEDNESDAY, FRIDAY, MONDAY))
                .hasSameHashCodeAs(new Schedule.Weekdays(EnumSet.of(MONDAY, WEDNESDAY, FRIDAY)));
    }

    @Test
    void constructorsRefuseInvalidSchedules() {
        assertThatThrownBy(() -> new Schedule.Weekdays(Set.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Schedule.Weekdays(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new Schedule.TimesPerWeek(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Schedule.TimesPerWeek(8)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Schedule.TimesPerMonth(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Schedule.TimesPerMonth(32)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Schedule.EveryNDays(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Schedule.EveryNDays(366)).isInstanceOf(IllegalArgumentException.class);
        assertThat(new Schedule.TimesPerWeek(7).times()).isEqualTo(7);
        assertThat(new Schedule.TimesPerMonth(31).times()).isEqualTo(31);
        assertThat(new Schedule.EveryNDays(365).n()).isEqualTo(365);
    }

    @Test
    void dayStatesHaveLowercaseJsonNames() {
        assertThat(DayState.DONE.json()).isEqualTo("done");
        assertThat(DayState.PARTIAL.json()).isEqualTo("partial");
        assertThat(DayState.MISSED.json()).isEqualTo("missed");
        assertThat(DayState.SKIPPED.json()).isEqualTo("skipped");
        assertThat(DayState.PENDING.json()).isEqualTo("pending");
        assertThat(DayState.NOT_DUE.json()).isEqualTo("not_due");
        for (DayState s : DayState.values()) {
            assertThat(DayState.fromJson(s.json())).isSameAs(s);
        }
        assertThatThrownBy(() -> DayState.fromJson("DONE")).isInstanceOf(IllegalArgumentException.class);
    }
}
