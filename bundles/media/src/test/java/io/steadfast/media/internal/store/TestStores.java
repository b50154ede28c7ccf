package io.steadfast.media.internal.store;

import io.steadfast.storage.internal.db.TestDatabase;

/** A migrated H2 database with this bundle's persistence unit, for the service tests. */
public final class TestStores {

    private TestStores() {}

    public static TestDatabase h2() {
        return TestDatabase.create(TestDatabase.Kind.H2, MediaPersistence.UNIT, "identity", "media; requires=identity");
    }
}
