package io.steadfast.habit.internal.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.steadfast.api.error.FieldError;
import io.steadfast.api.error.ValidationException;
import io.steadfast.api.habit.spi.HabitType;
import io.steadfast.habit.api.Goal;
import io.steadfast.habit.api.HabitInfo;
import io.steadfast.habit.api.RecordedValue;
import io.steadfast.habit.api.Schedule;
import io.steadfast.habit.internal.domain.DayEntry;
import io.steadfast.habit.internal.domain.GoalDraft;
import io.steadfast.habit.internal.domain.HabitDraft;

/** A measurement habit's goal: validated on create and change, kept, removed; its first and latest values. */
class GoalsTest {

    /** A type with goals, as the measurement plugin is. */
    static final class Weight implements HabitType {
        @Override
        public String key() {
            return "weight";
        }

        @Override
        public String name() {
            return "Weight";
        }

        @Override
        public String description() {
            return "kg";
        }

        @Override
        public boolean needsTarget() {
            return false;
        }

        @Override
        public ValueKind valueKind() {
            return ValueKind.NUMBER;
        }

        @Override
        public boolean supportsGoal() {
            return true;
        }

        @Override
        public Optional<String> validate(HabitDefinition habit, DayRecord record) {
            return Optional.empty();
        }

        @Override
        public DayOutcome evaluate(HabitDefinition habit, DayRecord record, boolean dayEnded) {
            return record != null && record.value() != null
                    ? new DayOutcome(Status.DONE, record.value())
                    : DayOutcome.of(dayEnded ? Status.MISSED : Status.PENDING);
        }
    }

    final Fixture f = new Fixture(Instant.parse("2026-03-04T09:00:00Z"));
    final UUID ann = f.user("UTC");
    final LocalDate today = LocalDate.of(2026, 3, 4);
    final LocalDate start = today.minusDays(10);

    {
        f.types.add(new Weight());
    }

    HabitDraft draft(String type, GoalDraft goal) {
        return new HabitDraft("Weight", null, type, null, null, new Schedule.Daily(), start, null, null, null, goal);
    }

    static HabitDraft change(LocalDate startDate, GoalDraft goal) {
        return new HabitDraft(null, null, null, null, null, null, startDate, null, null, null, goal);
    }

    static GoalDraft goal(String value, String direction, LocalDate by) {
        return GoalDraft.of(value == null ? null : new BigDecimal(value), direction, by);
    }

    static ValidationException invalid(Runnable r) {
        try {
            r.run();
        } catch (ValidationException e) {
            return e;
        }
        throw new AssertionError("no ValidationException");
    }

    @Test
    void aGoalIsStoredShownAndKeptByOtherChanges() {
        HabitInfo h = f.definitions.create(ann, draft("weight", goal("70.5", "down", today.plusDays(60))));
        Goal expected = new Goal(new BigDecimal("70.5"), Goal.Direction.DOWN, today.plusDays(60));
        assertThat(h.goal()).isEqualTo(expected);
        assertThat(f.definitions.get(ann, h.id()).goal()).isEqualTo(expected);
        assertThat(f.definitions.list(ann, false)).extracting(HabitInfo::goal).containsExactly(expected);
        assertThat(f.query.habit(ann, h.id()).orElseThrow().goal()).isEqualTo(expected);
        HabitInfo renamed = f.definitions.patch(
                ann, h.id(), new HabitDraft("Body weight", null, null, null, null, null, null, null, null, null));
        assertThat(renamed.goal()).as("a change without goal keeps it").isEqualTo(expected);
        HabitInfo up = f.definitions.patch(ann, h.id(), change(null, goal("75", "up", today.plusDays(30))));
        assertThat(up.goal()).isEqualTo(new Goal(new BigDecimal("75"), Goal.Direction.UP, today.plusDays(30)));
        assertThat(f.definitions
                        .patch(ann, h.id(), change(null, GoalDraft.REMOVE))
                        .goal())
                .isNull();
        assertThat(f.definitions.get(ann, h.id()).goal()).isNull();
        assertThat(f.definitions.create(ann, draft("weight", null)).goal())
                .as("no goal unless asked")
                .isNull();
    }

    @Test
    void onlyTypesWithGoalsHaveOne() {
        ValidationException e = invalid(() -> f.definitions.create(ann, draft("count", goal("8", "up", today))));
        assertThat(e.errors()).extracting(FieldError::field).contains("goal");
        assertThat(e.errors())
                .filteredOn(x -> x.field().equals("goal"))
                .extracting(FieldError::message)
                .containsExactly("only weight habits have a goal");
        HabitInfo run = f.definitions.create(
                ann, new HabitDraft("Run", null, "boolean", null, null, new Schedule.Daily(), start, null, null, null));
        assertThat(invalid(() -> f.definitions.patch(ann, run.id(), change(null, goal("1", "up", today))))
                        .errors())
                .extracting(FieldError::field)
                .containsExactly("goal");
        assertThat(f.definitions
                        .patch(ann, run.id(), change(null, GoalDraft.REMOVE))
                        .goal())
                .as("removing no goal is fine")
                .isNull();
    }

    @Test
    void everyProblemOfAGoalNamesItsField() {
        ValidationException missing = invalid(() -> f.definitions.create(ann, draft("weight", goal(null, null, null))));
        assertThat(missing.errors())
                .extracting(FieldError::field)
                .containsExactlyInAnyOrder("goal.value", "goal.direction", "goal.by");
        assertThat(missing.errors())
                .filteredOn(x -> x.field().equals("goal.direction"))
                .extracting(FieldError::message)
                .allSatisfy(m -> assertThat(m).contains("down, up"));
        ValidationException wrong =
                invalid(() -> f.definitions.create(ann, draft("weight", goal("70.00001", "sideways", start))));
        assertThat(wrong.errors())
                .extracting(FieldError::field, FieldError::message)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("goal.value", "must have at most 4 decimal places"),
                        org.assertj.core.groups.Tuple.tuple(
                                "goal.direction", "must be one of down, up (the way the values should go)"),
                        org.assertj.core.groups.Tuple.tuple(
                                "goal.by", "must be after the habit's start date " + start));
        assertThat(invalid(() -> f.definitions.create(ann, draft("weight", goal("2e9", "down", today))))
                        .errors())
                .extracting(FieldError::field, FieldError::message)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("goal.value", "must be at most 1000000000"));
        assertThat(invalid(() -> f.definitions.create(
                                ann, draft("weight", goal("70", "down", LocalDate.of(2200, 1, 1)))))
                        .errors())
                .extracting(FieldError::field, FieldError::message)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(
                        "goal.by", "must be a date between 1900-01-01 and 2199-12-31"));
        assertThat(f.definitions
                        .create(ann, draft("weight", goal("-40", "down", start.plusDays(1))))
                        .goal())
                .as("a negative value and a date in the past are fine")
                .isNotNull();
    }

    @Test
    void aStartDateChangeMustStayBeforeTheGoalsDate() {
        HabitInfo h = f.definitions.create(ann, draft("weight", goal("70", "down", today.plusDays(5))));
        assertThat(invalid(() -> f.definitions.patch(ann, h.id(), change(today.plusDays(5), null)))
                        .errors())
                .extracting(FieldError::field, FieldError::message)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(
                        "startDate",
                        "must be before the goal's date " + today.plusDays(5) + "; change or remove the goal"));
        assertThat(invalid(() -> f.definitions.patch(
                                ann, h.id(), change(today.plusDays(5), goal("70", "down", today.plusDays(5)))))
                        .errors())
                .extracting(FieldError::field)
                .containsExactly("goal.by");
        HabitInfo moved = f.definitions.patch(ann, h.id(), change(today.plusDays(5), GoalDraft.REMOVE));
        assertThat(moved.startDate()).isEqualTo(today.plusDays(5));
        assertThat(moved.goal()).isNull();
    }

    @Test
    void theFirstAndTheLatestRecordedValueSkipSkippedDaysAndTheFuture() {
        HabitInfo h = f.definitions.create(ann, draft("weight", goal("70", "down", today.plusDays(30))));
        assertThat(f.query.recordedValues(ann, h.id(), today)).isEmpty();
        f.days.put(ann, h.id(), start.plusDays(1), new DayEntry(null, "on holiday", "skipped"));
        f.days.put(ann, h.id(), start.plusDays(2), new DayEntry(new BigDecimal("80.2"), null, null));
        f.days.put(ann, h.id(), start.plusDays(6), new DayEntry(new BigDecimal("79"), null, null));
        f.days.put(ann, h.id(), start.plusDays(7), new DayEntry(null, "no scale", "skipped"));
        RecordedValue.Span span = f.query.recordedValues(ann, h.id(), today).orElseThrow();
        assertThat(span.first()).isEqualTo(new RecordedValue(start.plusDays(2), new BigDecimal("80.2")));
        assertThat(span.latest()).isEqualTo(new RecordedValue(start.plusDays(6), new BigDecimal("79")));
        assertThat(f.query
                        .recordedValues(ann, h.id(), start.plusDays(5))
                        .orElseThrow()
                        .latest())
                .as("up to the day asked for")
                .isEqualTo(span.first());
        assertThat(f.query.recordedValues(ann, h.id(), start.plusDays(1))).isEmpty();
        assertThat(f.query.recordedValues(f.user("UTC"), h.id(), today))
                .as("another user's habit")
                .isEmpty();
        f.days.put(ann, h.id(), start.plusDays(2), new DayEntry(new BigDecimal("81"), null, null));
        assertThat(f.query
                        .recordedValues(ann, h.id(), today)
                        .orElseThrow()
                        .first()
                        .value())
                .as("an edit of the first value")
                .isEqualByComparingTo("81");
    }
}
