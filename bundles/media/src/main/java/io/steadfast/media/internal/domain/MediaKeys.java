package io.steadfast.media.internal.domain;

import java.time.LocalDate;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The keys of the media store, made from ids and fixed words only, so that whatever belongs to a user, a habit or
 * a day shares a prefix and goes with one {@code deletePrefix}:
 * <pre>
 * u/&lt;user&gt;/h/&lt;habit&gt;/&lt;date&gt;/&lt;attachment&gt;/original   (and /thumb.jpg)
 * u/&lt;user&gt;/avatar/&lt;avatar&gt;/original                     (and /thumb.jpg)
 * </pre>
 */
public final class MediaKeys {

    /** The most characters of a key (the {@code MediaStore} contract). */
    public static final int MAX_LENGTH = 200;

    private static final Pattern ALLOWED = Pattern.compile("[A-Za-z0-9/_.-]+");

    private MediaKeys() {}

    public static String user(UUID userId) {
        return "u/" + userId + "/";
    }

    public static String habit(UUID userId, UUID habitId) {
        return user(userId) + "h/" + habitId + "/";
    }

    public static String day(UUID userId, UUID habitId, LocalDate date) {
        return habit(userId, habitId) + date + "/";
    }

    public static String attachment(UUID userId, UUID habitId, LocalDate date, UUID id) {
        return day(userId, habitId, date) + id + "/";
    }

    public static String avatar(UUID userId, UUID id) {
        return user(userId) + "avatar/" + id + "/";
    }

    public static String original(String prefix) {
        return prefix + "original";
    }

    public static String thumbnail(String prefix) {
        return prefix + "thumb.jpg";
    }

    /** What a key of this bundle names: an attachment's or an avatar's file, with the owner and the object's id. */
    public record Owner(UUID userId, UUID objectId, boolean avatar) {}

    private static final Pattern ATTACHMENT_FILE = Pattern.compile(
            "u/([0-9a-f-]{36})/h/[0-9a-f-]{36}/\\d{4}-\\d{2}-\\d{2}/([0-9a-f-]{36})/(original|thumb\\.jpg)");
    private static final Pattern AVATAR_FILE =
            Pattern.compile("u/([0-9a-f-]{36})/avatar/([0-9a-f-]{36})/(original|thumb\\.jpg)");

    /** The owner and object of a key this bundle made, or empty for any other key. */
    public static java.util.Optional<Owner> owner(String key) {
        if (key == null) {
            return java.util.Optional.empty();
        }
        try {
            var m = ATTACHMENT_FILE.matcher(key);
            if (m.matches()) {
                return java.util.Optional.of(
                        new Owner(UUID.fromString(m.group(1)), UUID.fromString(m.group(2)), false));
            }
            m = AVATAR_FILE.matcher(key);
            if (m.matches()) {
                return java.util.Optional.of(new Owner(UUID.fromString(m.group(1)), UUID.fromString(m.group(2)), true));
            }
        } catch (IllegalArgumentException notAUuid) {
            // below
        }
        return java.util.Optional.empty();
    }

    /** Whether a key (or a prefix ending in {@code /}) is one a store may use: relative, no {@code ..}, known characters. */
    public static boolean valid(String key) {
        if (key == null
                || key.isEmpty()
                || key.length() > MAX_LENGTH
                || !ALLOWED.matcher(key).matches()) {
            return false;
        }
        if (key.startsWith("/") || key.contains("//")) {
            return false;
        }
        for (String segment : key.split("/")) {
            if (segment.equals("..") || segment.equals(".")) {
                return false;
            }
        }
        return true;
    }

    /** The key, or an {@link IllegalArgumentException} naming the rule it breaks. */
    public static String require(String key) {
        if (!valid(key)) {
            throw new IllegalArgumentException(
                    "not a media key (relative, [A-Za-z0-9/_.-], no '..', at most " + MAX_LENGTH + " characters)");
        }
        return key;
    }
}
