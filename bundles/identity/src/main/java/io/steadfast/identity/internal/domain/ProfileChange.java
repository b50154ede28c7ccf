package io.steadfast.identity.internal.domain;

/**
 * A change of the caller's profile: the fields to change, {@code null} for those that stay.
 *
 * @param email           a new email; changing it needs {@code currentPassword}
 * @param currentPassword the caller's password, to confirm an email change
 * @param alerts          the alert settings to change, or {@code null}: they stay
 */
public record ProfileChange(
        String displayName,
        String timezone,
        String weekStart,
        Integer dayStartsAt,
        String email,
        String currentPassword,
        AlertsChange alerts) {

    public ProfileChange(String displayName, String timezone, String weekStart, Integer dayStartsAt) {
        this(displayName, timezone, weekStart, dayStartsAt, null, null, null);
    }

    public ProfileChange(
            String displayName,
            String timezone,
            String weekStart,
            Integer dayStartsAt,
            String email,
            String currentPassword) {
        this(displayName, timezone, weekStart, dayStartsAt, email, currentPassword, null);
    }

    /** A change of the alert settings only. */
    public static ProfileChange of(AlertsChange alerts) {
        return new ProfileChange(null, null, null, null, null, null, alerts);
    }
}
