package io.steadfast.identity.internal.store;

import java.time.Instant;
import java.util.UUID;

import io.steadfast.api.account.UserProfile.Alerts;

/**
 * A stored account.
 *
 * @param email        as the user typed it
 * @param passwordHash a PHC string, e.g. {@code $argon2id$v=19$...}
 * @param weekStart    {@code MONDAY} or {@code SUNDAY}
 * @param dayStartsAt  hour 0-6: check-ins before it count for the previous day
 * @param role         {@code user} or {@code admin}
 * @param passwordChangeRequired whether the password is a temporary one an administrator set: a login with it opens
 *                     only a session that can change it
 * @param alerts       the alerts the user opted in to; {@code null} is read as {@link Alerts#NONE}
 * @param disabledAt   when an operator disabled the account (nobody signs in to it, none of its tokens works), or
 *                     {@code null} while it is enabled; written only by {@link UserStore#setDisabled}
 */
public record UserRow(
        UUID id,
        String email,
        String displayName,
        String passwordHash,
        String timezone,
        String weekStart,
        int dayStartsAt,
        String role,
        Instant createdAt,
        Instant updatedAt,
        boolean passwordChangeRequired,
        Alerts alerts,
        Instant disabledAt) {

    public UserRow {
        alerts = alerts == null ? Alerts.NONE : alerts;
    }

    /** An enabled account (the form every write of the profile takes: none writes {@code disabledAt}). */
    public UserRow(
            UUID id,
            String email,
            String displayName,
            String passwordHash,
            String timezone,
            String weekStart,
            int dayStartsAt,
            String role,
            Instant createdAt,
            Instant updatedAt,
            boolean passwordChangeRequired,
            Alerts alerts) {
        this(
                id,
                email,
                displayName,
                passwordHash,
                timezone,
                weekStart,
                dayStartsAt,
                role,
                createdAt,
                updatedAt,
                passwordChangeRequired,
                alerts,
                null);
    }

    /** Whether an operator disabled the account. */
    public boolean disabled() {
        return disabledAt != null;
    }

    /** The form of an email address that must be unique: trimmed and lower-cased. */
    public static String normalize(String email) {
        return email == null ? null : email.trim().toLowerCase(java.util.Locale.ROOT);
    }
}
