package io.steadfast.api.account;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.util.UUID;

/**
 * A user's profile: what other bundles need to know to compute "today" for the user.
 *
 * @param timezone    IANA time zone
 * @param weekStart   {@link DayOfWeek#MONDAY} or {@link DayOfWeek#SUNDAY}
 * @param dayStartsAt hour 0-6: a moment before this hour belongs to the previous day
 */
public record UserProfile(
        UUID id,
        String email,
        String displayName,
        ZoneId timezone,
        DayOfWeek weekStart,
        int dayStartsAt,
        String role,
        Instant createdAt) {}
