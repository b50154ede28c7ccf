package io.steadfast.api.auth;

import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/** Turns a bearer token into the caller. Must be fast: it runs on every request (cache your look-ups). */
@ProviderType
public interface Authenticator {

    /** The caller, or empty when the token is unknown, expired or revoked. */
    Optional<AuthenticatedUser> authenticate(String bearerToken);
}
