package io.steadfast.identity.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What a password must be (NIST SP 800-63B style: length and a block list, no composition rules): at least 10
 * characters, at most 256, not a common password, not one character repeated or a keyboard or number run, and not
 * the user's email or name.
 */
public final class PasswordPolicy {

    public static final int MIN_LENGTH = 10;
    public static final int MAX_LENGTH = 256;

    private final Set<String> common;

    public PasswordPolicy() {
        this.common = load();
    }

    /** A reason the password is not acceptable, for people; empty when it is. */
    public Optional<String> check(String password, String email, String displayName) {
        if (password == null || password.isEmpty()) {
            return Optional.of("is required");
        }
        int length = password.codePointCount(0, password.length());
        if (length < MIN_LENGTH) {
            return Optional.of("must be at least " + MIN_LENGTH + " characters");
        }
        if (length > MAX_LENGTH) {
            return Optional.of("must be at most " + MAX_LENGTH + " characters");
        }
        String lower = password.toLowerCase(Locale.ROOT);
        String base =
                lower.replaceAll("[^a-z0-9]+$", "").replaceAll("[0-9]+$", "").replaceAll("[^a-z0-9]+$", "");
        if (common.contains(lower)
                || common.contains(lower.replaceAll("[^a-z0-9]", ""))
                || (!base.isEmpty() && common.contains(base))) {
            return Optional.of("is too common; choose one that is not on lists of leaked passwords");
        }
        if (lower.chars().distinct().count() <= 2) {
            return Optional.of("is too simple: it repeats one or two characters");
        }
        if (isRun(lower)) {
            return Optional.of("is too simple: it is a run of consecutive characters");
        }
        if (email != null) {
            String local = email.contains("@") ? email.substring(0, email.indexOf('@')) : email;
            String e = email.trim().toLowerCase(Locale.ROOT);
            if (lower.equals(e) || (local.length() >= 4 && lower.equals(local.toLowerCase(Locale.ROOT)))) {
                return Optional.of("must not be your email address");
            }
        }
        if (displayName != null
                && displayName.length() >= 4
                && lower.replace(" ", "")
                        .equals(displayName.toLowerCase(Locale.ROOT).replace(" ", ""))) {
            return Optional.of("must not be your name");
        }
        return Optional.empty();
    }

    static boolean isRun(String s) {
        int up = 0;
        int down = 0;
        for (int i = 1; i < s.length(); i++) {
            int d = s.charAt(i) - s.charAt(i - 1);
            up += d == 1 ? 1 : 0;
            down += d == -1 ? 1 : 0;
        }
        return up >= s.length() - 2 || down >= s.length() - 2;
    }

    private static Set<String> load() {
        Set<String> set = new HashSet<>();
        try (InputStream in = PasswordPolicy.class.getResourceAsStream("common-passwords.txt")) {
            if (in == null) {
                throw new IllegalStateException("common-passwords.txt missing");
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = r.readLine()) != null) {
                line = line.trim().toLowerCase(Locale.ROOT);
                if (!line.isEmpty() && !line.startsWith("#")) {
                    set.add(line);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return set;
    }
}
