package io.steadfast.habit.internal.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import io.steadfast.habit.api.Sharing;
import io.steadfast.storage.internal.db.TestDatabase;
import io.steadfast.testsupport.TestRows;

class RefereeStoreTest {

    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.MILLIS);

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void aRefereeSeesTheWaitingDaysDecidesThemAndLetsGo(TestDatabase.Kind kind) {
        try (TestDatabase db = TestDatabase.create(kind, HabitPersistence.UNIT, "identity", "habit")) {
            JpaHabitStore habits = new JpaHabitStore(db.jpa(), db.ready());
            JpaCheckinStore checkins = new JpaCheckinStore(db.jpa(), db.ready());
            JpaRefereeStore referees = new JpaRefereeStore(db.jpa(), db.ready());
            JpaOutboxStore outbox = new JpaOutboxStore(db.jpa(), db.ready());
            UUID ann = TestRows.user(db.dataSource(), "ann@example.org");
            UUID ref = TestRows.user(db.dataSource(), "ref@example.org");
            HabitRow base = HabitStoresTest.habit(ann, "Gym");
            HabitRow gym = habits.create(new HabitRow(
                    base.id(),
                    ann,
                    "Gym",
                    null,
                    "boolean",
                    null,
                    null,
                    "daily",
                    base.startDate(),
                    null,
                    null,
                    false,
                    0,
                    NOW,
                    NOW,
                    null,
                    base.createdOn(),
                    0,
                    new Sharing(Sharing.Visibility.PARTNERS, true, ref)));
            assertThat(habits.find(ann, gym.id()).orElseThrow().sharing().refereeUserId())
                    .isEqualTo(ref);
            CheckinRow day = new CheckinRow(
                    gym.id(),
                    HabitStoresTest.DAY,
                    null,
                    "leg day",
                    CheckinRow.DONE,
                    false,
                    NOW,
                    NOW,
                    CheckinRow.Verification.WAITING);
            checkins.put(ann, day);
            checkins.put(
                    ann,
                    new CheckinRow(
                            gym.id(),
                            HabitStoresTest.DAY.plusDays(1),
                            new BigDecimal("1"),
                            null,
                            CheckinRow.SKIPPED,
                            false,
                            NOW,
                            NOW));

            assertThat(referees.waiting(ref, 10)).singleElement().satisfies(w -> {
                assertThat(w.ownerId()).isEqualTo(ann);
                assertThat(w.habitName()).isEqualTo("Gym");
                assertThat(w.shareNotes()).isTrue();
                assertThat(w.row().date()).isEqualTo(HabitStoresTest.DAY);
            });
            assertThat(referees.waiting(ann, 10)).isEmpty();
            assertThat(referees.ownerOf(ref, gym.id())).contains(ann);
            assertThat(referees.ownerOf(ann, gym.id())).isEmpty();

            long before = habits.find(ann, gym.id()).orElseThrow().revision();
            CheckinRow disputed = referees.decide(
                            ref,
                            gym.id(),
                            HabitStoresTest.DAY,
                            new CheckinRow.Verification(CheckinRow.Verification.DISPUTED, "no photo", NOW))
                    .orElseThrow();
            assertThat(disputed.disputed()).isTrue();
            assertThat(disputed.verification().comment()).isEqualTo("no photo");
            assertThat(checkins.find(gym.id(), HabitStoresTest.DAY)
                            .orElseThrow()
                            .disputed())
                    .isTrue();
            // a verdict is a change of the day: the revision moves and the outbox delivers it
            assertThat(habits.find(ann, gym.id()).orElseThrow().revision()).isEqualTo(before + 1);
            assertThat(outbox.pending(gym.id()).orElseThrow().earliestDay()).isEqualTo(HabitStoresTest.DAY);
            assertThat(referees.waiting(ref, 10)).isEmpty();
            assertThat(referees.asked(ann, gym.id(), HabitStoresTest.DAY))
                    .singleElement()
                    .satisfies(a -> {
                        assertThat(a.habitName()).isEqualTo("Gym");
                        assertThat(a.refereeId()).isEqualTo(ref);
                        assertThat(a.row().verification().state()).isEqualTo(CheckinRow.Verification.DISPUTED);
                    });
            assertThat(referees.asked(ann, gym.id(), HabitStoresTest.DAY.plusDays(1)))
                    .isEmpty();
            assertThat(referees.asked(ref, gym.id(), HabitStoresTest.DAY)).isEmpty();
            // a skipped day has nothing to judge; nor has another user
            assertThat(referees.decide(
                            ref,
                            gym.id(),
                            HabitStoresTest.DAY.plusDays(1),
                            new CheckinRow.Verification(CheckinRow.Verification.CONFIRMED, null, NOW)))
                    .isEmpty();
            assertThat(referees.decide(
                            ann,
                            gym.id(),
                            HabitStoresTest.DAY,
                            new CheckinRow.Verification(CheckinRow.Verification.CONFIRMED, null, NOW)))
                    .isEmpty();

            // the owner changes the day: it waits again; then the referee goes, and it counts as confirmed
            checkins.put(ann, day.verified(CheckinRow.Verification.WAITING));
            assertThat(referees.waiting(ref, 10)).hasSize(1);
            assertThat(referees.release(ann, ref, NOW)).isEqualTo(1);
            assertThat(habits.find(ann, gym.id()).orElseThrow().sharing().refereeUserId())
                    .isNull();
            assertThat(checkins.find(gym.id(), HabitStoresTest.DAY)
                            .orElseThrow()
                            .verification()
                            .state())
                    .isEqualTo(CheckinRow.Verification.CONFIRMED);
            assertThat(referees.waiting(ref, 10)).isEmpty();
        }
    }
}
