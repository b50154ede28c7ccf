package io.steadfast.api.account;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.UUID;

/**
 * A user's profile: what other bundles need to know to compute "today" for the user.
 *
 * @param timezone    IANA time zone
 * @param weekStart   {@link DayOfWeek#MONDAY} or {@link DayOfWeek#SUNDAY}
 * @param dayStartsAt hour 0-6: a moment before this hour belongs to the previous day
 * @param alerts      the alerts the user opted in to
 */
public record UserProfile(
        UUID id,
        String email,
        String displayName,
        ZoneId timezone,
        DayOfWeek weekStart,
        int dayStartsAt,
        String role,
        Instant createdAt,
        Alerts alerts) {

    public UserProfile {
        alerts = alerts == null ? Alerts.NONE : alerts;
    }

    /** A profile with no alerts chosen. */
    public UserProfile(
            UUID id,
            String email,
            String displayName,
            ZoneId timezone,
            DayOfWeek weekStart,
            int dayStartsAt,
            String role,
            Instant createdAt) {
        this(id, email, displayName, timezone, weekStart, dayStartsAt, role, createdAt, Alerts.NONE);
    }

    /**
     * The alerts a user opted in to.
     *
     * @param partnerMissed whether to hear when a partner's shared habit ends its due day missed
     * @param streakAtRisk  the local time of the user's day at which to hear of habits with a current streak of at
     *                      least three that are not done yet, or {@code null} for never
     * @since 1.2
     */
    public record Alerts(boolean partnerMissed, LocalTime streakAtRisk) {

        /** Nothing chosen. */
        public static final Alerts NONE = new Alerts(false, null);
    }
}
