package io.steadfast.storage;

import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/** Conventions of Steadfast's tables, for the repositories of every bundle. */
public final class Rows {

    private Rows() {}

    /** Instants are stored as UTC {@code TIMESTAMP} columns. */
    public static LocalDateTime toDb(Instant i) {
        return i == null ? null : LocalDateTime.ofInstant(i, ZoneOffset.UTC);
    }

    public static Instant fromDb(LocalDateTime t) {
        return t == null ? null : t.toInstant(ZoneOffset.UTC);
    }

    /** A stored decimal without trailing zeros and without an exponent: 10.0000 becomes 10, not 1E+1. */
    public static BigDecimal plain(BigDecimal d) {
        if (d == null) {
            return null;
        }
        BigDecimal s = d.stripTrailingZeros();
        return s.scale() < 0 ? s.setScale(0) : s;
    }

    /** Whether a failure was a unique (or other integrity) constraint violation, SQLSTATE class 23. */
    public static boolean isConstraintViolation(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof SQLException) {
                String state = ((SQLException) c).getSQLState();
                if (state != null && state.startsWith("23")) {
                    return true;
                }
            }
            if (c.getClass().getName().endsWith("ConstraintViolationException")) {
                return true;
            }
        }
        return false;
    }
}
