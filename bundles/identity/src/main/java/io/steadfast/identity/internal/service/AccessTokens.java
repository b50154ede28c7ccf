package io.steadfast.identity.internal.service;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import java.util.UUID;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.steadfast.api.auth.AuthenticatedUser;
import io.steadfast.api.error.FieldError;
import io.steadfast.api.error.NotFoundException;
import io.steadfast.api.error.ValidationException;
import io.steadfast.api.limit.Limits;
import io.steadfast.api.time.DateLimits;
import io.steadfast.identity.internal.Tokens;
import io.steadfast.identity.internal.domain.IssuedToken;
import io.steadfast.identity.internal.domain.TokenInfo;
import io.steadfast.identity.internal.store.TokenRow;
import io.steadfast.identity.internal.store.TokenStore;
import io.steadfast.identity.internal.store.UserStore;

/**
 * Personal access tokens for integrations: created with scopes ({@code write} implies {@code read}) and an optional
 * expiry, listed without their secrets, revoked one by one; and for operators, every token of an account revoked
 * at once.
 */
@Component(service = AccessTokens.class)
public class AccessTokens {

    private static final Set<String> SCOPES = Set.of(AuthenticatedUser.SCOPE_READ, AuthenticatedUser.SCOPE_WRITE);

    private final UserStore users;
    private final TokenStore tokens;
    private final PrincipalCache cache;
    private final Clock clock;
    private final Limits limits;
    private final SecurityLog log;

    @Activate
    public AccessTokens(
            @Reference UserStore users,
            @Reference TokenStore tokens,
            @Reference PrincipalCache cache,
            @Reference Clock clock,
            @Reference Limits limits,
            @Reference SecurityLog log) {
        this.log = log;
        this.limits = limits;
        this.users = users;
        this.tokens = tokens;
        this.cache = cache;
        this.clock = clock;
    }

    /** A new token of the caller; its secret is in the answer and never again. */
    public IssuedToken create(UUID userId, String name, List<String> scopes, Instant expiresAt) {
        List<FieldError> errors = new ArrayList<>();
        String n = name == null ? "" : name.trim();
        if (n.isEmpty() || n.length() > 100) {
            errors.add(new FieldError("name", "must be 1 to 100 characters"));
        }
        Set<String> s = new LinkedHashSet<>();
        if (scopes == null || scopes.isEmpty()) {
            errors.add(new FieldError("scopes", "must list at least one of read, write"));
        } else {
            for (String scope : scopes) {
                if (scope == null || !SCOPES.contains(scope)) {
                    errors.add(new FieldError("scopes", "unknown scope '" + scope + "'; use read, write"));
                } else {
                    s.add(scope);
                }
            }
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        if (expiresAt != null && !expiresAt.isAfter(now)) {
            errors.add(new FieldError("expiresAt", "must be in the future"));
        } else {
            try {
                DateLimits.check(expiresAt, "expiresAt");
            } catch (ValidationException e) {
                errors.addAll(e.errors());
            }
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        if (s.contains(AuthenticatedUser.SCOPE_WRITE)) {
            s.add(AuthenticatedUser.SCOPE_READ);
        }
        IdentityRows.existing(users, userId);
        long usable = tokens.listActive(userId, Tokens.PAT).stream()
                .filter(t -> t.usableAt(now))
                .count();
        limits.check(Limits.TOKENS, usable, "personal access tokens", "revoke one you no longer use first");
        String secret = Tokens.newSecret(Tokens.PAT);
        TokenRow row = tokens.create(new TokenRow(
                UUID.randomUUID(),
                userId,
                Tokens.PAT,
                n,
                Tokens.hash(secret),
                s,
                now,
                null,
                expiresAt == null ? null : expiresAt.truncatedTo(ChronoUnit.MILLIS),
                null));
        log.record(userId, SecurityLog.TOKEN_CREATED, "token " + n + " (" + String.join(", ", s) + ")");
        return new IssuedToken(IdentityRows.token(row), secret);
    }

    /** The caller's tokens that still work, newest first. */
    public List<TokenInfo> list(UUID userId) {
        Instant now = clock.instant();
        return tokens.listActive(userId, Tokens.PAT).stream()
                .filter(t -> t.usableAt(now))
                .map(IdentityRows::token)
                .toList();
    }

    /** Revokes one of the caller's tokens, on every node at once; 404 when the caller has no such token. */
    public void revoke(UUID userId, UUID tokenId) {
        TokenRow revoked =
                tokens.revoke(userId, tokenId, clock.instant()).orElseThrow(() -> new NotFoundException("Token"));
        cache.evict(revoked);
        log.record(userId, SecurityLog.TOKEN_REVOKED, "token " + revoked.name());
    }

    /** Revokes every session and access token of the account with this email: how many, empty for no account. */
    public OptionalInt revokeAll(String email) {
        return users.findByEmail(email)
                .map(u -> {
                    Instant now = clock.instant();
                    List<TokenRow> revoked = tokens.revokeAll(u.id(), null, now);
                    revoked.forEach(cache::evict);
                    users.credentialsRevoked(u.id());
                    log.record(
                            u.id(),
                            SecurityLog.TOKENS_REVOKED,
                            "by an administrator: " + revoked.size() + " session(s) and token(s) ended");
                    return OptionalInt.of(revoked.size());
                })
                .orElse(OptionalInt.empty());
    }
}
