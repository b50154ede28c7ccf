package io.steadfast.storage.internal.db;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.output.MigrateResult;

/** Applies the versioned SQL migrations in {@code db/migration} of this bundle with Flyway. Plain Java. */
public final class Migrations {

    public static final String LOCATION = "classpath:db/migration";

    private Migrations() {
    }

    /** Migrates and returns the schema version now applied. */
    public static String migrate(DataSource dataSource) {
        Flyway flyway = flyway(dataSource);
        MigrateResult result = flyway.migrate();
        if (result.targetSchemaVersion != null) {
            return result.targetSchemaVersion;
        }
        return currentVersion(flyway);
    }

    /** The applied schema version, or {@code null} when nothing is applied. */
    public static String currentVersion(DataSource dataSource) {
        return currentVersion(flyway(dataSource));
    }

    private static String currentVersion(Flyway flyway) {
        MigrationInfo current = flyway.info().current();
        return current == null || current.getVersion() == null ? null : current.getVersion().getVersion();
    }

    private static Flyway flyway(DataSource dataSource) {
        return Flyway.configure(Migrations.class.getClassLoader())
                .dataSource(dataSource)
                .locations(LOCATION)
                .table("schema_history")
                .baselineOnMigrate(false)
                .validateOnMigrate(true)
                .load();
    }
}
