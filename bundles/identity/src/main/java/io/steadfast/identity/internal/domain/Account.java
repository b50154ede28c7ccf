package io.steadfast.identity.internal.domain;

import java.time.Instant;
import java.util.UUID;

import io.steadfast.api.account.UserProfile.Alerts;

/**
 * An account, without its password hash.
 *
 * @param email       as the user typed it
 * @param timezone    the IANA time zone id the user chose, e.g. {@code Europe/Berlin}
 * @param weekStart   {@code MONDAY} or {@code SUNDAY}
 * @param dayStartsAt hour 0-6: check-ins before it count for the previous day
 * @param role        {@code user} or {@code admin}
 * @param alerts      the alerts the user opted in to; {@code null} is read as {@link Alerts#NONE}
 * @param disabledAt  when an operator disabled the account, {@code null} while it is enabled
 */
public record Account(
        UUID id,
        String email,
        String displayName,
        String timezone,
        String weekStart,
        int dayStartsAt,
        String role,
        Instant createdAt,
        Alerts alerts,
        Instant disabledAt) {

    public Account {
        alerts = alerts == null ? Alerts.NONE : alerts;
    }

    /** An enabled account. */
    public Account(
            UUID id,
            String email,
            String displayName,
            String timezone,
            String weekStart,
            int dayStartsAt,
            String role,
            Instant createdAt,
            Alerts alerts) {
        this(id, email, displayName, timezone, weekStart, dayStartsAt, role, createdAt, alerts, null);
    }

    /** Whether an operator disabled the account. */
    public boolean disabled() {
        return disabledAt != null;
    }
}
