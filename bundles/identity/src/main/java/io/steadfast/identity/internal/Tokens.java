package io.steadfast.identity.internal;

import io.steadfast.api.auth.Secrets;

/**
 * The token secrets of accounts ({@link Secrets}): {@code sfs_} for a session, {@code sfp_} for a personal access
 * token, {@code sft_} for the session a temporary password opens (it may only change the password or log out), and
 * {@code sfr_} for a password reset link. Only the SHA-256 of a secret is stored.
 */
public final class Tokens {

    public static final String SESSION = "session";
    public static final String PAT = "pat";
    /** The kind of session a login with a temporary password opens: it can only change the password or log out. */
    public static final String PASSWORD_CHANGE = "password-change";

    static final String SESSION_PREFIX = "sfs_";
    static final String PAT_PREFIX = "sfp_";
    static final String PASSWORD_CHANGE_PREFIX = "sft_";
    static final String RESET_PREFIX = "sfr_";

    private Tokens() {}

    public static String newSecret(String kind) {
        if (PAT.equals(kind)) {
            return Secrets.newSecret(PAT_PREFIX);
        }
        return Secrets.newSecret(PASSWORD_CHANGE.equals(kind) ? PASSWORD_CHANGE_PREFIX : SESSION_PREFIX);
    }

    /** Whether a string looks like one of our bearer secrets (cheap check before any look-up). */
    public static boolean wellFormed(String secret) {
        return Secrets.wellFormed(secret, SESSION_PREFIX)
                || Secrets.wellFormed(secret, PAT_PREFIX)
                || Secrets.wellFormed(secret, PASSWORD_CHANGE_PREFIX);
    }

    /** Whether a bearer secret is that of a session that may only change the password (before any look-up). */
    public static boolean isPasswordChangeSession(String secret) {
        return Secrets.wellFormed(secret, PASSWORD_CHANGE_PREFIX);
    }

    /** A new password reset secret (256 random bits). */
    public static String newResetSecret() {
        return Secrets.newSecret(RESET_PREFIX);
    }

    public static boolean wellFormedReset(String secret) {
        return Secrets.wellFormed(secret, RESET_PREFIX);
    }

    public static String hash(String secret) {
        return Secrets.sha256Hex(secret);
    }
}
