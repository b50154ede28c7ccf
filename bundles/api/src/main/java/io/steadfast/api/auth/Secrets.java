package io.steadfast.api.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Bearer secrets (session and personal access tokens, calendar feed URLs, later one-time links): 256 bits from a
 * CSPRNG, base64url, behind a prefix that says what they are ({@code sfs_}, {@code sfp_}, {@code sfc_}) so that
 * secret scanners can spot a leaked one. Only {@link #sha256Hex} of a secret is ever stored; a fast hash is right
 * for secrets with this much entropy.
 */
public final class Secrets {

    /** The length of a secret's random part (32 bytes in base64url without padding). */
    public static final int RANDOM_LENGTH = 43;

    private static final SecureRandom RANDOM = new SecureRandom();

    private Secrets() {}

    /** A new secret: {@code prefix} followed by 32 random bytes in base64url. */
    public static String newSecret(String prefix) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return prefix + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Whether {@code secret} has the shape of {@link #newSecret}{@code (prefix)} (cheap, before any look-up). */
    public static boolean wellFormed(String secret, String prefix) {
        return secret != null
                && secret.length() == prefix.length() + RANDOM_LENGTH
                && secret.startsWith(prefix)
                && secret.substring(prefix.length())
                        .chars()
                        .allMatch(c -> c < 128 && (Character.isLetterOrDigit(c) || c == '-' || c == '_'));
    }

    /** The hex SHA-256 of a UTF-8 string: how secrets (and request fingerprints) are stored. */
    public static String sha256Hex(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
