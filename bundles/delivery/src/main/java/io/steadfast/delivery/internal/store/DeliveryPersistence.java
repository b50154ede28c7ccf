package io.steadfast.delivery.internal.store;

/** The names that tie this bundle's repositories to its persistence unit and its migrated schema. */
final class DeliveryPersistence {

    static final String UNIT = "steadfast.delivery";

    static final String JPA = "(osgi.unit.name=" + UNIT + ")";

    static final String SCHEMA = "(" + io.steadfast.storage.Schemas.PROPERTY + "=delivery)";

    private DeliveryPersistence() {}
}
