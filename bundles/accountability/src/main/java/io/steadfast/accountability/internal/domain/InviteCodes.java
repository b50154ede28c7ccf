package io.steadfast.accountability.internal.domain;

import java.security.SecureRandom;
import java.util.Locale;
import java.util.Optional;

/**
 * Invite codes: 12 characters of Crockford's base32 (no I, L, O or U, so nothing to mistake when read aloud or typed
 * from a phone), shown in groups of four ({@code K7QX-3MPA-W9TD}); 60 bits from a {@link SecureRandom}. What a person
 * types is read leniently: any case, with or without dashes and spaces, and the letters Crockford maps (O as 0, I and L
 * as 1).
 */
public final class InviteCodes {

    /** The characters of a code. */
    static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    /** The characters of a code, without its dashes. */
    public static final int LENGTH = 12;

    private static final SecureRandom RANDOM = new SecureRandom();

    private InviteCodes() {}

    /** A new code, in its written form with dashes. */
    public static String generate() {
        StringBuilder b = new StringBuilder(LENGTH + 2);
        for (int i = 0; i < LENGTH; i++) {
            if (i > 0 && i % 4 == 0) {
                b.append('-');
            }
            b.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return b.toString();
    }

    /**
     * The canonical form of what was typed (upper case, no dashes or spaces, O/I/L read as 0/1/1), or empty when it
     * cannot be a code.
     */
    public static Optional<String> canonical(String typed) {
        if (typed == null) {
            return Optional.empty();
        }
        StringBuilder b = new StringBuilder(LENGTH);
        for (char ch : typed.toUpperCase(Locale.ROOT).toCharArray()) {
            char c =
                    switch (ch) {
                        case 'O' -> '0';
                        case 'I', 'L' -> '1';
                        default -> ch;
                    };
            if (c == '-' || c == ' ') {
                continue;
            }
            if (ALPHABET.indexOf(c) < 0 || b.length() == LENGTH) {
                return Optional.empty();
            }
            b.append(c);
        }
        return b.length() == LENGTH ? Optional.of(b.toString()) : Optional.empty();
    }
}
