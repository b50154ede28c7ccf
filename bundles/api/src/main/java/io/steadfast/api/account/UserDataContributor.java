package io.steadfast.api.account;

import java.io.IOException;
import java.util.UUID;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Implemented by every bundle that stores data about a user, registered as an OSGi service. The identity bundle
 * calls it for {@code GET /api/v1/me/export} (the JSON document: {@link #write}, by default {@link #export}) and
 * when an account is deleted.
 */
@ConsumerType
public interface UserDataContributor {

    /** The key of this bundle's section in the export document, e.g. {@code "habits"}. */
    String section();

    /** Everything this bundle stores for the user, as JSON-serialisable values (records, lists, maps). */
    Object export(UUID userId);

    /**
     * Writes the section's value for {@code GET /api/v1/me/export}: the same value {@link #export} returns, but a
     * bundle whose section grows with the user's history writes it piece by piece (an array, then each element, a
     * page at a time), so that the export's memory does not grow with it. The default writes {@link #export}.
     *
     * @throws IOException when the client went away or the output failed: stop writing
     * @since 1.5
     */
    default void write(UUID userId, SectionWriter out) throws IOException {
        out.value(export(userId));
    }

    /**
     * The user is being deleted: remove what the database does not delete by cascade (files, cache entries).
     * Called before the account row is deleted.
     */
    default void deleteAll(UUID userId) {}
}
