package io.steadfast.identity.internal.domain;

/**
 * A change of the caller's profile: the fields to change, {@code null} for those that stay.
 *
 * @param email           a new email; changing it needs {@code currentPassword}
 * @param currentPassword the caller's password, to confirm an email change
 */
public record ProfileChange(
        String displayName,
        String timezone,
        String weekStart,
        Integer dayStartsAt,
        String email,
        String currentPassword) {

    public ProfileChange(String displayName, String timezone, String weekStart, Integer dayStartsAt) {
        this(displayName, timezone, weekStart, dayStartsAt, null, null);
    }
}
