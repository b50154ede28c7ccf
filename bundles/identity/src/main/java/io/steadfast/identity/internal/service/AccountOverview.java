package io.steadfast.identity.internal.service;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

import io.steadfast.api.ops.AccountFacts;
import io.steadfast.api.ops.AccountFacts.Fact;
import io.steadfast.identity.internal.Tokens;
import io.steadfast.identity.internal.domain.Account;
import io.steadfast.identity.internal.domain.SecurityEvent;
import io.steadfast.identity.internal.store.TokenRow;
import io.steadfast.identity.internal.store.TokenStore;
import io.steadfast.identity.internal.store.UserStore;

/**
 * One account as an operator sees it ({@code steadfast:user}): the profile, whether it is disabled, its last
 * activity as far as it is recorded, the sessions and tokens that work now (never a secret: only the hash is kept),
 * and what other bundles know of it ({@link AccountFacts}: the habit bundle adds habits and the last check-in).
 */
@Component(service = AccountOverview.class)
public class AccountOverview {

    /**
     * A session or token that works now.
     *
     * @param kind {@code session}, {@code pat} (personal access token) or {@code password-change}
     * @param name the name of a token, the user agent of a session (or {@code null})
     */
    public record Credential(
            UUID id, String kind, String name, Instant createdAt, Instant lastUsedAt, Instant expiresAt) {}

    /**
     * @param lastSignIn   the latest sign-in in the security log (kept for its retention), or empty
     * @param lastTokenUse the latest recorded use of any of its tokens, or {@code null}: a use is written when a
     *                     node looks the token up in the database, so it may be up to {@code token.cacheSeconds}
     *                     old
     */
    public record Overview(
            Account account,
            Optional<SecurityEvent> lastSignIn,
            Instant lastTokenUse,
            List<Credential> credentials,
            List<Fact> facts) {}

    private final UserStore users;
    private final TokenStore tokens;
    private final SecurityLog log;
    private final Clock clock;
    private final List<AccountFacts> contributors = new CopyOnWriteArrayList<>();

    @Activate
    public AccountOverview(
            @Reference UserStore users,
            @Reference TokenStore tokens,
            @Reference SecurityLog log,
            @Reference Clock clock) {
        this.users = users;
        this.tokens = tokens;
        this.log = log;
        this.clock = clock;
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addFacts(AccountFacts f) {
        contributors.add(f);
    }

    void removeFacts(AccountFacts f) {
        contributors.remove(f);
    }

    /** The account with this email; empty when there is none. */
    public Optional<Overview> of(String email) {
        return users.findByEmail(email).map(u -> {
            Instant now = clock.instant();
            List<Credential> credentials = new ArrayList<>();
            for (String kind : List.of(Tokens.SESSION, Tokens.PAT, Tokens.PASSWORD_CHANGE)) {
                for (TokenRow t : tokens.listActive(u.id(), kind)) {
                    if (t.usableAt(now)) {
                        credentials.add(new Credential(
                                t.id(),
                                t.kind(),
                                Tokens.PAT.equals(t.kind()) ? t.name() : t.userAgent(),
                                t.createdAt(),
                                t.lastUsedAt(),
                                t.expiresAt()));
                    }
                }
            }
            credentials.sort(Comparator.comparing(Credential::createdAt).reversed());
            return new Overview(
                    IdentityRows.account(u),
                    log.latest(u.id(), SecurityLog.SIGNED_IN),
                    tokens.lastUsed(u.id()).orElse(null),
                    credentials,
                    facts(u.id()));
        });
    }

    /** Every contributor's facts; one that fails says so instead of failing the overview. */
    List<Fact> facts(UUID userId) {
        List<Fact> out = new ArrayList<>();
        for (AccountFacts c : contributors) {
            try {
                out.addAll(c.about(userId));
            } catch (RuntimeException e) {
                out.add(new Fact(c.getClass().getSimpleName(), "could not be read: " + e));
            }
        }
        return out;
    }
}
