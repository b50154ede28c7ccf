package io.steadfast.identity.internal.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;

import io.steadfast.api.auth.AuthenticatedUser;
import io.steadfast.api.error.FieldError;
import io.steadfast.api.error.NotAuthenticatedException;
import io.steadfast.api.error.ValidationException;
import io.steadfast.identity.internal.IdentityConfig;
import io.steadfast.identity.internal.PasswordHasher;
import io.steadfast.identity.internal.Tokens;
import io.steadfast.identity.internal.domain.Session;
import io.steadfast.identity.internal.store.TokenRow;
import io.steadfast.identity.internal.store.TokenStore;
import io.steadfast.identity.internal.store.UserRow;
import io.steadfast.identity.internal.store.UserStore;

/**
 * Sessions: login (throttled, and as slow and as vague for an unknown email as for a wrong password), the session
 * a login or a registration opens, logout. A login with a temporary password (set by an administrator) opens a
 * password change session instead: it lasts an hour and may only change the password or log out.
 */
@Component(
        service = Sessions.class,
        configurationPid = IdentityConfig.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
public class Sessions {

    /** How long a password change session lasts (it does not slide). */
    static final Duration PASSWORD_CHANGE_TTL = Duration.ofHours(1);

    private final UserStore users;
    private final TokenStore tokens;
    private final PasswordHasher hasher;
    private final Throttling throttling;
    private final PrincipalCache cache;
    private final Clock clock;
    private volatile IdentityConfig config;

    @Activate
    public Sessions(
            @Reference UserStore users,
            @Reference TokenStore tokens,
            @Reference PasswordHasher hasher,
            @Reference Throttling throttling,
            @Reference PrincipalCache cache,
            @Reference Clock clock,
            IdentityConfig config) {
        this.users = users;
        this.tokens = tokens;
        this.hasher = hasher;
        this.throttling = throttling;
        this.cache = cache;
        this.clock = clock;
        this.config = config;
    }

    @Modified
    void modified(IdentityConfig c) {
        this.config = c;
    }

    /** A new session for the account with this email and password; 401 for an unknown email or a wrong password. */
    public Session login(String email, String password, String clientAddress) {
        String mail = email == null ? "" : UserRow.normalize(email);
        if (mail.isEmpty() || password == null || password.isEmpty()) {
            List<FieldError> errors = new ArrayList<>();
            if (mail.isEmpty()) {
                errors.add(new FieldError("email", "is required"));
            }
            if (password == null || password.isEmpty()) {
                errors.add(new FieldError("password", "is required"));
            }
            throw new ValidationException(errors);
        }
        throttling.checkLogin(mail, clientAddress);
        Optional<UserRow> user = users.findByEmail(mail);
        boolean ok;
        if (user.isPresent()) {
            ok = hasher.verify(password, user.get().passwordHash());
        } else {
            hasher.verifyDummy(password);
            ok = false;
        }
        if (!ok) {
            throttling.loginFailed(mail, clientAddress);
            throw new NotAuthenticatedException("Invalid email or password");
        }
        throttling.loginSucceeded(mail);
        UserRow row = user.get();
        if (hasher.needsRehash(row.passwordHash())) {
            users.updatePassword(row.id(), hasher.hash(password), row.passwordChangeRequired(), clock.instant());
        }
        return row.passwordChangeRequired() ? openPasswordChange(row) : open(row);
    }

    /** Revokes the caller's token (a session or an access token), on every node at once. */
    public void logout(UUID userId, UUID tokenId) {
        tokens.revoke(userId, tokenId, clock.instant()).ifPresent(cache::evict);
    }

    /** Opens a session for an account: read and write, expiring after the configured days unless used. */
    Session open(UserRow user) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Instant expires = now.plus(Duration.ofDays(config.session_ttlDays()));
        String secret = Tokens.newSecret(Tokens.SESSION);
        tokens.create(new TokenRow(
                UUID.randomUUID(),
                user.id(),
                Tokens.SESSION,
                null,
                Tokens.hash(secret),
                new LinkedHashSet<>(List.of(AuthenticatedUser.SCOPE_READ, AuthenticatedUser.SCOPE_WRITE)),
                now,
                now,
                expires,
                null));
        return new Session(IdentityRows.account(user), secret, expires);
    }

    /** Opens the session of a temporary password: it may only change the password or log out, for an hour. */
    private Session openPasswordChange(UserRow user) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Instant expires = now.plus(PASSWORD_CHANGE_TTL);
        String secret = Tokens.newSecret(Tokens.PASSWORD_CHANGE);
        tokens.create(new TokenRow(
                UUID.randomUUID(),
                user.id(),
                Tokens.PASSWORD_CHANGE,
                null,
                Tokens.hash(secret),
                new LinkedHashSet<>(List.of(AuthenticatedUser.SCOPE_READ, AuthenticatedUser.SCOPE_WRITE)),
                now,
                now,
                expires,
                null));
        return new Session(IdentityRows.account(user), secret, expires, true);
    }
}
