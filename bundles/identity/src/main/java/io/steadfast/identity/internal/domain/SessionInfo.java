package io.steadfast.identity.internal.domain;

import java.time.Instant;
import java.util.UUID;

/**
 * One of a user's open sessions, without its secret: where it was opened and when it was last used.
 *
 * @param kind          {@code session}, or {@code password-change} for the short session of a temporary password
 * @param userAgent     the user agent of the browser or app that signed in, or {@code null}
 * @param clientAddress the address it signed in from (behind a trusted proxy, the client's), or {@code null}
 * @param current       whether it is the session of the request that asks
 */
public record SessionInfo(
        UUID id,
        String kind,
        String userAgent,
        String clientAddress,
        Instant createdAt,
        Instant lastUsedAt,
        Instant expiresAt,
        boolean current) {}
