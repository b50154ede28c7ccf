package io.steadfast.identity.internal.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.steadfast.api.auth.AuthenticatedUser;
import io.steadfast.api.error.FieldError;
import io.steadfast.api.error.NotAuthenticatedException;
import io.steadfast.api.error.NotFoundException;
import io.steadfast.api.error.ValidationException;
import io.steadfast.api.limit.Limits;
import io.steadfast.identity.internal.IdentityConfig;
import io.steadfast.identity.internal.PasswordHasher;
import io.steadfast.identity.internal.Tokens;
import io.steadfast.identity.internal.domain.Session;
import io.steadfast.identity.internal.domain.SessionInfo;
import io.steadfast.identity.internal.store.TokenRow;
import io.steadfast.identity.internal.store.TokenStore;
import io.steadfast.identity.internal.store.UserRow;
import io.steadfast.identity.internal.store.UserStore;

/**
 * Sessions: login (throttled, and as slow and as vague for an unknown email as for a wrong password; a disabled
 * account is refused only after its right password, so that the refusal tells nothing to whoever does not know it),
 * the session
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

    private static final Logger LOG = LoggerFactory.getLogger(Sessions.class);

    /** What a disabled account's owner is told when they sign in with the right password. */
    public static final String DISABLED =
            "This account is disabled on this server: ask its administrator to enable it again.";

    /**
     * The right password for an account an operator disabled ({@link AccountAccess}): answered 403
     * {@code account-disabled} by the resource.
     */
    public static final class AccountDisabledException extends io.steadfast.api.error.DomainException {
        private static final long serialVersionUID = 1L;

        AccountDisabledException() {
            super(DISABLED);
        }
    }

    private final UserStore users;
    private final TokenStore tokens;
    private final PasswordHasher hasher;
    private final Throttling throttling;
    private final PrincipalCache cache;
    private final Clock clock;
    private final Limits limits;
    private final SecurityLog log;
    private final SecurityAlerts alerts;
    private volatile IdentityConfig config;

    @Activate
    public Sessions(
            @Reference UserStore users,
            @Reference TokenStore tokens,
            @Reference PasswordHasher hasher,
            @Reference Throttling throttling,
            @Reference PrincipalCache cache,
            @Reference Clock clock,
            @Reference Limits limits,
            @Reference SecurityLog log,
            @Reference SecurityAlerts alerts,
            IdentityConfig config) {
        this.log = log;
        this.alerts = alerts;
        this.limits = limits;
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
        return login(email, password, clientAddress, null);
    }

    /** {@link #login(String, String, String)} from a client with this user agent (kept with the session). */
    public Session login(String email, String password, String clientAddress, String userAgent) {
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
            Duration lock = throttling.loginFailed(mail, clientAddress);
            user.ifPresent(u -> {
                log.record(u.id(), SecurityLog.SIGN_IN_FAILED, "wrong password");
                if (lock != null) {
                    log.record(
                            u.id(),
                            SecurityLog.SIGN_IN_LOCKED,
                            "sign-ins from this address paused for " + lock.toMinutes() + " minutes");
                    alerts.signInLocked(u.id(), clientAddress, lock);
                }
            });
            throw new NotAuthenticatedException("Invalid email or password");
        }
        UserRow row = user.get();
        if (row.disabled()) {
            // only the right password learns that the account is disabled: a wrong one was answered above like any
            // wrong password (401, counted towards the lock); the counters stay as they are
            log.record(row.id(), SecurityLog.SIGN_IN_REFUSED, "the account is disabled");
            Throttling.LOGIN_DISABLED.increment();
            throw new AccountDisabledException();
        }
        throttling.loginSucceeded(mail, clientAddress);
        log.record(row.id(), SecurityLog.SIGNED_IN, row.passwordChangeRequired() ? "with a temporary password" : null);
        if (hasher.needsRehash(row.passwordHash())) {
            users.updatePassword(row.id(), hasher.hash(password), row.passwordChangeRequired(), clock.instant());
        }
        return row.passwordChangeRequired()
                ? openPasswordChange(row, clientAddress, userAgent)
                : open(row, clientAddress, userAgent);
    }

    /** A session in words for the log: where it signed in from. */
    private static String describe(TokenRow t) {
        String from = t.clientAddress() == null ? "" : " from " + t.clientAddress();
        return "the session signed in " + t.createdAt() + from;
    }

    /**
     * Before a new session opens: when the account already has the most open sessions allowed ({@link
     * Limits#SESSIONS}), the least recently used ones end, so that signing in always works and the sessions of a
     * script that never logs out do not pile up.
     */
    private void makeRoom(UUID userId, Instant now) {
        List<TokenRow> open = new ArrayList<>();
        for (String kind : List.of(Tokens.SESSION, Tokens.PASSWORD_CHANGE)) {
            tokens.listActive(userId, kind).stream()
                    .filter(t -> t.usableAt(now))
                    .forEach(open::add);
        }
        int max = limits.max(Limits.SESSIONS);
        if (open.size() < max) {
            return;
        }
        open.sort(Comparator.comparing((TokenRow t) -> t.lastUsedAt() == null ? t.createdAt() : t.lastUsedAt()));
        for (TokenRow t : open.subList(0, open.size() - max + 1)) {
            tokens.revoke(userId, t.id(), now).ifPresent(cache::evict);
        }
        LOG.info("Account {} had {} open sessions; the least recently used ended", userId, open.size());
    }

    /** The account's open sessions, the most recently used first; {@code current} marks the caller's. */
    public List<SessionInfo> list(UUID userId, UUID currentTokenId) {
        Instant now = clock.instant();
        List<SessionInfo> out = new ArrayList<>();
        for (String kind : List.of(Tokens.SESSION, Tokens.PASSWORD_CHANGE)) {
            for (TokenRow t : tokens.listActive(userId, kind)) {
                if (t.usableAt(now)) {
                    out.add(new SessionInfo(
                            t.id(),
                            t.kind(),
                            t.userAgent(),
                            t.clientAddress(),
                            t.createdAt(),
                            t.lastUsedAt(),
                            t.expiresAt(),
                            t.id().equals(currentTokenId)));
                }
            }
        }
        out.sort(Comparator.comparing((SessionInfo s) -> s.lastUsedAt() == null ? s.createdAt() : s.lastUsedAt())
                .reversed()
                .thenComparing(SessionInfo::id));
        return out;
    }

    /** Ends one of the account's sessions, on every node at once; 404 for anything that is not one of them. */
    public void end(UUID userId, UUID sessionId) {
        Instant now = clock.instant();
        boolean isSession = false;
        for (String kind : List.of(Tokens.SESSION, Tokens.PASSWORD_CHANGE)) {
            for (TokenRow t : tokens.listActive(userId, kind)) {
                isSession |= t.id().equals(sessionId) && t.usableAt(now);
            }
        }
        if (!isSession) {
            throw new NotFoundException("Session");
        }
        tokens.revoke(userId, sessionId, now).ifPresent(t -> {
            cache.evict(t);
            log.record(userId, SecurityLog.SESSION_ENDED, describe(t));
        });
        LOG.info("Account {} ended one of its sessions", userId);
    }

    /**
     * Signs out everywhere else: every session of the account but the caller's ends, on every node at once, and so
     * does the secret calendar feed URL (like every credential made before now). Personal access tokens stay; they
     * are revoked one by one, or all with a password change. Returns how many sessions ended.
     */
    public int endOthers(UUID userId, UUID currentTokenId) {
        Instant now = clock.instant();
        List<TokenRow> ended = tokens.revokeSessions(userId, currentTokenId, now);
        ended.forEach(cache::evict);
        users.credentialsRevoked(userId);
        log.record(userId, SecurityLog.SIGNED_OUT_ELSEWHERE, ended.size() + " other session(s) ended");
        LOG.info("Account {} signed out everywhere else: {} session(s) ended", userId, ended.size());
        return ended.size();
    }

    /** Revokes the caller's token (a session or an access token), on every node at once. */
    public void logout(UUID userId, UUID tokenId) {
        tokens.revoke(userId, tokenId, clock.instant()).ifPresent(t -> {
            cache.evict(t);
            log.record(userId, SecurityLog.SIGNED_OUT, Tokens.PAT.equals(t.kind()) ? "token " + t.name() : null);
        });
    }

    /** Opens a session for an account: read and write, expiring after the configured days unless used. */
    Session open(UserRow user) {
        return open(user, null, null);
    }

    /** {@link #open(UserRow)} for a client: its address and user agent are kept with the session. */
    Session open(UserRow user, String clientAddress, String userAgent) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        makeRoom(user.id(), now);
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
                null,
                userAgent,
                clientAddress));
        return new Session(IdentityRows.account(user), secret, expires);
    }

    /** Opens the session of a temporary password: it may only change the password or log out, for an hour. */
    private Session openPasswordChange(UserRow user, String clientAddress, String userAgent) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        makeRoom(user.id(), now);
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
                null,
                userAgent,
                clientAddress));
        return new Session(IdentityRows.account(user), secret, expires, true);
    }
}
