package io.steadfast.identity.internal.store;

import java.time.Instant;
import java.util.UUID;

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
        boolean passwordChangeRequired) {

    /** The form of an email address that must be unique: trimmed and lower-cased. */
    public static String normalize(String email) {
        return email == null ? null : email.trim().toLowerCase(java.util.Locale.ROOT);
    }
}
