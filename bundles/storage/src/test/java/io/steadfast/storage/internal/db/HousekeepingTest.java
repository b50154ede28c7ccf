package io.steadfast.storage.internal.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import io.steadfast.storage.habit.HabitRow;
import io.steadfast.storage.identity.TokenRow;
import io.steadfast.storage.identity.UserRow;
import io.steadfast.storage.internal.habit.HabitStoresTest;
import io.steadfast.storage.internal.habit.JpaCheckinStore;
import io.steadfast.storage.internal.habit.JpaHabitStore;
import io.steadfast.storage.internal.identity.IdentityStoresTest;
import io.steadfast.storage.internal.identity.JpaTokenStore;
import io.steadfast.storage.internal.identity.JpaUserStore;

class HousekeepingTest {

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void deletesOldIdempotencyKeysAndLongDeadTokensOnly(TestDatabase.Kind kind) {
        try (TestDatabase db = TestDatabase.create(kind)) {
            JpaUserStore users = new JpaUserStore(db.jpa(), () -> "4");
            JpaTokenStore tokens = new JpaTokenStore(db.jpa(), () -> "4");
            JpaHabitStore habits = new JpaHabitStore(db.jpa(), () -> "4");
            JpaCheckinStore checkins = new JpaCheckinStore(db.jpa(), () -> "4");
            UserRow ann = users.create(IdentityStoresTest.user("ann@example.org"));
            HabitRow h = habits.create(HabitStoresTest.habit(ann.id(), "Water"));
            Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
            checkins.increment(ann.id(), h.id(), LocalDate.of(2026, 3, 2), BigDecimal.ONE, false, "old", "h",
                    now.minus(10, ChronoUnit.DAYS));
            checkins.increment(ann.id(), h.id(), LocalDate.of(2026, 3, 2), BigDecimal.ONE, false, "new", "h", now);
            tokens.create(new TokenRow(UUID.randomUUID(), ann.id(), "session", null, "a".repeat(64), Set.of("read"),
                    now, now, now.minus(40, ChronoUnit.DAYS), null));
            tokens.create(new TokenRow(UUID.randomUUID(), ann.id(), "session", null, "b".repeat(64), Set.of("read"),
                    now, now, now.plus(10, ChronoUnit.DAYS), null));
            tokens.create(new TokenRow(UUID.randomUUID(), ann.id(), "pat", "forever", "c".repeat(64), Set.of("read"),
                    now, null, null, null));
            int[] n = new Housekeeping(db.jpa(), Clock.fixed(now, ZoneOffset.UTC), false).run();
            assertThat(n).containsExactly(1, 1);
            assertThat(tokens.findByHash("a".repeat(64))).isEmpty();
            assertThat(tokens.findByHash("b".repeat(64))).isPresent();
            assertThat(tokens.findByHash("c".repeat(64))).isPresent();
            assertThat(checkins.increment(ann.id(), h.id(), LocalDate.of(2026, 3, 2), BigDecimal.ONE, false, "new",
                    "h", now).replayed()).isTrue();
            assertThat(checkins.increment(ann.id(), h.id(), LocalDate.of(2026, 3, 2), BigDecimal.ONE, false, "old",
                    "h", now).replayed()).isFalse();
        }
    }
}
