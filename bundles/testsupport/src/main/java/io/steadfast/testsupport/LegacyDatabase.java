package io.steadfast.testsupport;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;

/**
 * A database as Steadfast 0.1 left it: every table from one shared migration history ({@code schema_history},
 * versions 1 to 4), made with the 0.1 migrations themselves (kept here verbatim). Upgrade tests start from it.
 */
public final class LegacyDatabase {

    /** The last version of the 0.1 shared history. */
    public static final String VERSION = "4";

    private LegacyDatabase() {}

    /** Applies the 0.1 migrations to an empty database. */
    public static void create(DataSource dataSource) {
        Flyway.configure(LegacyDatabase.class.getClassLoader())
                .dataSource(dataSource)
                .locations("classpath:io/steadfast/testsupport/legacy01")
                .table("schema_history")
                .load()
                .migrate();
    }
}
