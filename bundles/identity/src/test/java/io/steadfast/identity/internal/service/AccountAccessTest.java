package io.steadfast.identity.internal.service;

import static io.steadfast.identity.internal.service.Fixture.ADDRESS;
import static io.steadfast.identity.internal.service.Fixture.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.steadfast.api.error.ConflictException;
import io.steadfast.api.error.NotAuthenticatedException;
import io.steadfast.api.error.NotFoundException;
import io.steadfast.api.error.TooManyAttemptsException;
import io.steadfast.api.ops.AccountFacts;
import io.steadfast.identity.internal.Tokens;
import io.steadfast.identity.internal.domain.Session;
import io.steadfast.identity.internal.store.TokenRow;

class AccountAccessTest {

    final Fixture f = new Fixture(Map.of("login_maxFailuresPerAccountAndAddress", 3));

    @Test
    void aDisabledAccountsSessionsAndTokensStopAtOnceOnEveryNode() {
        Session ann = f.register("ann@example.org");
        String pat = f.accessTokens
                .create(ann.account().id(), "script", List.of("read"), null)
                .secret();
        // a second node: its own principal cache and authenticator on the shared cache and bus
        PrincipalCache otherCache = new PrincipalCache(f.clock, Fixture.config(Map.of()));
        otherCache.setCache(f.kv);
        otherCache.setBus(f.bus);
        TokenAuthenticator other =
                new TokenAuthenticator(f.users, f.tokens, otherCache, f.clock, Fixture.config(Map.of()));
        assertThat(f.authenticates(ann.secret())).isTrue();
        assertThat(other.authenticate(pat)).isPresent();
        assertThat(other.authenticate(ann.secret()))
                .as("held in the other node's local tier")
                .isPresent();
        long epoch = f.users.credentialsEpoch(ann.account().id());

        AccountAccess.Outcome o = f.access.disable("ANN@example.org").orElseThrow();

        assertThat(o.changed()).isTrue();
        assertThat(o.revoked()).isEqualTo(2);
        assertThat(o.account().disabled()).isTrue();
        assertThat(o.account().disabledAt()).isEqualTo(Fixture.T0);
        assertThat(f.authenticates(ann.secret())).isFalse();
        assertThat(f.authenticates(pat)).isFalse();
        assertThat(other.authenticate(ann.secret()))
                .as("on the other node at once")
                .isEmpty();
        assertThat(other.authenticate(pat)).isEmpty();
        assertThat(f.users.credentialsEpoch(ann.account().id()))
                .as("the calendar feed URL ends too")
                .isGreaterThan(epoch);
        assertThat(f.securityEvents.kinds(ann.account().id())).contains(SecurityLog.ACCOUNT_DISABLED);
    }

    @Test
    void aTokenMadeWhileTheAccountIsDisabledIsRefused() {
        Session ann = f.register("ann@example.org");
        UUID id = ann.account().id();
        f.access.disable("ann@example.org");
        // as a sign-in that raced with the disable would have made it, after the revocation
        String secret = Tokens.newSecret(Tokens.SESSION);
        f.tokens.create(new TokenRow(
                UUID.randomUUID(),
                id,
                Tokens.SESSION,
                null,
                Tokens.hash(secret),
                Set.of("read", "write"),
                f.clock.instant(),
                null,
                f.clock.instant().plus(Duration.ofDays(1)),
                null));
        assertThat(f.authenticates(secret)).isFalse();
    }

    @Test
    void onlyTheRightPasswordLearnsThatTheAccountIsDisabledAndWrongOnesStillLockIt() {
        f.register("ann@example.org");
        f.access.disable("ann@example.org");
        // a wrong password is answered like any wrong password, and counts
        assertThatThrownBy(() -> f.sessions.login("ann@example.org", "wrong guess", ADDRESS))
                .isInstanceOf(NotAuthenticatedException.class)
                .hasMessage("Invalid email or password");
        assertThatThrownBy(() -> f.sessions.login("ann@example.org", PASSWORD, ADDRESS))
                .isInstanceOf(Sessions.AccountDisabledException.class)
                .hasMessageContaining("disabled")
                .hasMessageContaining("administrator");
        assertThatThrownBy(() -> f.sessions.login("ann@example.org", "wrong guess", ADDRESS))
                .isInstanceOf(NotAuthenticatedException.class);
        // the right password in between reset nothing: the third wrong one locks the address
        assertThatThrownBy(() -> f.sessions.login("ann@example.org", "wrong guess", ADDRESS))
                .isInstanceOf(NotAuthenticatedException.class);
        assertThatThrownBy(() -> f.sessions.login("ann@example.org", PASSWORD, ADDRESS))
                .as("locked before the password is looked at")
                .isInstanceOf(TooManyAttemptsException.class);
        assertThat(f.securityEvents.kinds(
                        f.accounts.findByEmail("ann@example.org").orElseThrow().id()))
                .contains(SecurityLog.SIGN_IN_REFUSED);
    }

    @Test
    void enablingRestoresSignInButNotTheRevokedTokens() {
        Session ann = f.register("ann@example.org");
        f.access.disable("ann@example.org");
        AccountAccess.Outcome again = f.access.disable("ann@example.org").orElseThrow();
        assertThat(again.changed()).as("idempotent").isFalse();

        AccountAccess.Outcome o = f.access.enable("ann@example.org").orElseThrow();

        assertThat(o.changed()).isTrue();
        assertThat(o.account().disabled()).isFalse();
        assertThat(f.authenticates(ann.secret())).as("revoked stays revoked").isFalse();
        Session fresh = f.sessions.login("ann@example.org", PASSWORD, ADDRESS);
        assertThat(f.authenticates(fresh.secret())).isTrue();
        assertThat(f.access.enable("ann@example.org").orElseThrow().changed()).isFalse();
        assertThat(f.securityEvents.kinds(ann.account().id())).contains(SecurityLog.ACCOUNT_ENABLED);
        assertThat(f.access.enable("nobody@example.org")).isEmpty();
    }

    @Test
    void anAdministratorCannotDisableTheirOwnAccountAndAnUnknownOneIs404() {
        Session admin = f.register("admin@example.org");
        UUID id = admin.account().id();
        assertThatThrownBy(() -> f.access.disable(id, id)).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> f.access.disable(id, UUID.randomUUID())).isInstanceOf(NotFoundException.class);
        Session bob = f.register("bob@example.org");
        assertThat(f.access.disable(id, bob.account().id()).account().disabled())
                .isTrue();
        assertThat(f.accounts.findByEmail("bob@example.org").orElseThrow().disabled())
                .as("other profile changes keep the mark")
                .isTrue();
    }

    @Test
    void theOverviewShowsLastActivityTokensWithoutSecretsAndOtherBundlesFacts() {
        Session ann = f.register("ann@example.org");
        f.clock.advance(Duration.ofMinutes(5));
        Session laptop = f.sessions.login("ann@example.org", PASSWORD, ADDRESS, "Firefox");
        f.accessTokens.create(ann.account().id(), "script", List.of("read"), null);
        f.overview.addFacts(u -> List.of(new AccountFacts.Fact("Habits", "3 (1 archived)")));
        f.overview.addFacts(u -> {
            throw new IllegalStateException("database away");
        });
        f.clock.advance(Duration.ofMinutes(5));
        f.authenticates(laptop.secret());

        AccountOverview.Overview o = f.overview.of("ann@example.org").orElseThrow();

        assertThat(o.account().email()).isEqualTo("ann@example.org");
        assertThat(o.lastSignIn()).map(e -> e.at()).contains(Fixture.T0.plus(Duration.ofMinutes(5)));
        assertThat(o.lastTokenUse()).isEqualTo(Fixture.T0.plus(Duration.ofMinutes(10)));
        assertThat(o.credentials())
                .extracting(AccountOverview.Credential::kind)
                .containsExactlyInAnyOrder("session", "session", "pat");
        assertThat(o.credentials()).extracting(AccountOverview.Credential::name).contains("script", "Firefox");
        assertThat(o.credentials().toString()).doesNotContain(laptop.secret());
        assertThat(o.facts())
                .extracting(AccountFacts.Fact::value)
                .contains("3 (1 archived)")
                .anyMatch(v -> v.startsWith("could not be read"));
        assertThat(f.overview.of("nobody@example.org")).isEmpty();
    }

    @Test
    void searchMatchesEmailOrNameInAnyCase() {
        f.accounts.register(
                new io.steadfast.identity.internal.domain.Registration("ann@example.org", PASSWORD, "Ann Lee", null),
                ADDRESS);
        f.accounts.register(
                new io.steadfast.identity.internal.domain.Registration("bob@other.org", PASSWORD, "Bob", null),
                ADDRESS);
        assertThat(f.accounts.search("LEE", 0, 10)).extracting(a -> a.email()).containsExactly("ann@example.org");
        assertThat(f.accounts.search("other.ORG", 0, 10))
                .extracting(a -> a.email())
                .containsExactly("bob@other.org");
        assertThat(f.accounts.countMatching("example")).isEqualTo(1);
    }

    @Test
    void aDisabledAccountGetsNoResetLinkByEmailAndItsOpenLinksAreCancelled() {
        PasswordResetsTest.RecordingMailer mailer = new PasswordResetsTest.RecordingMailer();
        f.passwordResets.mailer = mailer;
        f.register("ann@example.org");
        f.passwordResets.requestByEmail("ann@example.org", ADDRESS);
        assertThat(mailer.sent).hasSize(1);
        f.access.disable("ann@example.org");
        assertThat(f.resets.rows.values()).allMatch(r -> r.usedAt() != null);
        f.passwordResets.requestByEmail("ann@example.org", ADDRESS);
        assertThat(mailer.sent).as("answered like an unknown address").hasSize(1);
    }
}
