package io.steadfast.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A real PostgreSQL for tests. Uses the server on 127.0.0.1:5432 (database {@code test}, trust auth) when it
 * answers, otherwise starts an embedded PostgreSQL whose binaries come from Maven Central. Never skips.
 * Each caller gets a fresh schema, so tests do not see each other's data.
 */
public final class TestPostgres {

    private static final String HOST_URL =
            System.getProperty("steadfast.test.pg.url", "jdbc:postgresql://127.0.0.1:5432/test");
    private static final String HOST_USER = System.getProperty("steadfast.test.pg.user", "postgres");

    private static String baseUrl;
    private static String user;
    private static String password;
    private static EmbeddedPostgres embedded;

    private TestPostgres() {}

    /** JDBC URL of the server's database (no schema selected). */
    public static synchronized String baseUrl() {
        ensure();
        return baseUrl;
    }

    public static synchronized String user() {
        ensure();
        return user;
    }

    public static synchronized String password() {
        ensure();
        return password;
    }

    /** Whether the tests run against an embedded server (no local PostgreSQL was found). */
    public static synchronized boolean embedded() {
        ensure();
        return embedded != null;
    }

    /** Creates a new, empty schema and returns a JDBC URL whose default schema it is. */
    public static String freshSchemaUrl() {
        String schema = "t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        try (Connection c = connect();
                Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create schema " + schema, e);
        }
        String base = baseUrl();
        return base + (base.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    /** A connection to the server's database. */
    public static Connection connect() throws SQLException {
        return DriverManager.getConnection(baseUrl(), user(), password());
    }

    public static Connection connect(String url) throws SQLException {
        return DriverManager.getConnection(url, user(), password());
    }

    private static void ensure() {
        if (baseUrl != null) {
            return;
        }
        try (Connection c = DriverManager.getConnection(HOST_URL + "?connectTimeout=3", HOST_USER, "")) {
            c.isValid(2);
            baseUrl = HOST_URL;
            user = HOST_USER;
            password = "";
            return;
        } catch (SQLException notRunning) {
            System.err.println("[testsupport] no PostgreSQL at " + HOST_URL + " (" + notRunning.getMessage()
                    + "); starting an embedded PostgreSQL");
        }
        try {
            embedded = EmbeddedPostgres.builder().start();
            baseUrl = embedded.getJdbcUrl("postgres", "postgres");
            user = "postgres";
            password = "postgres";
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    embedded.close();
                } catch (IOException ignored) {
                    // exiting
                }
            }));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start an embedded PostgreSQL", e);
        }
    }
}
