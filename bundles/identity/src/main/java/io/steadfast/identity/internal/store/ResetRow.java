package io.steadfast.identity.internal.store;

import java.time.Instant;
import java.util.UUID;

/**
 * A stored password reset link. Only the SHA-256 hash of its secret is kept.
 *
 * @param hash   hex SHA-256 of the secret
 * @param usedAt when it was used (or cancelled by another password change), {@code null} while it is open
 */
public record ResetRow(UUID id, UUID userId, String hash, Instant createdAt, Instant expiresAt, Instant usedAt) {

    public boolean usableAt(Instant now) {
        return usedAt == null && expiresAt.isAfter(now);
    }
}
