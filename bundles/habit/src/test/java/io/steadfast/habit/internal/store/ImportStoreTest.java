package io.steadfast.habit.internal.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import io.steadfast.storage.internal.db.TestDatabase;
import io.steadfast.testsupport.TestRows;

class ImportStoreTest {

    static final LocalDate DAY = LocalDate.of(2026, 3, 2);
    static final Instant AT = Instant.parse("2025-01-01T08:00:00Z");

    static CheckinRow day(UUID habit, LocalDate date, String value) {
        return new CheckinRow(
                habit, date, value == null ? null : new BigDecimal(value), null, CheckinRow.DONE, false, AT, AT);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void anImportedHabitIsFoundByItsSourceAndItsDaysAreAddedOnce(TestDatabase.Kind kind) {
        try (TestDatabase db = TestDatabase.create(kind, HabitPersistence.UNIT, "identity", "habit")) {
            JpaHabitStore habits = new JpaHabitStore(db.jpa(), db.ready());
            JpaCheckinStore checkins = new JpaCheckinStore(db.jpa(), db.ready());
            JpaImportStore imports = new JpaImportStore(db.jpa(), db.ready());
            JpaOutboxStore outbox = new JpaOutboxStore(db.jpa(), db.ready());
            UUID ann = TestRows.user(db.dataSource(), "ann@example.org");
            UUID bob = TestRows.user(db.dataSource(), "bob@example.org");

            HabitRow water = habits.createImported(HabitStoresTest.habit(ann, "Water"), "loop-sqlite:abc");
            assertThat(imports.findBySource(ann, "loop-sqlite:abc")).contains(water.id());
            assertThat(imports.findBySource(bob, "loop-sqlite:abc")).isEmpty();
            assertThat(imports.findBySource(ann, "loop-sqlite:other")).isEmpty();
            // the same source key twice for one owner is refused by the database; another owner may have it
            assertThatThrownBy(() -> habits.createImported(HabitStoresTest.habit(ann, "Again"), "loop-sqlite:abc"))
                    .isInstanceOf(RuntimeException.class);
            assertThat(habits.listAll(ann)).hasSize(1);
            habits.createImported(HabitStoresTest.habit(bob, "Water"), "loop-sqlite:abc");
            // a habit made here has none
            habits.create(HabitStoresTest.habit(ann, "Walk"));

            // a day recorded here is kept as it is; the import adds the others, once
            checkins.put(ann, day(water.id(), DAY.minusDays(1), "3"));
            long revision = habits.find(ann, water.id()).orElseThrow().revision();
            List<CheckinRow> file = List.of(
                    day(water.id(), DAY.minusDays(3), "8"),
                    day(water.id(), DAY.minusDays(2), "7.5"),
                    day(water.id(), DAY.minusDays(1), "8"));
            assertThat(imports.insertMissing(ann, water.id(), file)).isEqualTo(2);
            assertThat(checkins.range(water.id(), DAY.minusDays(5), DAY))
                    .extracting(c -> c.value().stripTrailingZeros().toPlainString())
                    .containsExactly("8", "7.5", "3");
            assertThat(habits.find(ann, water.id()).orElseThrow().revision()).isEqualTo(revision + 1);
            assertThat(outbox.pending(water.id()).orElseThrow().earliestDay()).isEqualTo(DAY.minusDays(3));

            assertThat(imports.insertMissing(ann, water.id(), file)).isZero();
            assertThat(habits.find(ann, water.id()).orElseThrow().revision())
                    .as("nothing added, nothing changed")
                    .isEqualTo(revision + 1);
            assertThat(imports.insertMissing(ann, water.id(), List.of())).isZero();

            // marked as imported, with the time the source recorded
            assertThat(origins(db, water.id())).containsExactly("imported", "imported", null);
            assertThat(checkins.find(water.id(), DAY.minusDays(3)).orElseThrow().createdAt())
                    .isEqualTo(AT);
            assertThat(checkins.range(water.id(), DAY.minusDays(5), DAY))
                    .extracting(CheckinRow::imported)
                    .containsExactly(true, true, false);

            // changed here, a day is no longer as the import wrote it: by a write, and by an increment
            checkins.put(ann, day(water.id(), DAY.minusDays(3), "9"));
            checkins.increment(ann, water.id(), DAY.minusDays(2), BigDecimal.ONE, false, "key-1", "hash-1", AT, false);
            assertThat(checkins.range(water.id(), DAY.minusDays(5), DAY))
                    .extracting(CheckinRow::imported)
                    .containsExactly(false, false, false);
            assertThat(origins(db, water.id())).containsExactly(null, null, null);
        }
    }

    static List<String> origins(TestDatabase db, UUID habit) {
        try (java.sql.Connection c = db.dataSource().getConnection();
                java.sql.PreparedStatement ps =
                        c.prepareStatement("SELECT origin FROM checkin WHERE habit_id = ? ORDER BY check_date")) {
            ps.setString(1, habit.toString());
            java.util.List<String> out = new java.util.ArrayList<>();
            try (java.sql.ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
            return out;
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
