package io.steadfast.storage;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Registered by the storage bundle, one per schema, once that schema's migrations are applied to the current
 * DataSource (service property {@value Schemas#PROPERTY}). Repositories reference it so that they never touch a
 * database whose schema is not up to date; it goes away while the DataSource is replaced.
 */
@ProviderType
public interface SchemaReady {

    /** The schema's name, e.g. {@code "habit"}. */
    String schema();

    /** The applied version, e.g. {@code "1"}. */
    String version();
}
