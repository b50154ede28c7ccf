package io.steadfast.habit.internal.store;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;

import javax.persistence.EntityManager;
import javax.persistence.PersistenceException;

/**
 * Plain JDBC on the connection of an entity manager's transaction, for the few statements of the write path that
 * run on every check-in: a prepared statement with typed parameters costs a fraction of a native query's work in
 * EclipseLink, and a {@code null} keeps its column's type on every database.
 */
final class Jdbc {

    private Jdbc() {}

    /** The connection of {@code em}'s current transaction (call inside one). */
    static Connection connection(EntityManager em) {
        Connection c = em.unwrap(Connection.class);
        if (c == null) {
            throw new IllegalStateException("no transaction: plain JDBC runs only inside the entity manager's one");
        }
        return c;
    }

    /** Runs an INSERT, UPDATE or DELETE and answers the number of rows it changed. */
    static int update(Connection c, String sql, Object... params) {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            bind(s, params);
            return s.executeUpdate();
        } catch (SQLException e) {
            throw new PersistenceException(e);
        }
    }

    private static void bind(PreparedStatement s, Object... params) throws SQLException {
        for (int i = 0; i < params.length; i++) {
            Object p = params[i];
            int at = i + 1;
            if (p instanceof Null n) {
                s.setNull(at, n.sqlType());
            } else if (p instanceof String v) {
                s.setString(at, v);
            } else if (p instanceof Long v) {
                s.setLong(at, v);
            } else if (p instanceof Boolean v) {
                s.setBoolean(at, v);
            } else if (p instanceof BigDecimal v) {
                s.setBigDecimal(at, v);
            } else if (p instanceof LocalDate v) {
                s.setObject(at, v);
            } else if (p instanceof LocalDateTime v) {
                s.setObject(at, v);
            } else {
                throw new IllegalArgumentException("no JDBC binding for parameter " + at);
            }
        }
    }

    /** A typed SQL NULL. */
    record Null(int sqlType) {}

    static Object decimal(BigDecimal v) {
        return v == null ? new Null(Types.DECIMAL) : v;
    }

    static Object text(String v) {
        return v == null ? new Null(Types.VARCHAR) : v;
    }

    static Object timestamp(LocalDateTime v) {
        return v == null ? new Null(Types.TIMESTAMP) : v;
    }

    static Object date(LocalDate v) {
        return v == null ? new Null(Types.DATE) : v;
    }
}
