package io.steadfast.media.internal.store;

/** The names that tie this bundle's repositories to its persistence unit and its migrated schema. */
final class MediaPersistence {

    static final String UNIT = "steadfast.media";

    static final String JPA = "(osgi.unit.name=" + UNIT + ")";

    static final String SCHEMA = "(" + io.steadfast.storage.Schemas.PROPERTY + "=media)";

    private MediaPersistence() {}
}
