package io.steadfast.identity.internal.store;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * A stored token. Only the SHA-256 hash of the secret is kept.
 *
 * @param kind      {@code session} (from login, sliding expiry) or {@code pat} (personal access token)
 * @param name      a name the user gave a personal access token; {@code null} for sessions
 * @param hash      hex SHA-256 of the secret
 * @param expiresAt {@code null} for a token that never expires
 */
public record TokenRow(
        UUID id,
        UUID userId,
        String kind,
        String name,
        String hash,
        Set<String> scopes,
        Instant createdAt,
        Instant lastUsedAt,
        Instant expiresAt,
        Instant revokedAt) {

    public boolean usableAt(Instant now) {
        return revokedAt == null && (expiresAt == null || expiresAt.isAfter(now));
    }
}
