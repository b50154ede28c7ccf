package io.steadfast.identity.internal.domain;

import java.time.Instant;

/**
 * A session a registration or login opened: the only time its secret is known outside the caller.
 *
 * @param secret    the bearer token ({@code sfs_...})
 * @param expiresAt when it expires unless used (each use moves it)
 */
public record Session(Account account, String secret, Instant expiresAt) {}
