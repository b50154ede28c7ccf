package io.steadfast.storage.internal.db;

/**
 * A marker service registered once the migrations have been applied to the current DataSource. Repositories
 * reference it so they never touch a database whose schema is not up to date.
 */
public interface SchemaReady {

    /** The applied schema version, e.g. {@code "1"}. */
    String version();
}
