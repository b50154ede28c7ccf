package io.steadfast.identity.internal.store;

import java.time.Instant;
import java.util.UUID;

/**
 * One entry of an account's security log.
 *
 * @param kind          what happened (see {@code SecurityLog}'s constants)
 * @param clientAddress the client's address, or {@code null} (the shell, a background job)
 * @param userAgent     the client's user agent, at most 200 characters, or {@code null}
 * @param detail        words about it (a token's name, the new role), at most 200 characters, never a secret
 */
public record SecurityEventRow(
        UUID id, UUID userId, String kind, String clientAddress, String userAgent, String detail, Instant createdAt) {

    public SecurityEventRow {
        clientAddress = cut(clientAddress, 64);
        userAgent = cut(userAgent, 200);
        detail = cut(detail, 200);
    }

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
