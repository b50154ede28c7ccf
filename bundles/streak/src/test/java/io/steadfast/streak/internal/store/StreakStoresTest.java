package io.steadfast.streak.internal.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
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

import io.steadfast.storage.internal.db.TestDatabase;
import io.steadfast.testsupport.TestRows;

class StreakStoresTest {

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void statsStateIsReplacedAndGoesWithItsHabit(TestDatabase.Kind kind) {
        try (TestDatabase db = TestDatabase.create(kind, StreakPersistence.UNIT, "identity", "habit", "streak")) {
            JpaStatsStore stats = new JpaStatsStore(db.jpa(), db.ready());
            UUID ann = TestRows.user(db.dataSource(), "ann@example.org");
            UUID h = TestRows.habit(db.dataSource(), ann, "Water");
            String big = "x".repeat(20_000);
            stats.put(new StatsRow(h, big, LocalDate.of(2026, 3, 1), Instant.now()));
            stats.put(new StatsRow(h, "v2", LocalDate.of(2026, 3, 2), Instant.now()));
            assertThat(stats.find(h).orElseThrow().state()).isEqualTo("v2");
            assertThat(stats.find(h).orElseThrow().computedThrough()).isEqualTo(LocalDate.of(2026, 3, 2));
            TestRows.deleteHabit(db.dataSource(), h);
            assertThat(stats.find(h)).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void anAchievementIsAwardedOnceEvenConcurrently(TestDatabase.Kind kind) throws Exception {
        try (TestDatabase db = TestDatabase.create(kind, StreakPersistence.UNIT, "identity", "habit", "streak")) {
            JpaAchievementStore achievements = new JpaAchievementStore(db.jpa(), db.ready());
            UUID ann = TestRows.user(db.dataSource(), "ann@example.org");
            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
                CountDownLatch go = new CountDownLatch(1);
                List<Future<Boolean>> fs = new ArrayList<>();
                for (int i = 0; i < 6; i++) {
                    fs.add(pool.submit(() -> {
                        go.await();
                        return achievements.award(new AchievementRow(
                                UUID.randomUUID(),
                                ann,
                                "all",
                                "first-checkin",
                                LocalDate.of(2026, 3, 1),
                                Instant.now()));
                    }));
                }
                go.countDown();
                int won = 0;
                for (Future<Boolean> f : fs) {
                    won += f.get(30, TimeUnit.SECONDS) ? 1 : 0;
                }
                assertThat(won).isEqualTo(1);
            } finally {
                pool.shutdownNow();
            }
            assertThat(achievements.award(new AchievementRow(
                            UUID.randomUUID(), ann, "habit-x", "streak-7", LocalDate.of(2026, 3, 8), Instant.now())))
                    .isTrue();
            assertThat(achievements.list(ann))
                    .extracting(AchievementRow::code)
                    .containsExactly("first-checkin", "streak-7");
        }
    }
}
