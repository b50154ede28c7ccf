package io.steadfast.identity.internal.service;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.steadfast.api.error.ConflictException;
import io.steadfast.api.error.NotFoundException;
import io.steadfast.identity.internal.domain.Account;
import io.steadfast.identity.internal.store.ResetStore;
import io.steadfast.identity.internal.store.TokenRow;
import io.steadfast.identity.internal.store.TokenStore;
import io.steadfast.identity.internal.store.UserRow;
import io.steadfast.identity.internal.store.UserStore;

/**
 * Disabling and enabling accounts, for operators. Disabling marks the account and then ends everything it could
 * sign in with, on every node at once, the way a revocation does: every session and token is revoked and evicted from
 * the caches of every node ({@link PrincipalCache}), the credential epoch moves on (the calendar feed URL dies) and
 * open reset links are cancelled. While it is disabled a sign-in with the right password is refused
 * ({@link Sessions}) and no token of it authenticates ({@link TokenAuthenticator}: also one made by a sign-in that
 * raced with the disable). Enabling lets the person sign in again; what was revoked stays revoked.
 */
@Component(service = AccountAccess.class)
public class AccountAccess {

    private static final Logger LOG = LoggerFactory.getLogger(AccountAccess.class);

    /**
     * An account after a disable or an enable.
     *
     * @param changed whether this call changed it (false: it was disabled, or enabled, already)
     * @param revoked how many sessions and tokens this call ended (0 for an enable)
     */
    public record Outcome(Account account, boolean changed, int revoked) {}

    private final UserStore users;
    private final TokenStore tokens;
    private final ResetStore resets;
    private final PrincipalCache cache;
    private final Clock clock;
    private final SecurityLog log;

    @Activate
    public AccountAccess(
            @Reference UserStore users,
            @Reference TokenStore tokens,
            @Reference ResetStore resets,
            @Reference PrincipalCache cache,
            @Reference Clock clock,
            @Reference SecurityLog log) {
        this.users = users;
        this.tokens = tokens;
        this.resets = resets;
        this.cache = cache;
        this.clock = clock;
        this.log = log;
    }

    /** Disables the account with this email (the shell); empty when there is none. */
    public Optional<Outcome> disable(String email) {
        return users.findByEmail(email).map(this::disable);
    }

    /**
     * Disables an account for an administrator ({@code callerId}); 404 for no such account, 409 for the caller's own
     * (another administrator, or the shell, can).
     */
    public Outcome disable(UUID callerId, UUID userId) {
        if (userId.equals(callerId)) {
            throw new ConflictException(
                    "You cannot disable your own account; another administrator can, or the server's shell");
        }
        return disable(users.find(userId).orElseThrow(() -> new NotFoundException("User")));
    }

    /** Enables the account with this email again (the shell); empty when there is none. */
    public Optional<Outcome> enable(String email) {
        return users.findByEmail(email).map(this::enable);
    }

    /** Enables an account again for an administrator; 404 for no such account. */
    public Outcome enable(UUID userId) {
        return enable(users.find(userId).orElseThrow(() -> new NotFoundException("User")));
    }

    private Outcome disable(UserRow u) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        boolean changed = !u.disabled();
        // the mark first: a token made after the revocation below is then refused when it is first looked up
        UserRow marked = changed ? users.setDisabled(u.id(), now).orElse(u) : u;
        List<TokenRow> revoked = tokens.revokeAll(u.id(), null, now);
        revoked.forEach(cache::evict);
        users.credentialsRevoked(u.id());
        resets.cancelAll(u.id(), now);
        if (changed) {
            log.record(
                    u.id(),
                    SecurityLog.ACCOUNT_DISABLED,
                    "by an administrator: " + revoked.size() + " session(s) and token(s) ended");
            LOG.info("Account {} disabled; {} session(s) and token(s) revoked", u.id(), revoked.size());
        }
        return new Outcome(IdentityRows.account(marked), changed, revoked.size());
    }

    private Outcome enable(UserRow u) {
        if (!u.disabled()) {
            return new Outcome(IdentityRows.account(u), false, 0);
        }
        UserRow enabled = users.setDisabled(u.id(), null).orElse(u);
        log.record(
                u.id(),
                SecurityLog.ACCOUNT_ENABLED,
                "by an administrator; the sessions and tokens ended when it was disabled stay ended");
        LOG.info("Account {} enabled again", u.id());
        return new Outcome(IdentityRows.account(enabled), true, 0);
    }
}
