package io.steadfast.identity.internal.domain;

import java.time.Instant;
import java.util.UUID;

/**
 * An account, without its password hash.
 *
 * @param email       as the user typed it
 * @param timezone    the IANA time zone id the user chose, e.g. {@code Europe/Berlin}
 * @param weekStart   {@code MONDAY} or {@code SUNDAY}
 * @param dayStartsAt hour 0-6: check-ins before it count for the previous day
 * @param role        {@code user} or {@code admin}
 */
public record Account(
        UUID id,
        String email,
        String displayName,
        String timezone,
        String weekStart,
        int dayStartsAt,
        String role,
        Instant createdAt) {}
