package io.steadfast.accountability.internal.store;

import static io.steadfast.storage.Rows.toDb;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;

import javax.persistence.EntityManager;
import javax.persistence.PersistenceException;

/**
 * Writes a notification inside the transaction of what it tells of ({@code em}'s), once per recipient and dedupe
 * key: {@code INSERT … SELECT … WHERE NOT EXISTS} on the transaction's connection (portable, and no failed statement
 * in the transaction when it is there already; the unique key catches a concurrent twin).
 */
final class Notifications {

    private Notifications() {}

    /** Answers whether it was written (not there before). */
    static boolean insert(EntityManager em, NotificationRow n) {
        Connection c = em.unwrap(Connection.class);
        try (PreparedStatement s = c.prepareStatement(
                "INSERT INTO notification (user_id, kind, actor_id, habit_id, habit_name, on_day, ref_id, remark, "
                        + "dedupe_key, created_at) SELECT ?, ?, ?, ?, ?, ?, ?, ?, ?, ? "
                        + "WHERE NOT EXISTS (SELECT 1 FROM notification WHERE user_id = ? AND dedupe_key = ?)")) {
            int i = 1;
            s.setString(i++, n.userId().toString());
            s.setString(i++, n.kind());
            text(s, i++, n.actorId() == null ? null : n.actorId().toString());
            text(s, i++, n.habitId() == null ? null : n.habitId().toString());
            text(s, i++, n.habitName());
            if (n.day() == null) {
                s.setNull(i++, Types.DATE);
            } else {
                s.setObject(i++, n.day());
            }
            text(s, i++, n.refId());
            text(s, i++, n.comment());
            s.setString(i++, n.dedupeKey());
            s.setObject(i++, toDb(n.createdAt()));
            s.setString(i++, n.userId().toString());
            s.setString(i, n.dedupeKey());
            return s.executeUpdate() > 0;
        } catch (SQLException e) {
            throw new PersistenceException(e);
        }
    }

    private static void text(PreparedStatement s, int i, String v) throws SQLException {
        if (v == null) {
            s.setNull(i, Types.VARCHAR);
        } else {
            s.setString(i, v);
        }
    }
}
