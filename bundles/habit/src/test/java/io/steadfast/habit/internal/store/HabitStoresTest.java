package io.steadfast.habit.internal.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import io.steadfast.habit.api.Goal;
import io.steadfast.storage.internal.db.TestDatabase;
import io.steadfast.testsupport.TestRows;

public class HabitStoresTest {

    static final LocalDate DAY = LocalDate.of(2026, 3, 2);

    public static HabitRow habit(UUID user, String name) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        return new HabitRow(
                UUID.randomUUID(),
                user,
                name,
                "desc",
                "count",
                new BigDecimal("8"),
                "glasses",
                "daily",
                DAY,
                "#22aa88",
                "water",
                false,
                0,
                now,
                now,
                null,
                java.time.LocalDate.of(2026, 3, 1));
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void habitsBelongToTheirOwnerAndKeepTheirOrder(TestDatabase.Kind kind) {
        try (TestDatabase db = TestDatabase.create(kind, HabitPersistence.UNIT, "identity", "habit")) {
            JpaHabitStore habits = new JpaHabitStore(db.jpa(), db.ready());
            UUID ann = TestRows.user(db.dataSource(), "ann@example.org");
            UUID bob = TestRows.user(db.dataSource(), "bob@example.org");
            HabitRow water = habits.create(habit(ann, "Water"));
            HabitRow walk = habits.create(habit(ann, "Walk"));
            HabitRow read = habits.create(habit(ann, "Read"));
            assertThat(water.target()).isEqualByComparingTo("8");
            assertThat(habits.list(ann, false)).extracting(HabitRow::name).containsExactly("Water", "Walk", "Read");
            assertThat(habits.find(bob, water.id())).isEmpty();
            assertThat(habits.update(new HabitRow(
                            water.id(),
                            bob,
                            "Hijack",
                            null,
                            "boolean",
                            null,
                            null,
                            "daily",
                            DAY,
                            null,
                            null,
                            false,
                            0,
                            null,
                            null)))
                    .isEmpty();
            assertThat(habits.delete(bob, water.id())).isFalse();
            habits.reorder(ann, List.of(read.id(), water.id()));
            assertThat(habits.list(ann, false)).extracting(HabitRow::name).containsExactly("Read", "Water", "Walk");
            HabitRow archived = habits.update(new HabitRow(
                            walk.id(),
                            ann,
                            "Walk",
                            null,
                            "boolean",
                            null,
                            null,
                            "weekdays:MON,WED",
                            DAY,
                            null,
                            null,
                            true,
                            0,
                            walk.createdAt(),
                            Instant.now(),
                            null,
                            walk.createdOn()))
                    .orElseThrow();
            assertThat(archived.archived()).isTrue();
            assertThat(habits.list(ann, true)).extracting(HabitRow::name).containsExactly("Walk");
            assertThat(habits.listAll(ann)).hasSize(3);
            assertThat(habits.delete(ann, read.id())).isTrue();
            assertThat(habits.listAll(ann)).hasSize(2);
            TestRows.deleteUser(db.dataSource(), ann);
            assertThat(habits.listAll(ann)).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void fortyConcurrentCreatesGetFortyDifferentSortOrders(TestDatabase.Kind kind) throws Exception {
        try (TestDatabase db = TestDatabase.create(kind, HabitPersistence.UNIT, "identity", "habit")) {
            JpaHabitStore habits = new JpaHabitStore(db.jpa(), db.ready());
            UUID ann = TestRows.user(db.dataSource(), "ann@example.org");
            java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
            try {
                List<java.util.concurrent.Future<HabitRow>> created = new java.util.ArrayList<>();
                java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
                for (int i = 0; i < 40; i++) {
                    String name = "Habit " + i;
                    created.add(pool.submit(() -> {
                        go.await();
                        return habits.create(habit(ann, name));
                    }));
                }
                go.countDown();
                java.util.Set<Integer> orders = new java.util.TreeSet<>();
                for (java.util.concurrent.Future<HabitRow> f : created) {
                    orders.add(f.get(60, java.util.concurrent.TimeUnit.SECONDS).sortOrder());
                }
                assertThat(orders).hasSize(40).first().isEqualTo(0);
                assertThat(habits.list(ann, false))
                        .extracting(HabitRow::sortOrder)
                        .doesNotHaveDuplicates();
                // a reorder renumbers, and the next create goes after it
                habits.reorder(ann, List.of(habits.list(ann, false).get(39).id()));
                assertThat(habits.create(habit(ann, "Last")).sortOrder()).isEqualTo(40);
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void recordsAreSetReadAndCleared(TestDatabase.Kind kind) {
        try (TestDatabase db = TestDatabase.create(kind, HabitPersistence.UNIT, "identity", "habit")) {
            JpaHabitStore habits = new JpaHabitStore(db.jpa(), db.ready());
            JpaCheckinStore checkins = new JpaCheckinStore(db.jpa(), db.ready());
            UUID ann = TestRows.user(db.dataSource(), "ann@example.org");
            HabitRow water = habits.create(habit(ann, "Water"));
            Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
            checkins.put(
                    ann, new CheckinRow(water.id(), DAY, new BigDecimal("3.5"), "morning", "done", false, now, now));
            checkins.put(ann, new CheckinRow(water.id(), DAY, new BigDecimal("5"), "all day", "done", true, now, now));
            checkins.put(ann, new CheckinRow(water.id(), DAY.plusDays(1), null, null, "skipped", false, now, now));
            CheckinRow r = checkins.find(water.id(), DAY).orElseThrow();
            assertThat(r.value()).isEqualByComparingTo("5");
            assertThat(r.note()).isEqualTo("all day");
            assertThat(r.backfilled()).isTrue();
            assertThat(checkins.range(water.id(), DAY, DAY.plusDays(5))).hasSize(2);
            assertThat(checkins.range(List.of(water.id()), DAY.plusDays(1), DAY.plusDays(1)))
                    .extracting(CheckinRow::status)
                    .containsExactly("skipped");
            assertThat(checkins.delete(ann, water.id(), DAY.plusDays(1))).isTrue();
            assertThat(checkins.all(List.of(water.id()))).hasSize(1);
            habits.delete(ann, water.id());
            assertThat(checkins.all(List.of(water.id()))).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void aDecrementNeverTakesADayBelowZero(TestDatabase.Kind kind) {
        try (TestDatabase db = TestDatabase.create(kind, HabitPersistence.UNIT, "identity", "habit")) {
            JpaHabitStore habits = new JpaHabitStore(db.jpa(), db.ready());
            JpaCheckinStore checkins = new JpaCheckinStore(db.jpa(), db.ready());
            UUID ann = TestRows.user(db.dataSource(), "ann@example.org");
            HabitRow water = habits.create(habit(ann, "Water"));
            Instant now = Instant.parse("2026-03-02T10:00:00Z");
            checkins.increment(ann, water.id(), DAY, new BigDecimal("3"), false, null, "a", now, false);
            assertThat(checkins.increment(ann, water.id(), DAY, new BigDecimal("-1.5"), false, null, "b", now, false)
                            .row()
                            .value())
                    .isEqualByComparingTo("1.5");
            assertThat(checkins.increment(ann, water.id(), DAY, new BigDecimal("-9"), false, null, "c", now, false)
                            .row()
                            .value())
                    .isEqualByComparingTo("0");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void concurrentIncrementsAllCountAndIdempotencyKeysAddOnce(TestDatabase.Kind kind) throws Exception {
        try (TestDatabase db = TestDatabase.create(kind, HabitPersistence.UNIT, "identity", "habit")) {
            JpaHabitStore habits = new JpaHabitStore(db.jpa(), db.ready());
            JpaCheckinStore checkins = new JpaCheckinStore(db.jpa(), db.ready());
            UUID ann = TestRows.user(db.dataSource(), "ann@example.org");
            HabitRow water = habits.create(habit(ann, "Water"));
            ExecutorService pool = Executors.newFixedThreadPool(6);
            try {
                CountDownLatch go = new CountDownLatch(1);
                List<Future<IncrementResult>> fs = new ArrayList<>();
                for (int i = 0; i < 24; i++) {
                    String key = i < 12 ? null : "key-" + (i % 3);
                    fs.add(pool.submit(() -> {
                        go.await();
                        return checkins.increment(
                                ann, water.id(), DAY, BigDecimal.ONE, false, key, "h", Instant.now(), false);
                    }));
                }
                go.countDown();
                int replays = 0;
                for (Future<IncrementResult> f : fs) {
                    replays += f.get(60, TimeUnit.SECONDS).replayed() ? 1 : 0;
                }
                assertThat(replays).isEqualTo(9);
                assertThat(checkins.find(water.id(), DAY).orElseThrow().value()).isEqualByComparingTo("15");
                IncrementResult again = checkins.increment(
                        ann, water.id(), DAY, BigDecimal.TEN, false, "key-0", "other", Instant.now(), false);
                assertThat(again.replayed()).isTrue();
                assertThat(again.requestHash()).isEqualTo("h");
                assertThat(checkins.find(water.id(), DAY).orElseThrow().value()).isEqualByComparingTo("15");
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void aGoalIsStoredChangedAndRemovedAndTheValuesAtTheEndsAreFound(TestDatabase.Kind kind) {
        try (TestDatabase db = TestDatabase.create(kind, HabitPersistence.UNIT, "identity", "habit")) {
            JpaHabitStore habits = new JpaHabitStore(db.jpa(), db.ready());
            JpaCheckinStore checkins = new JpaCheckinStore(db.jpa(), db.ready());
            UUID ann = TestRows.user(db.dataSource(), "ann@example.org");
            HabitRow plain = habit(ann, "Weight");
            Goal goal = new Goal(new BigDecimal("70.1250"), Goal.Direction.DOWN, DAY.plusDays(90));
            HabitRow weight = habits.create(new HabitRow(
                    plain.id(),
                    ann,
                    "Weight",
                    null,
                    "measurement",
                    null,
                    "kg",
                    "daily",
                    DAY,
                    null,
                    null,
                    false,
                    0,
                    plain.createdAt(),
                    plain.updatedAt(),
                    goal,
                    plain.createdOn()));
            assertThat(habits.find(ann, weight.id()).orElseThrow().goal())
                    .isEqualTo(new Goal(new BigDecimal("70.125"), Goal.Direction.DOWN, DAY.plusDays(90)));
            HabitRow found = habits.find(ann, weight.id()).orElseThrow();
            Goal up = new Goal(new BigDecimal("-3"), Goal.Direction.UP, DAY.plusDays(1));
            assertThat(habits.update(withGoal(found, up)).orElseThrow().goal()).isEqualTo(up);
            assertThat(habits.find(ann, weight.id()).orElseThrow().goal()).isEqualTo(up);
            habits.update(withGoal(found, null));
            assertThat(habits.find(ann, weight.id()).orElseThrow().goal()).isNull();

            Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
            assertThat(checkins.valueAtEnd(weight.id(), DAY, DAY.plusDays(30), false))
                    .isEmpty();
            checkins.put(ann, new CheckinRow(weight.id(), DAY, null, "away", "skipped", false, now, now));
            checkins.put(
                    ann,
                    new CheckinRow(
                            weight.id(), DAY.plusDays(1), new BigDecimal("80.5"), null, "done", false, now, now));
            checkins.put(ann, new CheckinRow(weight.id(), DAY.plusDays(2), null, "no scale", "done", false, now, now));
            checkins.put(
                    ann,
                    new CheckinRow(weight.id(), DAY.plusDays(4), new BigDecimal("79"), null, "done", false, now, now));
            checkins.put(
                    ann,
                    new CheckinRow(
                            weight.id(), DAY.plusDays(5), new BigDecimal("1"), null, "skipped", false, now, now));
            checkins.put(
                    ann,
                    new CheckinRow(weight.id(), DAY.plusDays(9), new BigDecimal("78"), null, "done", false, now, now));
            assertThat(checkins.valueAtEnd(weight.id(), DAY, DAY.plusDays(30), false))
                    .map(CheckinRow::date)
                    .contains(DAY.plusDays(1));
            assertThat(checkins.valueAtEnd(weight.id(), DAY, DAY.plusDays(8), true))
                    .map(CheckinRow::value)
                    .contains(new BigDecimal("79"));
            assertThat(checkins.valueAtEnd(weight.id(), DAY, DAY.plusDays(30), true))
                    .map(CheckinRow::date)
                    .contains(DAY.plusDays(9));
            assertThat(checkins.valueAtEnd(weight.id(), DAY.plusDays(10), DAY.plusDays(30), true))
                    .isEmpty();
        }
    }

    private static HabitRow withGoal(HabitRow h, Goal goal) {
        return new HabitRow(
                h.id(),
                h.userId(),
                h.name(),
                h.description(),
                h.typeKey(),
                h.target(),
                h.unit(),
                h.schedule(),
                h.startDate(),
                h.color(),
                h.icon(),
                h.archived(),
                h.sortOrder(),
                h.createdAt(),
                Instant.now(),
                goal,
                h.createdOn());
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void everyChangeIsRecordedWithItsWriteAndClaimedByOneNode(TestDatabase.Kind kind) throws Exception {
        try (TestDatabase db = TestDatabase.create(kind, HabitPersistence.UNIT, "identity", "habit")) {
            JpaHabitStore habits = new JpaHabitStore(db.jpa(), db.ready());
            JpaCheckinStore checkins = new JpaCheckinStore(db.jpa(), db.ready());
            JpaVacationStore vacations = new JpaVacationStore(db.jpa(), db.ready());
            JpaOutboxStore outbox = new JpaOutboxStore(db.jpa(), db.ready());
            UUID ann = TestRows.user(db.dataSource(), "ann@example.org");
            HabitRow water = habits.create(habit(ann, "Water"));
            assertThat(water.revision()).isEqualTo(1);
            Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
            checkins.put(ann, new CheckinRow(water.id(), DAY.plusDays(3), null, null, "done", false, now, now));
            checkins.put(ann, new CheckinRow(water.id(), DAY.plusDays(1), null, null, "done", false, now, now));
            checkins.increment(ann, water.id(), DAY.plusDays(2), BigDecimal.ONE, false, "k1", "h", now, false);
            checkins.increment(
                    ann, water.id(), DAY.plusDays(2), BigDecimal.ONE, false, "k1", "h", now, false); // a replay
            assertThat(checkins.delete(ann, water.id(), DAY.plusDays(9))).isFalse(); // nothing to clear
            assertThat(habits.find(ann, water.id()).orElseThrow().revision()).isEqualTo(4);
            assertThat(outbox.pending(water.id())).contains(new OutboxStore.Pending(true, DAY.plusDays(1), 4));
            assertThat(outbox.backlog().count()).isEqualTo(4);

            // two nodes claim at once: each change goes to exactly one of them
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                CountDownLatch go = new CountDownLatch(1);
                List<Future<List<OutboxStore.Change>>> claims = new ArrayList<>();
                for (String node : List.of("a", "b")) {
                    claims.add(pool.submit(() -> {
                        go.await();
                        return outbox.claim(node, 10, 60);
                    }));
                }
                go.countDown();
                List<Long> ids = new ArrayList<>();
                for (Future<List<OutboxStore.Change>> f : claims) {
                    f.get(30, TimeUnit.SECONDS).forEach(c -> ids.add(c.id()));
                }
                assertThat(ids).hasSize(4).doesNotHaveDuplicates();
            } finally {
                pool.shutdownNow();
            }
            // claimed (the lease runs): nobody else gets them; still pending for readers
            assertThat(outbox.claim("c", 10, 60)).isEmpty();
            assertThat(outbox.pending(water.id())).isPresent();

            // a node that gave them back (delivery failed) lets them be claimed again once the retry is due
            List<Long> all = new ArrayList<>();
            try (java.sql.Connection c = db.dataSource().getConnection();
                    java.sql.Statement st = c.createStatement();
                    java.sql.ResultSet rs = st.executeQuery("SELECT id FROM habit_outbox ORDER BY id")) {
                while (rs.next()) {
                    all.add(rs.getLong(1));
                }
            }
            outbox.release(all, 0);
            Thread.sleep(20); // the database's clock must move past the release (not domain time)
            List<OutboxStore.Change> again = outbox.claim("c", 10, 60);
            assertThat(again).extracting(OutboxStore.Change::attempts).containsOnly(2);
            assertThat(again).extracting(OutboxStore.Change::revision).containsExactly(1L, 2L, 3L, 4L);
            outbox.delivered(all);
            assertThat(outbox.pending(water.id())).isEmpty();
            assertThat(outbox.backlog().count()).isZero();

            // a vacation records a change of each paused habit
            vacations.create(new VacationRow(UUID.randomUUID(), ann, DAY.plusDays(5), DAY.plusDays(8), null, now));
            assertThat(outbox.pending(water.id())).contains(new OutboxStore.Pending(false, DAY.plusDays(5), 1));
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void theCensusReadsAcrossOwnersForOperators(TestDatabase.Kind kind) {
        try (TestDatabase db = TestDatabase.create(kind, HabitPersistence.UNIT, "identity", "habit")) {
            JpaHabitStore habits = new JpaHabitStore(db.jpa(), db.ready());
            JpaCheckinStore checkins = new JpaCheckinStore(db.jpa(), db.ready());
            JpaHabitCensus census = new JpaHabitCensus(db.jpa(), db.ready());
            UUID ann = TestRows.user(db.dataSource(), "ann@example.org");
            UUID bob = TestRows.user(db.dataSource(), "bob@example.org");
            HabitRow water = habits.create(habit(ann, "Water"));
            HabitRow walk = habits.create(habit(ann, "Walk"));
            HabitRow read = habits.create(habit(bob, "Read"));
            assertThat(census.habits()).isEqualTo(3);
            assertThat(census.find(read.id())).map(HabitRow::userId).contains(bob);
            assertThat(census.find(UUID.randomUUID())).isEmpty();
            List<UUID> ids = new java.util.ArrayList<>();
            List<HabitRow> page = census.page(null, 2);
            assertThat(page).hasSize(2);
            page.forEach(h -> ids.add(h.id()));
            page = census.page(page.get(1).id(), 2);
            assertThat(page).hasSize(1);
            ids.add(page.get(0).id());
            assertThat(ids)
                    .containsExactlyInAnyOrder(water.id(), walk.id(), read.id())
                    // the ids are stored as text: in their text's order (UUID.compareTo compares signed longs)
                    .isSortedAccordingTo(java.util.Comparator.comparing(UUID::toString));
            assertThat(census.idsStartingWith(walk.id().toString().substring(0, 8), 10))
                    .contains(walk.id());
            assertThat(census.idsStartingWith("'; drop", 10)).isEmpty();

            Instant t = Instant.parse("2026-03-02T00:00:00Z");
            checkins.put(
                    ann,
                    new CheckinRow(water.id(), DAY, null, null, "done", false, t.minusSeconds(1), t.minusSeconds(1)));
            checkins.put(ann, new CheckinRow(walk.id(), DAY, null, null, "done", false, t, t.plusSeconds(30)));
            checkins.put(bob, new CheckinRow(read.id(), DAY, null, null, "done", false, t, t.plusSeconds(60)));
            assertThat(census.checkinsWrittenSince(t)).isEqualTo(2);
            assertThat(census.lastCheckinWritten(ann)).contains(t.plusSeconds(30));
            assertThat(census.lastCheckinWritten(UUID.randomUUID())).isEmpty();
        }
    }
}
