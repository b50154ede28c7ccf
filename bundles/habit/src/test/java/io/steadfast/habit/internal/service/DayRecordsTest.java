package io.steadfast.habit.internal.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.steadfast.api.account.UserProfile;
import io.steadfast.api.error.ConflictException;
import io.steadfast.api.error.NotFoundException;
import io.steadfast.api.error.ValidationException;
import io.steadfast.habit.api.DayState;
import io.steadfast.habit.api.HabitInfo;
import io.steadfast.habit.api.Schedule;
import io.steadfast.habit.internal.domain.Checkin;
import io.steadfast.habit.internal.domain.DayEntry;
import io.steadfast.habit.internal.domain.HabitDraft;
import io.steadfast.habit.internal.types.CountHabitType;

class DayRecordsTest {

    final Fixture f = new Fixture(Instant.parse("2026-03-04T09:00:00Z"));
    final UUID ann = f.user("America/Los_Angeles"); // 01:00 on 4 March there
    final LocalDate today = LocalDate.of(2026, 3, 4);
    final HabitInfo water = f.definitions.create(
            ann,
            new HabitDraft(
                    "Water",
                    null,
                    "count",
                    new BigDecimal("8"),
                    null,
                    new Schedule.Daily(),
                    today.minusDays(10),
                    null,
                    null,
                    null));

    @Test
    void aRecordIsBackfilledWhenWrittenAfterItsDayEndedAndTheSameRecordAgainChangesNothing() {
        assertThat(f.today(ann)).isEqualTo(today);
        Checkin late = f.days.put(ann, water.id(), today.minusDays(1), new DayEntry(new BigDecimal("8"), null, null));
        assertThat(late.backfilled()).isTrue();
        assertThat(late.recordStatus()).isEqualTo("done");
        assertThat(late.state()).as("8 of 8").isEqualTo(DayState.DONE);
        f.clock.advance(Duration.ofMinutes(5));
        Checkin again =
                f.days.put(ann, water.id(), today.minusDays(1), new DayEntry(new BigDecimal("8.0"), "", "DONE"));
        assertThat(again.updatedAt()).as("unchanged").isEqualTo(late.updatedAt());
        assertThat(f.days.put(ann, water.id(), today, new DayEntry(BigDecimal.ONE, null, null))
                        .backfilled())
                .isFalse();
    }

    @Test
    void backfilledIsDecidedOnceAtTheWriteAgainstTheUsersDayThen() {
        Checkin onTime = f.days.put(ann, water.id(), today, new DayEntry(new BigDecimal("8"), null, null));
        assertThat(onTime.backfilled()).isFalse();
        // the user moves far west: their today is now a day earlier or later, the stored flag stays as decided
        UserProfile p = f.directory.users.get(ann);
        f.directory.users.put(
                ann,
                new UserProfile(
                        p.id(),
                        p.email(),
                        p.displayName(),
                        java.time.ZoneId.of("Pacific/Kiritimati"),
                        p.weekStart(),
                        p.dayStartsAt(),
                        p.role(),
                        p.createdAt()));
        f.clock.advance(Duration.ofDays(2));
        assertThat(f.days.list(ann, water.id(), today, today)).singleElement().satisfies(c -> assertThat(c.backfilled())
                .isFalse());
    }

    @Test
    void aWriteAnswersTheDaysEvaluatedStateNotJustTheRecordsStatus() {
        Checkin five = f.days.put(ann, water.id(), today, new DayEntry(new BigDecimal("5"), null, null));
        assertThat(five.recordStatus()).isEqualTo("done");
        assertThat(five.state()).as("5 of 8, today").isEqualTo(DayState.PARTIAL);
        Checkin past = f.days.put(ann, water.id(), today.minusDays(1), new DayEntry(new BigDecimal("5"), null, null));
        assertThat(past.state()).as("5 of 8 on an ended day").isEqualTo(DayState.PARTIAL);
        assertThat(f.days.increment(ann, water.id(), today, new BigDecimal("3"), null)
                        .checkin()
                        .state())
                .isEqualTo(DayState.DONE);
        HabitInfo limit = f.definitions.create(
                ann,
                new HabitDraft(
                        "Coffee",
                        null,
                        "limit",
                        new BigDecimal("2"),
                        null,
                        new Schedule.Daily(),
                        today.minusDays(3),
                        null,
                        null,
                        null));
        assertThat(f.days.put(ann, limit.id(), today.minusDays(1), new DayEntry(new BigDecimal("3"), null, null))
                        .state())
                .as("over a limit")
                .isEqualTo(DayState.MISSED);
        HabitInfo yes = f.definitions.create(
                ann,
                new HabitDraft(
                        "Run",
                        null,
                        "boolean",
                        null,
                        null,
                        new Schedule.Daily(),
                        today.minusDays(3),
                        null,
                        null,
                        null));
        assertThat(f.days.put(ann, yes.id(), today.minusDays(1), new DayEntry(BigDecimal.ZERO, null, null))
                        .state())
                .as("a boolean {value:0} on an ended day")
                .isEqualTo(DayState.MISSED);
        assertThat(f.days.list(ann, water.id(), null, null))
                .extracting(Checkin::state)
                .containsExactly(past.state(), DayState.DONE);
    }

    @Test
    void datesAfterTodayOrBeforeTheStartAndBadEntriesAre422() {
        assertField(() -> f.days.put(ann, water.id(), today.plusDays(1), new DayEntry(null, null, null)), "date");
        assertField(() -> f.days.put(ann, water.id(), today.minusDays(11), new DayEntry(null, null, null)), "date");
        assertField(() -> f.days.put(ann, water.id(), today, new DayEntry(null, null, "maybe")), "status");
        assertField(() -> f.days.put(ann, water.id(), today, new DayEntry(new BigDecimal("-1"), null, null)), "value");
        assertField(() -> f.days.put(ann, water.id(), today, null), "body");
        assertThatThrownBy(() -> f.days.put(f.user("UTC"), water.id(), today, new DayEntry(null, null, null)))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void incrementsAddUpAndAReplayedKeyAddsNothing() {
        assertThat(f.days.increment(ann, water.id(), today, new BigDecimal("2"), null)
                        .checkin()
                        .value())
                .isEqualByComparingTo("2");
        DayRecords.Increment first = f.days.increment(ann, water.id(), today, BigDecimal.ONE, "k1");
        DayRecords.Increment replay = f.days.increment(ann, water.id(), today, BigDecimal.ONE, "k1");
        assertThat(first.replayed()).isFalse();
        assertThat(replay.replayed()).isTrue();
        assertThat(replay.checkin().value()).isEqualByComparingTo("3");
        assertField(() -> f.days.increment(ann, water.id(), today, new BigDecimal("5"), "k1"), "Idempotency-Key");
        assertField(() -> f.days.increment(ann, water.id(), today, BigDecimal.ZERO, null), "delta");
        assertThat(f.query.days(ann, water.id(), today, today).get(0).state()).isEqualTo(DayState.PARTIAL);
    }

    @Test
    void whileTheTypesPluginIsGoneWritesAre409AndTheHistoryStays() {
        f.days.put(ann, water.id(), today.minusDays(2), new DayEntry(new BigDecimal("9"), null, null));
        f.types.all().stream()
                .filter(t -> t instanceof CountHabitType)
                .findFirst()
                .ifPresent(f.types::remove);
        assertThatThrownBy(() -> f.days.put(ann, water.id(), today, new DayEntry(BigDecimal.ONE, null, null)))
                .isInstanceOf(ConflictException.class);
        assertThat(f.definitions.get(ann, water.id()).available()).isFalse();
        assertThat(f.days.list(ann, water.id(), null, null)).hasSize(1);
        assertThat(f.query
                        .days(ann, water.id(), today.minusDays(2), today.minusDays(2))
                        .get(0)
                        .state())
                .as("a stored done record still counts")
                .isEqualTo(DayState.DONE);
    }

    @Test
    void listingDefaultsToTheLast30DaysAndRefusesLongRanges() {
        f.days.put(ann, water.id(), today.minusDays(3), new DayEntry(null, "note", "skipped"));
        assertThat(f.days.list(ann, water.id(), null, null))
                .extracting(Checkin::note)
                .containsExactly("note");
        assertField(() -> f.days.list(ann, water.id(), today, today.minusDays(1)), "to");
        assertField(() -> f.days.list(ann, water.id(), today.minusDays(DayRecords.MAX_LIST_DAYS), today), "to");
    }

    @Test
    void aNegativeDeltaTakesAwayButNeverBelowZero() {
        assertField(() -> f.days.increment(ann, water.id(), today, new BigDecimal("-1"), null), "delta");
        f.days.increment(ann, water.id(), today, new BigDecimal("3"), null);
        assertThat(f.days.increment(ann, water.id(), today, new BigDecimal("-1"), null)
                        .checkin()
                        .value())
                .isEqualByComparingTo("2");
        Checkin zero = f.days.increment(ann, water.id(), today, new BigDecimal("-5"), null)
                .checkin();
        assertThat(zero.value()).isEqualByComparingTo("0");
        assertThat(zero.state()).isEqualTo(DayState.PENDING);
    }

    @Test
    void numbersThatCannotBeStoredExactlyAndTotalsOverTheLimitAre422() {
        assertField(
                () -> f.days.put(ann, water.id(), today, new DayEntry(new BigDecimal("1e-150000"), null, null)),
                "value");
        assertField(
                () -> f.days.put(ann, water.id(), today, new DayEntry(new BigDecimal("0.00001"), null, null)), "value");
        assertField(() -> f.days.increment(ann, water.id(), today, new BigDecimal("1e-5"), null), "delta");
        f.days.put(ann, water.id(), today, new DayEntry(new BigDecimal("999999999"), null, null));
        assertField(() -> f.days.increment(ann, water.id(), today, new BigDecimal("2"), null), "delta");
        assertThat(f.days.increment(ann, water.id(), today, BigDecimal.ONE, null)
                        .checkin()
                        .value())
                .isEqualByComparingTo("1000000000");
    }

    static void assertField(Runnable r, String field) {
        assertThatThrownBy(r::run).isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                .extracting(x -> x.field())
                .contains(field));
    }
}
