package io.steadfast.identity.internal.service;

import static io.steadfast.identity.internal.service.Fixture.T0;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.steadfast.api.auth.AuthenticatedUser;
import io.steadfast.identity.internal.Tokens;
import io.steadfast.identity.internal.domain.Session;
import io.steadfast.identity.internal.store.TokenRow;

class TokenAuthenticatorTest {

    final Fixture f = new Fixture(Map.of("session_ttlDays", 10, "token_cacheSeconds", 60));
    final Session ann = f.register("ann@example.org");
    final UUID annId = ann.account().id();

    TokenRow row(String secret) {
        return f.tokens.findByHash(Tokens.hash(secret)).orElseThrow();
    }

    @Test
    void aSessionSecretStandsForItsAccount() {
        AuthenticatedUser u = f.caller(ann.secret());
        assertThat(u.userId()).isEqualTo(annId);
        assertThat(u.email()).isEqualTo("ann@example.org");
        assertThat(u.role()).isEqualTo(AuthenticatedUser.ROLE_ADMIN);
        assertThat(u.tokenKind()).isEqualTo("session");
        assertThat(u.tokenId()).isEqualTo(row(ann.secret()).id());
        assertThat(u.scopes()).containsExactlyInAnyOrder("read", "write");
    }

    @Test
    void malformedAndUnknownSecretsStandForNobody() {
        assertThat(f.authenticator.authenticate(null)).isEmpty();
        assertThat(f.authenticator.authenticate("Bearer " + ann.secret())).isEmpty();
        assertThat(f.authenticator.authenticate("sfs_" + "x".repeat(43))).isEmpty();
        assertThat(f.authenticator.authenticate(Tokens.newSecret(Tokens.PAT))).isEmpty();
        assertThat(f.kv.entries).isEmpty();
    }

    @Test
    void eachUseOfASessionMovesItsExpiry() {
        f.clock.advance(Duration.ofDays(9));
        Instant firstUse = f.clock.instant();
        assertThat(f.caller(ann.secret()).expiresAt()).isEqualTo(firstUse.plus(Duration.ofDays(10)));
        assertThat(row(ann.secret()).lastUsedAt()).isEqualTo(firstUse);
        assertThat(row(ann.secret()).expiresAt()).isEqualTo(firstUse.plus(Duration.ofDays(10)));

        f.clock.advance(Duration.ofDays(9));
        Instant secondUse = f.clock.instant();
        assertThat(f.caller(ann.secret()).expiresAt())
                .as("18 days after login")
                .isEqualTo(secondUse.plus(Duration.ofDays(10)));
        f.clock.advance(Duration.ofDays(10));
        assertThat(f.authenticates(ann.secret())).as("unused for its lifetime").isFalse();
    }

    @Test
    void anAccessTokenKeepsItsExpiry() {
        Instant expiry = T0.plus(Duration.ofDays(2));
        String pat = f.accessTokens.create(annId, "CI", List.of("read"), expiry).secret();
        f.clock.advance(Duration.ofDays(1));
        assertThat(f.caller(pat).expiresAt()).isEqualTo(expiry);
        assertThat(row(pat).lastUsedAt()).isEqualTo(f.clock.instant());
        assertThat(row(pat).expiresAt()).isEqualTo(expiry);
        f.clock.advance(Duration.ofDays(1));
        assertThat(f.authenticates(pat)).isFalse();
        String forever =
                f.accessTokens.create(annId, "forever", List.of("read"), null).secret();
        f.clock.advance(Duration.ofDays(10_000));
        assertThat(f.caller(forever).expiresAt()).isNull();
    }

    @Test
    void aLookUpIsCachedForTheConfiguredSeconds() {
        f.caller(ann.secret());
        String key = "auth:" + Tokens.hash(ann.secret());
        assertThat(f.kv.entries.get(key).ttl()).isEqualTo(Duration.ofSeconds(60));
        f.tokens.rows.clear();
        f.clock.advance(Duration.ofSeconds(59));
        assertThat(f.caller(ann.secret()).userId())
                .as("from the cache, no query")
                .isEqualTo(annId);
        f.clock.advance(Duration.ofSeconds(1));
        assertThat(f.authenticates(ann.secret())).as("the entry expired").isFalse();
    }

    @Test
    void aCachedPrincipalNeverOutlivesItsToken() {
        String pat = f.accessTokens
                .create(annId, "brief", List.of("read"), T0.plusSeconds(20))
                .secret();
        f.caller(pat);
        String key = "auth:" + Tokens.hash(pat);
        assertThat(f.kv.entries.get(key).ttl()).isEqualTo(Duration.ofSeconds(20));

        // a cache that keeps entries longer than asked (or a clock that jumped) still does not let it through
        f.kv.put(key, f.kv.entries.get(key).value(), Duration.ofHours(1));
        f.clock.advance(Duration.ofSeconds(20));
        assertThat(f.authenticates(pat)).isFalse();
        assertThat(f.kv.entries).doesNotContainKey(key);
    }

    @Test
    void revokedTokensAndDeletedAccountsStandForNobody() {
        String pat = f.accessTokens.create(annId, "CI", List.of("read"), null).secret();
        f.tokens.revoke(annId, row(pat).id(), T0);
        assertThat(f.authenticates(pat)).isFalse();
        f.users.delete(annId);
        assertThat(f.authenticates(ann.secret())).isFalse();
        assertThat(f.kv.entries).isEmpty();
    }
}
