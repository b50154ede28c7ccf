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
 * @param userAgent the user agent of the client that made it (at most {@value #USER_AGENT_MAX} characters), or
 *                  {@code null}
 * @param clientAddress the address of the client that made it, or {@code null}
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
        Instant revokedAt,
        String userAgent,
        String clientAddress) {

    /** The longest user agent kept. */
    public static final int USER_AGENT_MAX = 200;

    public TokenRow {
        if (userAgent != null && userAgent.length() > USER_AGENT_MAX) {
            userAgent = userAgent.substring(0, USER_AGENT_MAX);
        }
        if (clientAddress != null && clientAddress.length() > 64) {
            clientAddress = clientAddress.substring(0, 64);
        }
    }

    /** A token made where nothing is known of the client. */
    public TokenRow(
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
        this(id, userId, kind, name, hash, scopes, createdAt, lastUsedAt, expiresAt, revokedAt, null, null);
    }

    public boolean usableAt(Instant now) {
        return revokedAt == null && (expiresAt == null || expiresAt.isAfter(now));
    }
}
