package io.steadfast.storage.internal.shell;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The online backup of an H2 database: H2's {@code BACKUP TO}, a consistent zip of the database file while the
 * server keeps serving. Restoring is unzipping it into the database's folder with the server stopped (the zip holds
 * {@code steadfast.mv.db}). Plain JDBC.
 */
public final class H2Backup {

    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private H2Backup() {}

    /** Whether the connection is to H2 (anything else is backed up with its own tools). */
    public static boolean isH2(Connection c) throws SQLException {
        return "H2".equalsIgnoreCase(c.getMetaData().getDatabaseProductName());
    }

    /** The default backup file: {@code <data>/backup/steadfast-<UTC time>.zip}. */
    public static Path defaultFile(Path data, Instant now) {
        return data.resolve("backup").resolve("steadfast-" + STAMP.format(now) + ".zip");
    }

    /**
     * Writes the backup of the database {@code c} is connected to into {@code file} (absolute; its folder is made),
     * and returns its size in bytes.
     *
     * @throws IllegalArgumentException when the file exists already
     */
    public static long backup(Connection c, Path file) throws SQLException, java.io.IOException {
        Path target = file.toAbsolutePath().normalize();
        if (Files.exists(target)) {
            throw new IllegalArgumentException(target + " exists already: name another file");
        }
        if (target.getParent() != null) {
            Files.createDirectories(target.getParent());
        }
        try (Statement s = c.createStatement()) {
            s.execute(sql(target));
        }
        return Files.size(target);
    }

    /** The statement: {@code BACKUP TO '<file>'}, the file's quotes doubled. */
    static String sql(Path file) {
        return "BACKUP TO '" + file.toString().replace("'", "''") + "'";
    }
}
