package io.steadfast.accountability.internal.domain;

import java.util.Locale;
import java.util.regex.Pattern;

/** Email addresses as invitations store and compare them. */
public final class Emails {

    /** Something, an at sign, and a domain with a dot: a plausible address (the mail server decides the rest). */
    private static final Pattern PLAUSIBLE = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

    /** The longest address (RFC 5321's path limit). */
    public static final int MAX_LENGTH = 254;

    private Emails() {}

    /** Trimmed and in lower case: two spellings of one address are the same invitee (as accounts compare them). */
    public static String normalize(String email) {
        return email == null ? null : email.trim().toLowerCase(Locale.ROOT);
    }

    public static boolean plausible(String email) {
        return email != null
                && email.length() <= MAX_LENGTH
                && PLAUSIBLE.matcher(email).matches();
    }
}
