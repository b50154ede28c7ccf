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
        assertThat(d)
                .as("the habit was created today: the day before yesterday, unrecorded, does not count")
                .extracting(DayView::state)
                .containsExactly(DayState.NOT_DUE, DayState.DONE, DayState.PENDING);
        DayView w = days.get(1).days().get(2);
        assertThat(w.period().done()).isEqualTo(1);
        assertThat(w.period().times()).isEqualTo(2);
        assertThat(w.period().start()).isEqualTo(LocalDate.of(2026, 3, 2));
        assertThat(days.get(0).habit().today()).isEqualTo(today);
    }

    @Test
    void aRangeEndingBeforeTodayCountsItsPeriodUpToToday() {
        // today is a Wednesday: Monday to Tuesday of this week, with the week's check-ins on Monday and today
        HabitInfo weekly = habit("Twice a week", new Schedule.TimesPerWeek(2));
        f.days.put(ann, weekly.id(), today.minusDays(2), new DayEntry(null, null, null));
        f.days.put(ann, weekly.id(), today, new DayEntry(null, null, null));
        List<DayView> d = f.query.days(ann, weekly.id(), today.minusDays(2), today.minusDays(1));
        assertThat(d).hasSize(2);
        assertThat(d.get(1).period().done())
                .as("the week's progress counts its days up to today, also those after the range")
                .isEqualTo(2);
        assertThat(f.query.days(ann, weekly.id(), today, today).get(0).period().done())
                .as("and those before it")
                .isEqualTo(2);
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

    @Test
    void freeHistoryALimitHabitStartedAYearBackEarnsNothingByItself() {
        HabitInfo coffee = f.definitions.create(
                ann,
                new HabitDraft(
                        "Coffee",
                        null,
                        "limit",
                        new BigDecimal("2"),
                        null,
                        new Schedule.Daily(),
                        today.minusYears(1),
                        null,
                        null,
                        null));
        assertThat(coffee.createdOn()).isEqualTo(today);
        f.days.put(ann, coffee.id(), today.minusDays(3), new DayEntry(new BigDecimal("1"), null, null));
        List<DayView> days = f.query.days(ann, coffee.id(), today.minusYears(1), today);
        assertThat(days).filteredOn(DayView::due).extracting(DayView::date).containsExactly(today.minusDays(3), today);
        assertThat(days.get(0).state()).isEqualTo(DayState.NOT_DUE);
        assertThat(days.get(days.size() - 4).state())
                .as("a recorded day counts")
                .isEqualTo(DayState.DONE);
        assertThat(days.get(days.size() - 2).state()).isEqualTo(DayState.NOT_DUE);
        assertThat(days.get(days.size() - 1).state()).isEqualTo(DayState.PENDING);
        // the next day, yesterday (the creation day) is judged like any day
        f.clock.advance(java.time.Duration.ofDays(1));
        assertThat(f.query.days(ann, coffee.id(), today, today).get(0).state()).isEqualTo(DayState.DONE);
    }

    @Test
    void aVacationPausesTheHabitsItNames() {
        HabitInfo run = habit("Run", new Schedule.Daily());
        HabitInfo read = habit("Read", new Schedule.TimesPerWeek(2));
        f.vacationStore.create(new io.steadfast.habit.internal.store.VacationRow(
                UUID.randomUUID(), ann, today, today.plusDays(2), java.util.Set.of(run.id()), f.clock.instant()));
        assertThat(f.query.days(ann, run.id(), today, today.plusDays(3)))
                .extracting(DayView::state)
                .containsExactly(DayState.PAUSED, DayState.PAUSED, DayState.PAUSED, DayState.PENDING);
        assertThat(f.query.days(ann, run.id(), today, today).get(0).due()).isFalse();
        assertThat(f.query.days(ann, read.id(), today, today).get(0).state()).isEqualTo(DayState.PENDING);
        f.days.put(ann, run.id(), today, new DayEntry(null, null, null));
        assertThat(f.query.days(ann, run.id(), today, today).get(0).state())
                .as("done on a vacation still counts")
                .isEqualTo(DayState.DONE);
    }
}
