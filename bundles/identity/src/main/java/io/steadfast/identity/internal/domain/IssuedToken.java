package io.steadfast.identity.internal.domain;

/**
 * A personal access token just created, with its secret ({@code sfp_...}): the only time the secret is known.
 */
public record IssuedToken(TokenInfo token, String secret) {}
