package io.steadfast.media.s3.internal;

import java.util.regex.Pattern;

/**
 * The keys this store accepts (the {@link io.steadfast.api.media.MediaStore} contract: {@code [A-Za-z0-9/_.-]}, at
 * most 200 characters) and what it refuses besides, so that no key can reach outside the configured prefix or mean
 * something else to the storage: a leading {@code /}, an empty part ({@code //}), a {@code .} or {@code ..} part.
 */
final class S3Keys {

    static final int MAX = 200;

    private static final Pattern CHARS = Pattern.compile("[A-Za-z0-9/_.-]+");

    private S3Keys() {}

    /** {@code key} under {@code prefix}, or an {@link IllegalArgumentException}. */
    static String key(String prefix, String key) {
        if (key == null || key.length() > MAX || !wellFormed(key)) {
            throw new IllegalArgumentException("not a media key: " + describe(key));
        }
        return prefix + key;
    }

    /** A prefix to delete under: a key ending with {@code /}; never empty (that would be the whole store). */
    static String prefixToDelete(String prefix, String sub) {
        if (sub == null
                || sub.length() < 2
                || sub.length() > MAX
                || !sub.endsWith("/")
                || !wellFormed(sub.substring(0, sub.length() - 1))) {
            throw new IllegalArgumentException("not a media key prefix (it ends with /): " + describe(sub));
        }
        return prefix + sub;
    }

    static boolean wellFormed(String key) {
        if (key.isEmpty() || !CHARS.matcher(key).matches() || key.startsWith("/") || key.endsWith("/")) {
            return false;
        }
        for (String part : key.split("/", -1)) {
            if (part.isEmpty() || part.equals(".") || part.equals("..")) {
                return false;
            }
        }
        return true;
    }

    private static String describe(String key) {
        return key == null ? "null" : "'" + S3Settings.printable(key) + "'";
    }
}
