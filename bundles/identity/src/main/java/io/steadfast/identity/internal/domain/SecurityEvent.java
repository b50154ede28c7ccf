package io.steadfast.identity.internal.domain;

import java.time.Instant;
import java.util.UUID;

/**
 * One entry of an account's security log.
 *
 * @param kind          what happened ({@code sign-in}, {@code password-changed}, ...)
 * @param clientAddress the client's address, or {@code null} (the shell, a background job)
 * @param userAgent     the client's user agent, or {@code null}
 * @param detail        words about it, never a secret, or {@code null}
 */
public record SecurityEvent(
        UUID id, UUID userId, String kind, Instant at, String clientAddress, String userAgent, String detail) {}
