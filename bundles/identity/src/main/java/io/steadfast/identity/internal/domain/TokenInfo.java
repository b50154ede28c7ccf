package io.steadfast.identity.internal.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A personal access token, without its secret.
 *
 * @param scopes     {@code read}, {@code write}
 * @param lastUsedAt {@code null} when never used
 * @param expiresAt  {@code null} for a token that never expires
 */
public record TokenInfo(
        UUID id, String name, List<String> scopes, Instant createdAt, Instant lastUsedAt, Instant expiresAt) {}
