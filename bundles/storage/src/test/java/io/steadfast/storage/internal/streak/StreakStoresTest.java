package io.steadfast.storage.internal.streak;

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

import io.steadfast.storage.habit.HabitRow;
import io.steadfast.storage.identity.UserRow;
import io.steadfast.storage.internal.db.TestDatabase;
import io.steadfast.storage.internal.habit.HabitStoresTest;
import io.steadfast.storage.internal.habit.JpaHabitStore;
import io.steadfast.storage.internal.identity.IdentityStoresTest;
import io.steadfast.storage.internal.identity.JpaUserStore;
import io.steadfast.storage.streak.AchievementRow;
import io.steadfast.storage.streak.StatsRow;

class StreakStoresTest {

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void statsStateIsReplacedAndGoesWithItsHabit(TestDatabase.Kind kind) {
        try (TestDatabase db = TestDatabase.create(kind)) {
            JpaUserStore users = new JpaUserStore(db.jpa(), () -> "4");
            JpaHabitStore habits = new JpaHabitStore(db.jpa(), () -> "4");
            JpaStatsStore stats = new JpaStatsStore(db.jpa(), () -> "4");
            UserRow ann = users.create(IdentityStoresTest.user("ann@example.org"));
            HabitRow h = habits.create(HabitStoresTest.habit(ann.id(), "Water"));
            String big = "x".repeat(20_000);
            stats.put(new StatsRow(h.id(), big, LocalDate.of(2026, 3, 1), Instant.now()));
            stats.put(new StatsRow(h.id(), "v2", LocalDate.of(2026, 3, 2), Instant.now()));
            assertThat(stats.find(h.id()).orElseThrow().state()).isEqualTo("v2");
            assertThat(stats.find(h.id()).orElseThrow().computedThrough()).isEqualTo(LocalDate.of(2026, 3, 2));
            habits.delete(ann.id(), h.id());
            assertThat(stats.find(h.id())).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void anAchievementIsAwardedOnceEvenConcurrently(TestDatabase.Kind kind) throws Exception {
        try (TestDatabase db = TestDatabase.create(kind)) {
            JpaUserStore users = new JpaUserStore(db.jpa(), () -> "4");
            JpaAchievementStore achievements = new JpaAchievementStore(db.jpa(), () -> "4");
            UserRow ann = users.create(IdentityStoresTest.user("ann@example.org"));
            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
                CountDownLatch go = new CountDownLatch(1);
                List<Future<Boolean>> fs = new ArrayList<>();
                for (int i = 0; i < 6; i++) {
                    fs.add(pool.submit(() -> {
                        go.await();
                        return achievements.award(new AchievementRow(UUID.randomUUID(), ann.id(), "all",
                                "first-checkin", LocalDate.of(2026, 3, 1), Instant.now()));
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
            assertThat(achievements.award(new AchievementRow(UUID.randomUUID(), ann.id(), "habit-x", "streak-7",
                    LocalDate.of(2026, 3, 8), Instant.now()))).isTrue();
            assertThat(achievements.list(ann.id())).extracting(AchievementRow::code).containsExactly("first-checkin",
                    "streak-7");
        }
    }
}
