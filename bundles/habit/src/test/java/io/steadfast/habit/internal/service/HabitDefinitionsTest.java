package io.steadfast.habit.internal.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.steadfast.api.error.LimitReachedException;
import io.steadfast.api.error.NotFoundException;
import io.steadfast.api.error.ValidationException;
import io.steadfast.api.limit.Limits;
import io.steadfast.habit.api.HabitInfo;
import io.steadfast.habit.api.Schedule;
import io.steadfast.habit.internal.domain.HabitDraft;

class HabitDefinitionsTest {

    /** 23:30 UTC on a Tuesday: already Wednesday in Auckland. */
    final Fixture f = new Fixture(Instant.parse("2026-03-03T23:30:00Z"));

    final UUID ann = f.user("Pacific/Auckland");

    static HabitDraft draft(String name, String type, BigDecimal target, Schedule schedule) {
        return new HabitDraft(name, null, type, target, null, schedule, null, null, null, null);
    }

    @Test
    void aNewHabitStartsOnTheOwnersTodayWithItsTypesDefaultUnit() {
        HabitInfo h = f.definitions.create(ann, draft(" Water ", "count", new BigDecimal("8"), new Schedule.Daily()));
        assertThat(h.name()).isEqualTo("Water");
        assertThat(h.startDate()).as("Auckland's today").isEqualTo(LocalDate.of(2026, 3, 4));
        assertThat(h.available()).isTrue();
        assertThat(h.sortOrder()).isZero();
        assertThat(f.definitions.get(ann, h.id())).isEqualTo(h);
    }

    @Test
    void aUserHasAtMostTheHabitsTheServerAllowsArchivedOnesIncluded() {
        f.max.put(Limits.HABITS, 2);
        HabitInfo first = f.definitions.create(ann, draft("One", "boolean", null, new Schedule.Daily()));
        HabitInfo second = f.definitions.create(ann, draft("Two", "boolean", null, new Schedule.Daily()));
        f.definitions.patch(
                ann, second.id(), new HabitDraft(null, null, null, null, null, null, null, null, null, true));
        assertThatThrownBy(() -> f.definitions.create(ann, draft("Three", "boolean", null, new Schedule.Daily())))
                .isInstanceOfSatisfying(LimitReachedException.class, e -> {
                    assertThat(e.limit()).isEqualTo(Limits.HABITS);
                    assertThat(e.getMessage()).startsWith("You have 2 habits, the most this server allows");
                });
        assertThat(f.definitions.list(ann, false)).hasSize(1);
        assertThatThrownBy(() -> f.definitions.create(
                        ann,
                        new HabitDraft("", null, "boolean", null, null, new Schedule.Daily(), null, null, null, null)))
                .as("a draft with mistakes is told its mistakes first")
                .isInstanceOf(ValidationException.class);
        UUID bob = f.user("UTC");
        assertThat(f.definitions.create(bob, draft("Bob's", "boolean", null, new Schedule.Daily())))
                .as("the limit is each user's")
                .isNotNull();
        f.definitions.delete(ann, first.id());
        assertThat(f.definitions
                        .create(ann, draft("Three", "boolean", null, new Schedule.Daily()))
                        .name())
                .isEqualTo("Three");
    }

    @Test
    void everyProblemOfADraftIsReportedAtOnceNamingItsField() {
        assertThatThrownBy(() -> f.definitions.create(
                        ann,
                        new HabitDraft(
                                "", null, "telepathy", new BigDecimal("-1"), null, null, null, "red", null, null)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                        .extracting(x -> x.field())
                        .containsExactlyInAnyOrder("name", "type", "target", "schedule", "color"));
        assertThatThrownBy(() -> f.definitions.create(ann, draft("x", "count", null, new Schedule.Daily())))
                .isInstanceOfSatisfying(
                        ValidationException.class,
                        e -> assertThat(e.errors().get(0).field()).isEqualTo("target"));
    }

    @Test
    void anotherUsersHabitIsNotFoundForEveryOperation() {
        HabitInfo h = f.definitions.create(ann, draft("Run", "boolean", null, new Schedule.Daily()));
        UUID bob = f.user("UTC");
        assertThatThrownBy(() -> f.definitions.get(bob, h.id())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> f.definitions.patch(bob, h.id(), draft("Mine", null, null, null)))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> f.definitions.delete(bob, h.id())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> f.definitions.reorder(bob, List.of(h.id()))).isInstanceOf(ValidationException.class);
        assertThat(f.definitions.get(ann, h.id()).name()).isEqualTo("Run");
    }

    @Test
    void aScheduleChangeAppliesFromTheOwnersTodayAndTheTypeCannotChange() {
        HabitInfo h = f.definitions.create(
                ann,
                new HabitDraft(
                        "Run",
                        null,
                        "boolean",
                        null,
                        null,
                        new Schedule.Daily(),
                        LocalDate.of(2026, 2, 1),
                        null,
                        null,
                        null));
        Schedule mwf = Schedule.Weekdays.of(DayOfWeek.MONDAY, DayOfWeek.WEDNESDAY, DayOfWeek.FRIDAY);
        HabitInfo changed = f.definitions.patch(ann, h.id(), draft(null, null, null, mwf));
        assertThat(changed.schedule()).isEqualTo(mwf);
        assertThat(f.habitStore.rows.get(h.id()).schedule()).isEqualTo("daily@-;weekdays:MON,WED,FRI@2026-03-04");
        assertThatThrownBy(() -> f.definitions.patch(ann, h.id(), draft(null, "count", null, null)))
                .isInstanceOfSatisfying(
                        ValidationException.class,
                        e -> assertThat(e.errors().get(0).field()).isEqualTo("type"));
    }

    @Test
    void habitsAreOrderedAsListedAndTheRestFollow() {
        HabitInfo a = f.definitions.create(ann, draft("A", "boolean", null, new Schedule.Daily()));
        HabitInfo b = f.definitions.create(ann, draft("B", "boolean", null, new Schedule.Daily()));
        HabitInfo c = f.definitions.create(ann, draft("C", "boolean", null, new Schedule.Daily()));
        f.definitions.reorder(ann, List.of(c.id(), a.id(), c.id()));
        assertThat(f.definitions.list(ann, false)).extracting(HabitInfo::name).containsExactly("C", "A", "B");
        assertThatThrownBy(() -> f.definitions.reorder(ann, List.of(UUID.randomUUID())))
                .isInstanceOfSatisfying(
                        ValidationException.class,
                        e -> assertThat(e.errors().get(0).field()).isEqualTo("ids"));
        f.definitions.patch(ann, b.id(), new HabitDraft(null, null, null, null, null, null, null, null, null, true));
        assertThat(f.definitions.list(ann, true)).extracting(HabitInfo::name).containsExactly("B");
        f.definitions.delete(ann, a.id());
        assertThat(f.definitions.list(ann, false)).extracting(HabitInfo::name).containsExactly("C");
    }

    @Test
    void datesOutsideTheProductsWorldAndNumbersThatCannotBeStoredAre422() {
        for (LocalDate bad : new LocalDate[] {LocalDate.of(1, 1, 1), LocalDate.MAX, LocalDate.of(1899, 12, 31)}) {
            assertThatThrownBy(() -> f.definitions.create(
                            ann,
                            new HabitDraft(
                                    "x", null, "boolean", null, null, new Schedule.Daily(), bad, null, null, null)))
                    .as(bad.toString())
                    .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(
                                    e.errors().get(0).message())
                            .isEqualTo("must be a date between 1900-01-01 and 2199-12-31"));
        }
        for (String target : new String[] {"1e-150000", "8.00001", "1000000000.5"}) {
            assertThatThrownBy(() -> f.definitions.create(
                            ann, draft("x", "count", new BigDecimal(target), new Schedule.Daily())))
                    .as(target)
                    .isInstanceOfSatisfying(
                            ValidationException.class,
                            e -> assertThat(e.errors().get(0).field()).isEqualTo("target"));
        }
        assertThat(f.definitions
                        .create(ann, draft("x", "count", new BigDecimal("8.1250"), new Schedule.Daily()))
                        .target())
                .isEqualByComparingTo("8.125");
        assertThatThrownBy(() -> f.definitions.create(ann, draft("x", "boolean", BigDecimal.ONE, new Schedule.Daily())))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(
                                e.errors().get(0).message())
                        .isEqualTo("habits of type boolean have no target"));
    }
}
