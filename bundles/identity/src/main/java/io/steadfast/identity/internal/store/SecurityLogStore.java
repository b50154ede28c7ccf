package io.steadfast.identity.internal.store;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.osgi.annotation.versioning.ProviderType;

/** The security log, newest first. */
@ProviderType
public interface SecurityLogStore {

    void append(SecurityEventRow event);

    /**
     * Up to {@code limit} entries, newest first, older than the cursor ({@code beforeAt}, {@code beforeId}: the last
     * entry of the previous page; both {@code null} for the first page), of one account or of all ({@code userId}
     * {@code null}).
     */
    List<SecurityEventRow> page(UUID userId, Instant beforeAt, UUID beforeId, int limit);

    /** The account's latest entry of this kind, if the log still has one. */
    java.util.Optional<SecurityEventRow> latest(UUID userId, String kind);

    /** Deletes the entries made before {@code cut}; how many. */
    int deleteBefore(Instant cut);
}
