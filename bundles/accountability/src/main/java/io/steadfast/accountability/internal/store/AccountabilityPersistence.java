package io.steadfast.accountability.internal.store;

/** The names that tie this bundle's repositories to its persistence unit and its migrated schema. */
public final class AccountabilityPersistence {

    /** The persistence unit of {@code META-INF/persistence.xml}. */
    public static final String UNIT = "steadfast.accountability";

    /** The JPA template of the unit. */
    static final String JPA = "(osgi.unit.name=" + UNIT + ")";

    /** The {@link io.steadfast.storage.SchemaReady} of this bundle's schema. */
    static final String SCHEMA = "(" + io.steadfast.storage.Schemas.PROPERTY + "=accountability)";

    private AccountabilityPersistence() {}
}
