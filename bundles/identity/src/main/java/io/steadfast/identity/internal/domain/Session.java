package io.steadfast.identity.internal.domain;

import java.time.Instant;

/**
 * A session a registration or login opened: the only time its secret is known outside the caller.
 *
 * @param secret                 the bearer token ({@code sfs_...}, or {@code sft_...} for a password change session)
 * @param expiresAt              when it expires (a normal session: unless used, each use moves it)
 * @param passwordChangeRequired whether the login used a temporary password: the session may then only change the
 *                               password ({@code POST /api/v1/me/password}) or log out
 */
public record Session(Account account, String secret, Instant expiresAt, boolean passwordChangeRequired) {

    public Session(Account account, String secret, Instant expiresAt) {
        this(account, secret, expiresAt, false);
    }
}
