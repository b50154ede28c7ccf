package io.steadfast.identity.internal.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.osgi.annotation.versioning.ProviderType;

/** Tokens, found by the hash of their secret. */
@ProviderType
public interface TokenStore {

    TokenRow create(TokenRow token);

    Optional<TokenRow> findByHash(String hash);

    /** A user's tokens of a kind that are not revoked, newest first. */
    List<TokenRow> listActive(UUID userId, String kind);

    /** Records a use and moves a sliding expiry. */
    void touch(UUID id, Instant lastUsedAt, Instant expiresAt);

    /** Revokes one of the user's tokens; empty when the user has no such token. */
    Optional<TokenRow> revoke(UUID userId, UUID tokenId, Instant at);

    /**
     * Revokes all of a user's sessions (of the kinds {@code session} and {@code password-change}) except one (may be
     * {@code null}); personal access tokens stay. Returns those revoked.
     */
    List<TokenRow> revokeSessions(UUID userId, UUID except, Instant at);

    /** Revokes all of a user's tokens except one (may be {@code null}); returns those revoked. */
    List<TokenRow> revokeAll(UUID userId, UUID except, Instant at);

    /** How many tokens of these kinds, of all users, are usable at {@code now} (not revoked, not expired). */
    long countUsable(java.util.Collection<String> kinds, Instant now);

    /** The latest recorded use of any of the user's tokens, revoked ones included; empty when none was used. */
    Optional<Instant> lastUsed(UUID userId);
}
