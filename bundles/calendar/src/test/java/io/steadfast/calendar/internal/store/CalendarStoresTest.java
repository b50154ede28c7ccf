package io.steadfast.calendar.internal.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import io.steadfast.calendar.internal.domain.ReminderRule;
import io.steadfast.storage.internal.db.TestDatabase;
import io.steadfast.testsupport.TestRows;

class CalendarStoresTest {

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void calendarFeedSecretsMapToTheirUser(TestDatabase.Kind kind) {
        try (TestDatabase db = TestDatabase.create(kind, CalendarPersistence.UNIT, "identity", "calendar")) {
            JpaCalendarFeedStore feeds = new JpaCalendarFeedStore(db.jpa(), db.ready());
            UUID ann = TestRows.user(db.dataSource(), "ann@example.org");
            Instant made = Instant.parse("2027-03-01T10:00:00.123Z");
            feeds.put(ann, "a".repeat(64), made, 0);
            assertThat(feeds.find("a".repeat(64))).contains(new CalendarFeedStore.Feed(ann, made, 0));
            feeds.put(ann, "b".repeat(64), made.plusSeconds(60), 3);
            assertThat(feeds.find("a".repeat(64))).isEmpty();
            assertThat(feeds.find("b".repeat(64))).contains(new CalendarFeedStore.Feed(ann, made.plusSeconds(60), 3));
            assertThat(feeds.delete(ann)).isTrue();
            assertThat(feeds.find("b".repeat(64))).isEmpty();
            assertThat(feeds.delete(ann)).isFalse();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void aDueTimerIsClaimedByOneClaimantAndMovedOnOnlyByIt(TestDatabase.Kind kind) {
        try (TestDatabase db = TestDatabase.create(kind, CalendarPersistence.UNIT, "identity", "calendar")) {
            JpaTimerStore timers = new JpaTimerStore(db.jpa(), db.ready());
            UUID ann = TestRows.user(db.dataSource(), "ann@example.org");
            Instant now = Instant.parse("2031-03-04T10:00:00Z");
            LocalDate day = LocalDate.of(2031, 3, 4);
            assertThat(timers.ensure(TimerRow.DAY_END, ann, ann, now.minusSeconds(60), day))
                    .isTrue();
            assertThat(timers.ensure(TimerRow.DAY_END, ann, ann, now.plusSeconds(60), day))
                    .isFalse();
            timers.put(TimerRow.STREAK_CHECK, ann, ann, now.plusSeconds(3600), day);

            List<TimerRow> a = timers.claim("a", now, now.plusSeconds(120), 10);
            List<TimerRow> b = timers.claim("b", now, now.plusSeconds(120), 10);
            assertThat(a).extracting(TimerRow::kind).containsExactly(TimerRow.DAY_END);
            assertThat(a.get(0).attempts()).isEqualTo(1);
            assertThat(b).isEmpty();
            assertThat(timers.advance(a.get(0).id(), "b", now.plusSeconds(86_400), day.plusDays(1)))
                    .isFalse();
            assertThat(timers.advance(a.get(0).id(), "a", now.plusSeconds(86_400), day.plusDays(1)))
                    .isTrue();
            assertThat(timers.find(TimerRow.DAY_END, ann)).hasValueSatisfying(t -> {
                assertThat(t.date()).isEqualTo(day.plusDays(1));
                assertThat(t.dueAt()).isEqualTo(now.plusSeconds(86_400));
                assertThat(t.attempts()).isZero();
            });
            // a lease that ran out is free again: a node that died leaves its timers to the others
            Instant later = now.plusSeconds(7200);
            List<TimerRow> c = timers.claim("c", later, later.plusSeconds(120), 10);
            assertThat(c).extracting(TimerRow::kind).containsExactly(TimerRow.STREAK_CHECK);
            timers.retry(c.get(0).id(), "c", later.plusSeconds(30));
            assertThat(timers.claim("d", later.plusSeconds(10), later.plusSeconds(130), 10))
                    .isEmpty();
            assertThat(timers.claim("d", later.plusSeconds(31), later.plusSeconds(151), 10))
                    .hasSize(1);
            assertThat(timers.ofUser(ann)).hasSize(2);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void remindersKeepTheirFieldsAndTakeTheirTimerWithThem(TestDatabase.Kind kind) {
        try (TestDatabase db = TestDatabase.create(kind, CalendarPersistence.UNIT, "identity", "calendar")) {
            JpaReminderStore reminders = new JpaReminderStore(db.jpa(), db.ready());
            JpaTimerStore timers = new JpaTimerStore(db.jpa(), db.ready());
            UUID ann = TestRows.user(db.dataSource(), "ann@example.org");
            UUID habit = UUID.randomUUID();
            Instant now = Instant.parse("2031-03-04T10:00:00.123Z");
            UUID channel = UUID.randomUUID();
            ReminderRule r = new ReminderRule(
                    UUID.randomUUID(),
                    ann,
                    habit,
                    LocalTime.of(7, 45),
                    Set.of(DayOfWeek.MONDAY, DayOfWeek.FRIDAY),
                    false,
                    List.of(channel),
                    now,
                    now);
            reminders.create(r, now.plusSeconds(60), LocalDate.of(2031, 3, 4));
            ReminderRule all = new ReminderRule(
                    UUID.randomUUID(), ann, habit, LocalTime.of(6, 0), null, true, List.of(), now, now);
            reminders.create(all, now.plusSeconds(30), LocalDate.of(2031, 3, 4));
            assertThat(reminders.find(r.id())).contains(r);
            assertThat(reminders.ofHabit(ann, habit)).containsExactly(all, r);
            assertThat(reminders.countOfHabit(ann, habit)).isEqualTo(2);
            assertThat(timers.find(TimerRow.REMINDER, r.id())).isPresent();
            assertThat(reminders.delete(UUID.randomUUID(), habit, r.id())).isFalse();
            assertThat(reminders.delete(ann, habit, r.id())).isTrue();
            assertThat(timers.find(TimerRow.REMINDER, r.id())).isEmpty();
            assertThat(reminders.deleteOfHabit(ann, habit)).isEqualTo(1);
            assertThat(timers.ofUser(ann)).isEmpty();
        }
    }
}
