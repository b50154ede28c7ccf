package io.steadfast.api.account;

import java.util.UUID;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Implemented by every bundle that stores data about a user, registered as an OSGi service. The identity bundle
 * calls it for {@code GET /api/v1/me/export} and when an account is deleted.
 */
@ConsumerType
public interface UserDataContributor {

    /** The key of this bundle's section in the export document, e.g. {@code "habits"}. */
    String section();

    /** Everything this bundle stores for the user, as JSON-serialisable values (records, lists, maps). */
    Object export(UUID userId);

    /**
     * The user is being deleted: remove what the database does not delete by cascade (files, cache entries).
     * Called before the account row is deleted.
     */
    default void deleteAll(UUID userId) {}
}
