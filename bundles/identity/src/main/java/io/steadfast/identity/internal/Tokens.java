package io.steadfast.identity.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Token secrets: 256 bits from a CSPRNG, base64url, with a prefix that says what they are ({@code sfs_} for a
 * session, {@code sfp_} for a personal access token — so secret scanners can spot a leaked one). Only the SHA-256
 * of a secret is stored; a fast hash is right for secrets with this much entropy.
 */
public final class Tokens {

    public static final String SESSION = "session";
    public static final String PAT = "pat";
    private static final SecureRandom RANDOM = new SecureRandom();

    private Tokens() {
    }

    public static String newSecret(String kind) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return (PAT.equals(kind) ? "sfp_" : "sfs_") + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Whether a string looks like one of our secrets (cheap check before any look-up). */
    public static boolean wellFormed(String secret) {
        return secret != null && secret.length() == 47 && (secret.startsWith("sfs_") || secret.startsWith("sfp_"))
                && secret.substring(4).chars().allMatch(c -> Character.isLetterOrDigit(c) || c == '-' || c == '_');
    }

    public static String hash(String secret) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha.digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
