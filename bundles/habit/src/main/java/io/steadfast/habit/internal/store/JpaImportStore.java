package io.steadfast.habit.internal.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.steadfast.storage.Rows;
import io.steadfast.storage.SchemaReady;

@Component(service = ImportStore.class)
public class JpaImportStore implements ImportStore {

    /** Rows per JDBC batch. */
    static final int BATCH = 500;

    private final JpaTemplate jpa;

    @Activate
    public JpaImportStore(
            @Reference(target = HabitPersistence.JPA) JpaTemplate jpa,
            @Reference(target = HabitPersistence.SCHEMA) SchemaReady schema) {
        this.jpa = jpa;
    }

    @Override
    public Optional<UUID> findBySource(UUID userId, String sourceKey) {
        return jpa.txExpr(TransactionType.Supports, em -> em
                .createNativeQuery("SELECT id FROM habit WHERE user_id = ? AND source_key = ?")
                .setParameter(1, userId.toString())
                .setParameter(2, sourceKey)
                .getResultList()
                .stream()
                .findFirst()
                .map(id -> UUID.fromString(id.toString().trim())));
    }

    @Override
    public int insertMissing(UUID userId, UUID habitId, List<CheckinRow> rows) {
        if (rows.isEmpty()) {
            return 0;
        }
        LocalDate earliest = rows.stream()
                .map(CheckinRow::date)
                .min(Comparator.naturalOrder())
                .orElseThrow();
        return jpa.txExpr(TransactionType.Required, em -> {
            // the habit's row lock and revision first, as every write of its days
            Outbox.lock(em, habitId);
            Connection c = Jdbc.connection(em);
            int inserted = 0;
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO checkin (habit_id, check_date, amount, note, status, backfilled, created_at, "
                            + "updated_at, origin) SELECT ?, ?, ?, ?, ?, ?, ?, ?, ? FROM habit h WHERE h.id = ? "
                            + "AND NOT EXISTS (SELECT 1 FROM checkin c WHERE c.habit_id = ? AND c.check_date = ?)")) {
                int pending = 0;
                for (CheckinRow r : rows) {
                    ps.setString(1, habitId.toString());
                    ps.setObject(2, r.date());
                    ps.setBigDecimal(3, r.value());
                    ps.setString(4, r.note());
                    ps.setString(5, r.status());
                    ps.setBoolean(6, r.backfilled());
                    ps.setObject(7, Rows.toDb(r.createdAt()));
                    ps.setObject(8, Rows.toDb(r.updatedAt()));
                    ps.setString(9, IMPORTED);
                    ps.setString(10, habitId.toString());
                    ps.setString(11, habitId.toString());
                    ps.setObject(12, r.date());
                    ps.addBatch();
                    if (++pending == BATCH) {
                        inserted += sum(ps.executeBatch());
                        pending = 0;
                    }
                }
                if (pending > 0) {
                    inserted += sum(ps.executeBatch());
                }
            } catch (SQLException e) {
                throw new IllegalStateException("could not import day records: " + e.getMessage(), e);
            }
            if (inserted > 0) {
                Outbox.checkinChanged(em, userId, habitId, earliest);
            }
            return inserted;
        });
    }

    private static int sum(int[] counts) {
        int n = 0;
        for (int c : counts) {
            // SUCCESS_NO_INFO (-2): the driver did not count; such a row was inserted
            n += c == PreparedStatement.SUCCESS_NO_INFO ? 1 : Math.max(c, 0);
        }
        return n;
    }
}
