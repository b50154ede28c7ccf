package io.steadfast.transfer.internal.store;

/** The names that tie this bundle's repository to its persistence unit and its migrated schema. */
final class TransferPersistence {

    static final String UNIT = "steadfast.transfer";

    static final String JPA = "(osgi.unit.name=" + UNIT + ")";

    static final String SCHEMA = "(" + io.steadfast.storage.Schemas.PROPERTY + "=transfer)";

    private TransferPersistence() {}
}
