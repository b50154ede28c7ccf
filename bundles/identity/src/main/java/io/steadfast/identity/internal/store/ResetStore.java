package io.steadfast.identity.internal.store;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.osgi.annotation.versioning.ProviderType;

/** Password reset links, found by the hash of their secret. */
@ProviderType
public interface ResetStore {

    ResetRow create(ResetRow reset);

    Optional<ResetRow> findByHash(String hash);

    /**
     * Marks the link used if it is still open at {@code at}: true for exactly one of concurrent callers, false when
     * it was used, cancelled or had expired.
     */
    boolean use(UUID id, Instant at);

    /** Marks every open link of the user used (a password was set another way); how many. */
    int cancelAll(UUID userId, Instant at);
}
