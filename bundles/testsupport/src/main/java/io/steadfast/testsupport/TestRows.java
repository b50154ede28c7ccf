package io.steadfast.testsupport;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.UUID;

import javax.sql.DataSource;

/**
 * Rows of another bundle's tables that a repository test needs for its foreign keys (a user for the habit
 * tables, a habit for the streak tables), written with plain SQL so that a bundle's tests never use another
 * bundle's internal classes.
 */
public final class TestRows {

    private static final Timestamp T = Timestamp.valueOf("2026-01-01 00:00:00");

    private TestRows() {}

    /** An account (identity's {@code app_user}) with a random id. */
    public static UUID user(DataSource ds, String email) {
        UUID id = UUID.randomUUID();
        update(
                ds,
                "INSERT INTO app_user (id, email, email_normalized, display_name, password_hash, timezone, "
                        + "week_start, day_starts_at, role, created_at, updated_at) VALUES (?, ?, ?, 'Test', 'x', 'UTC', "
                        + "'MONDAY', 0, 'user', ?, ?)",
                id.toString(),
                email,
                email.toLowerCase(java.util.Locale.ROOT),
                T,
                T);
        return id;
    }

    /** Deletes an account; what references it goes with it (ON DELETE CASCADE). */
    public static void deleteUser(DataSource ds, UUID id) {
        update(ds, "DELETE FROM app_user WHERE id = ?", id.toString());
    }

    /** A daily boolean habit (habit's {@code habit}) of {@code user}. */
    public static UUID habit(DataSource ds, UUID user, String name) {
        UUID id = UUID.randomUUID();
        update(
                ds,
                "INSERT INTO habit (id, user_id, name, type_key, schedule, start_date, archived, sort_order, "
                        + "created_at, updated_at, created_on) "
                        + "VALUES (?, ?, ?, 'boolean', 'daily', DATE '2026-01-01', FALSE, 0, ?, ?, DATE '2026-01-01')",
                id.toString(),
                user.toString(),
                name,
                T,
                T);
        return id;
    }

    /** Deletes a habit; what references it goes with it. */
    public static void deleteHabit(DataSource ds, UUID id) {
        update(ds, "DELETE FROM habit WHERE id = ?", id.toString());
    }

    private static void update(DataSource ds, String sql, Object... args) {
        try (Connection c = ds.getConnection();
                PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }
}
