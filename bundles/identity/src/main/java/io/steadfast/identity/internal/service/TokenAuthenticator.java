package io.steadfast.identity.internal.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.Set;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;

import io.steadfast.api.auth.AuthenticatedUser;
import io.steadfast.api.auth.Authenticator;
import io.steadfast.identity.internal.IdentityConfig;
import io.steadfast.identity.internal.Tokens;
import io.steadfast.identity.internal.store.TokenRow;
import io.steadfast.identity.internal.store.TokenStore;
import io.steadfast.identity.internal.store.UserRow;
import io.steadfast.identity.internal.store.UserStore;

/**
 * The {@link Authenticator} the platform's filter calls on every request: a session or access token secret to its
 * caller. Look-ups are cached by {@link PrincipalCache} (on this node for a few seconds, in the shared cache for the
 * configured seconds, never beyond the token's expiry), so the common request costs no database query and no network
 * round trip; a miss in both records the use and moves a session's sliding expiry.
 */
@Component(
        service = Authenticator.class,
        configurationPid = IdentityConfig.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
public class TokenAuthenticator implements Authenticator {

    private final UserStore users;
    private final TokenStore tokens;
    private final PrincipalCache cache;
    private final Clock clock;
    private volatile IdentityConfig config;

    @Activate
    public TokenAuthenticator(
            @Reference UserStore users,
            @Reference TokenStore tokens,
            @Reference PrincipalCache cache,
            @Reference Clock clock,
            IdentityConfig config) {
        this.users = users;
        this.tokens = tokens;
        this.cache = cache;
        this.clock = clock;
        this.config = config;
    }

    @Modified
    void modified(IdentityConfig c) {
        this.config = c;
    }

    @Override
    public Optional<AuthenticatedUser> authenticate(String secret) {
        if (!Tokens.wellFormed(secret)) {
            return Optional.empty();
        }
        String hash = Tokens.hash(secret);
        Instant now = clock.instant();
        return cache.get(hash, now, () -> load(hash, now));
    }

    /** The principal of a token from the database, recording its use; empty for an unusable token. */
    private Optional<AuthenticatedUser> load(String hash, Instant now) {
        Optional<TokenRow> row = tokens.findByHash(hash);
        if (row.isEmpty() || !row.get().usableAt(now)) {
            return Optional.empty();
        }
        TokenRow t = row.get();
        Optional<UserRow> user = users.find(t.userId());
        if (user.isEmpty() || user.get().disabled()) {
            // a disabled account's tokens were revoked when it was disabled; this also refuses one a sign-in racing
            // with the disable made after the revocation
            return Optional.empty();
        }
        Instant expires = t.expiresAt();
        if (Tokens.SESSION.equals(t.kind())) {
            expires = now.plus(Duration.ofDays(config.session_ttlDays())).truncatedTo(ChronoUnit.MILLIS);
        }
        tokens.touch(t.id(), now.truncatedTo(ChronoUnit.MILLIS), expires);
        return Optional.of(new AuthenticatedUser(
                t.userId(), user.get().email(), user.get().role(), Set.copyOf(t.scopes()), t.id(), t.kind(), expires));
    }
}
