package io.steadfast.accountability.internal.store;

import java.time.Instant;
import java.util.UUID;

/** An invite code of {@code userId}'s, by the SHA-256 (hex) of the code. */
public record InviteCodeRow(String codeHash, UUID userId, Instant createdAt, Instant expiresAt) {}
