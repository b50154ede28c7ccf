package io.steadfast.habit.internal.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.steadfast.habit.api.DayState;
import io.steadfast.habit.api.DayView;
import io.steadfast.habit.api.HabitDays;
import io.steadfast.habit.api.HabitInfo;
import io.steadfast.habit.api.Schedule;
import io.steadfast.habit.internal.domain.DayEntry;
import io.steadfast.habit.internal.domain.HabitDraft;

class HabitQueryServiceTest {

    final Fixture f = new Fixture(Instant.parse("2026-03-04T12:00:00Z")); // a Wednesday
    final UUID ann = f.user("Europe/Berlin");
    final LocalDate today = LocalDate.of(2026, 3, 4);

    HabitInfo habit(String name, Schedule s) {
        return f.definitions.create(
                ann, new HabitDraft(name, null, "boolean", null, null, s, today.minusDays(20), null, null, null));
    }

    @Test
    void activeDaysEvaluateEveryActiveHabitInItsOrderWithPeriodProgress() {
        HabitInfo daily = habit("Daily", new Schedule.Daily());
        HabitInfo weekly = habit("Twice a week", new Schedule.TimesPerWeek(2));
        HabitInfo archived = habit("Old", new Schedule.Daily());
        f.definitions.patch(
                ann, archived.id(), new HabitDraft(null, null, null, null, null, null, null, null, null, true));
        f.days.put(ann, daily.id(), today.minusDays(1), new DayEntry(null, null, null));
        f.days.put(ann, weekly.id(), today.minusDays(1), new DayEntry(null, null, null));
        List<HabitDays> days = f.query.activeDays(ann, today.minusDays(2), today);
        assertThat(days).extracting(d -> d.habit().name()).containsExactly("Daily", "Twice a week");
        List<DayView> d = days.get(0).days();
        assertThat(d).extracting(DayView::state).containsExactly(DayState.MISSED, DayState.DONE, DayState.PENDING);
        DayView w = days.get(1).days().get(2);
        assertThat(w.period().done()).isEqualTo(1);
        assertThat(w.period().times()).isEqualTo(2);
        assertThat(w.period().start()).isEqualTo(LocalDate.of(2026, 3, 2));
        assertThat(days.get(0).habit().today()).isEqualTo(today);
    }

    @Test
    void anotherUsersHabitIsNotThere() {
        HabitInfo h = habit("Mine", new Schedule.Daily());
        UUID bob = f.user("UTC");
        assertThat(f.query.habit(bob, h.id())).isEmpty();
        assertThat(f.query.days(bob, h.id(), today, today)).isEmpty();
        assertThat(f.query.activeDays(bob, today, today)).isEmpty();
        assertThat(f.query.today(UUID.randomUUID())).isEmpty();
    }

    @Test
    void aCountHabitsProgressAndTargetAreInItsDays() {
        HabitInfo water = f.definitions.create(
                ann,
                new HabitDraft(
                        "Water",
                        null,
                        "count",
                        new BigDecimal("8"),
                        null,
                        new Schedule.Daily(),
                        today,
                        null,
                        null,
                        null));
        f.days.put(ann, water.id(), today, new DayEntry(new BigDecimal("5"), null, null));
        DayView d = f.query.days(ann, water.id(), today, today).get(0);
        assertThat(d.state()).isEqualTo(DayState.PARTIAL);
        assertThat(d.value()).isEqualByComparingTo("5");
        assertThat(d.target()).isEqualByComparingTo("8");
        assertThat(d.period()).isNull();
    }
}
