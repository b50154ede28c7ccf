package io.steadfast.identity.internal.domain;

import java.net.URI;
import java.time.Instant;

/**
 * A single-use password reset link: the only time its secret is known.
 *
 * @param email     the account's email
 * @param link      {@code <public URL>/reset-password?token=sfr_...}
 * @param expiresAt when it stops working
 */
public record ResetLink(String email, URI link, Instant expiresAt) {}
