package io.steadfast.identity.internal.store;

/** The names that tie this bundle's repositories to its persistence unit and its migrated schema. */
final class IdentityPersistence {

    /** The persistence unit of {@code META-INF/persistence.xml}. */
    static final String UNIT = "steadfast.identity";

    /** The JPA template of the unit. */
    static final String JPA = "(osgi.unit.name=" + UNIT + ")";

    /** The {@link io.steadfast.storage.SchemaReady} of this bundle's schema. */
    static final String SCHEMA = "(" + io.steadfast.storage.Schemas.PROPERTY + "=identity)";

    private IdentityPersistence() {}
}
