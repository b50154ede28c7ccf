package io.steadfast.storage.internal.db;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.output.MigrateResult;

import io.steadfast.storage.Schemas;

/**
 * Applies one schema's versioned SQL migrations ({@code db/<name>/} of the bundle whose class loader is given)
 * with Flyway, recording them in the schema's own history table. Plain Java.
 *
 * <p>A database made by 0.1 has all tables in one shared history ({@code schema_history}); a schema that declares
 * {@code legacy=n} and finds that history at version {@code n} or later starts its own history at version 1
 * (a Flyway baseline) instead of creating tables that already exist.
 */
public final class Migrations {

    /** The shared history of 0.1. */
    static final String LEGACY_HISTORY = "schema_history";

    private Migrations() {}

    /** Migrates the schema and returns the version now applied. */
    public static String migrate(DataSource dataSource, SchemaDeclaration schema, ClassLoader loader) {
        if (schema.legacy() > 0
                && !tableExists(dataSource, Schemas.historyTable(schema.name()))
                && legacyVersion(dataSource) >= schema.legacy()) {
            flyway(dataSource, schema, loader)
                    .baselineVersion("1")
                    .baselineDescription("tables of 0.1 (shared history V" + schema.legacy() + ")")
                    .load()
                    .baseline();
        }
        Flyway flyway = flyway(dataSource, schema, loader).load();
        MigrateResult result = flyway.migrate();
        if (result.targetSchemaVersion != null) {
            return result.targetSchemaVersion;
        }
        return currentVersion(flyway);
    }

    /** The applied version of a schema, or {@code null} when nothing is applied. */
    public static String currentVersion(DataSource dataSource, SchemaDeclaration schema, ClassLoader loader) {
        return currentVersion(flyway(dataSource, schema, loader).load());
    }

    private static String currentVersion(Flyway flyway) {
        MigrationInfo current = flyway.info().current();
        return current == null || current.getVersion() == null
                ? null
                : current.getVersion().getVersion();
    }

    private static org.flywaydb.core.api.configuration.FluentConfiguration flyway(
            DataSource dataSource, SchemaDeclaration schema, ClassLoader loader) {
        return Flyway.configure(loader)
                .dataSource(dataSource)
                .locations("classpath:" + Schemas.location(schema.name()))
                .table(Schemas.historyTable(schema.name()))
                // other schemas' tables share the database: a schema's first migration starts its own history
                // (at version 0) instead of refusing a non-empty database
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .baselineDescription("history of schema " + schema.name())
                .validateOnMigrate(true);
    }

    /** The highest successful version of the 0.1 shared history, 0 when there is none. */
    static int legacyVersion(DataSource dataSource) {
        String table = actualName(dataSource, LEGACY_HISTORY);
        if (table == null) {
            return 0;
        }
        int max = 0;
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT * FROM \"" + table + "\"")) {
            while (rs.next()) {
                String v = rs.getString("version");
                if (v != null && rs.getBoolean("success")) {
                    try {
                        max = Math.max(max, Integer.parseInt(v.trim()));
                    } catch (NumberFormatException notOurs) {
                        // not a version of ours
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read " + LEGACY_HISTORY + ": " + e.getMessage(), e);
        }
        return max;
    }

    static boolean tableExists(DataSource dataSource, String name) {
        return actualName(dataSource, name) != null;
    }

    /** The table's name as the database spells it (H2 and PostgreSQL differ in case), or null if absent. */
    private static String actualName(DataSource dataSource, String name) {
        try (Connection c = dataSource.getConnection()) {
            DatabaseMetaData md = c.getMetaData();
            String schema = c.getSchema();
            for (String candidate : new String[] {name, name.toUpperCase(java.util.Locale.ROOT)}) {
                try (ResultSet rs = md.getTables(null, schema, candidate, new String[] {"TABLE"})) {
                    if (rs.next()) {
                        return rs.getString("TABLE_NAME");
                    }
                }
            }
            return null;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the database's tables: " + e.getMessage(), e);
        }
    }
}
