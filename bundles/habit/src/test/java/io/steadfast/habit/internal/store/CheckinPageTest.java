package io.steadfast.habit.internal.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import io.steadfast.storage.internal.db.TestDatabase;
import io.steadfast.testsupport.TestRows;

/** {@link CheckinStore#page}: the streamed export's keyset pages of one habit's records. */
class CheckinPageTest {

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void pagesFollowEachOtherByDateAndHoldOnlyTheirHabit(TestDatabase.Kind kind) {
        try (TestDatabase db = TestDatabase.create(kind, HabitPersistence.UNIT, "identity", "habit")) {
            JpaHabitStore habits = new JpaHabitStore(db.jpa(), db.ready());
            JpaCheckinStore checkins = new JpaCheckinStore(db.jpa(), db.ready());
            UUID ann = TestRows.user(db.dataSource(), "ann@example.org");
            HabitRow water = habits.create(HabitStoresTest.habit(ann, "Water"));
            HabitRow walk = habits.create(HabitStoresTest.habit(ann, "Walk"));
            Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
            LocalDate day = HabitStoresTest.DAY;
            // written out of order, with the other habit's days between them
            for (int i : new int[] {4, 0, 6, 2, 1, 5, 3}) {
                checkins.put(
                        ann,
                        new CheckinRow(
                                water.id(), day.plusDays(i), BigDecimal.valueOf(i), "n" + i, "done", false, now, now));
                checkins.put(ann, new CheckinRow(walk.id(), day.plusDays(i), null, null, "skipped", false, now, now));
            }

            List<LocalDate> read = new ArrayList<>();
            List<Integer> sizes = new ArrayList<>();
            LocalDate after = null;
            while (true) {
                List<CheckinRow> page = checkins.page(water.id(), after, 3);
                sizes.add(page.size());
                page.forEach(c -> {
                    assertThat(c.habitId()).isEqualTo(water.id());
                    read.add(c.date());
                });
                if (page.size() < 3) {
                    break;
                }
                after = page.get(page.size() - 1).date();
            }
            assertThat(sizes).containsExactly(3, 3, 1);
            assertThat(read)
                    .containsExactly(
                            day,
                            day.plusDays(1),
                            day.plusDays(2),
                            day.plusDays(3),
                            day.plusDays(4),
                            day.plusDays(5),
                            day.plusDays(6));
            CheckinRow first = checkins.page(water.id(), null, 1).get(0);
            assertThat(first.note()).isEqualTo("n0");
            assertThat(first.value()).isEqualByComparingTo("0");
            assertThat(checkins.page(water.id(), day.plusDays(6), 3)).isEmpty();
            assertThat(checkins.page(UUID.randomUUID(), null, 3)).isEmpty();
        }
    }
}
