package io.steadfast.identity.internal;

import io.steadfast.api.auth.Secrets;

/**
 * The token secrets of accounts ({@link Secrets}): {@code sfs_} for a session, {@code sfp_} for a personal access
 * token. Only the SHA-256 of a secret is stored.
 */
public final class Tokens {

    public static final String SESSION = "session";
    public static final String PAT = "pat";
    static final String SESSION_PREFIX = "sfs_";
    static final String PAT_PREFIX = "sfp_";

    private Tokens() {}

    public static String newSecret(String kind) {
        return Secrets.newSecret(PAT.equals(kind) ? PAT_PREFIX : SESSION_PREFIX);
    }

    /** Whether a string looks like one of our secrets (cheap check before any look-up). */
    public static boolean wellFormed(String secret) {
        return Secrets.wellFormed(secret, SESSION_PREFIX) || Secrets.wellFormed(secret, PAT_PREFIX);
    }

    public static String hash(String secret) {
        return Secrets.sha256Hex(secret);
    }
}
