package io.steadfast.identity.internal.service;

import static io.steadfast.identity.internal.service.Fixture.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalInt;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.steadfast.api.error.FieldError;
import io.steadfast.api.error.NotAuthenticatedException;
import io.steadfast.api.error.NotFoundException;
import io.steadfast.api.error.ValidationException;
import io.steadfast.identity.internal.domain.IssuedToken;
import io.steadfast.identity.internal.domain.Session;
import io.steadfast.identity.internal.domain.TokenInfo;

class AccessTokensTest {

    final Fixture f = new Fixture();
    final Session ann = f.register("ann@example.org");
    final UUID annId = ann.account().id();

    @Test
    void aTokenHasItsScopesAndShowsItsSecretOnce() {
        Instant expiry = T0.plus(Duration.ofDays(90)).plusNanos(1_500_000);
        IssuedToken t = f.accessTokens.create(annId, " Home Assistant ", List.of("read"), expiry);
        assertThat(t.secret()).startsWith("sfp_");
        assertThat(t.token())
                .isEqualTo(new TokenInfo(
                        t.token().id(),
                        "Home Assistant",
                        List.of("read"),
                        T0,
                        null,
                        T0.plus(Duration.ofDays(90)).plusMillis(1)));
        assertThat(f.caller(t.secret()).scopes()).containsExactly("read");
        assertThat(f.caller(t.secret()).tokenKind()).isEqualTo("pat");
        assertThat(f.tokens.rows.values()).noneMatch(r -> r.hash().equals(t.secret()));
    }

    @Test
    void writeImpliesRead() {
        IssuedToken t = f.accessTokens.create(annId, "CI", List.of("write", "write"), null);
        assertThat(t.token().scopes()).containsExactly("write", "read");
        assertThat(t.token().expiresAt()).isNull();
        assertThat(f.caller(t.secret()).scopes()).containsExactlyInAnyOrder("read", "write");
    }

    @Test
    void anInvalidRequestNamesEveryField() {
        assertThatThrownBy(() -> f.accessTokens.create(annId, " ", Arrays.asList("admin", null), T0))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                        .containsExactly(
                                new FieldError("name", "must be 1 to 100 characters"),
                                new FieldError("scopes", "unknown scope 'admin'; use read, write"),
                                new FieldError("scopes", "unknown scope 'null'; use read, write"),
                                new FieldError("expiresAt", "must be in the future")));
        assertThatThrownBy(() -> f.accessTokens.create(annId, "x".repeat(101), List.of(), null))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                        .containsExactly(
                                new FieldError("name", "must be 1 to 100 characters"),
                                new FieldError("scopes", "must list at least one of read, write")));
        assertThatThrownBy(() -> f.accessTokens.create(UUID.randomUUID(), "CI", List.of("read"), null))
                .isInstanceOf(NotAuthenticatedException.class);
        assertThat(f.tokens.listActive(annId, "pat")).isEmpty();
    }

    @Test
    void theListHoldsTheTokensThatStillWorkNewestFirst() {
        TokenInfo old =
                f.accessTokens.create(annId, "old", List.of("read"), null).token();
        f.clock.advance(Duration.ofMinutes(1));
        TokenInfo brief = f.accessTokens
                .create(annId, "brief", List.of("read"), T0.plus(Duration.ofHours(1)))
                .token();
        f.clock.advance(Duration.ofMinutes(1));
        TokenInfo revoked =
                f.accessTokens.create(annId, "revoked", List.of("read"), null).token();
        f.accessTokens.create(f.register("bob@example.org").account().id(), "bob's", List.of("read"), null);
        f.accessTokens.revoke(annId, revoked.id());
        assertThat(f.accessTokens.list(annId)).containsExactly(brief, old);
        f.clock.advance(Duration.ofHours(1));
        assertThat(f.accessTokens.list(annId))
                .as("expired, and no session ever")
                .containsExactly(old);
    }

    @Test
    void revokingStopsTheTokenAtOnceAndOnlyTheCallersOwn() {
        IssuedToken t = f.accessTokens.create(annId, "CI", List.of("read"), null);
        assertThat(f.authenticates(t.secret())).isTrue();
        UUID bob = f.register("bob@example.org").account().id();
        assertThatThrownBy(() -> f.accessTokens.revoke(bob, t.token().id()))
                .isInstanceOf(NotFoundException.class)
                .hasMessage("Token not found");
        f.accessTokens.revoke(annId, t.token().id());
        assertThat(f.authenticates(t.secret())).isFalse();
        assertThatThrownBy(() -> f.accessTokens.revoke(annId, t.token().id())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> f.accessTokens.revoke(annId, UUID.randomUUID()))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void operatorsRevokeEveryTokenOfAnAccount() {
        String pat = f.accessTokens.create(annId, "CI", List.of("read"), null).secret();
        assertThat(f.authenticates(ann.secret())).isTrue();
        assertThat(f.authenticates(pat)).isTrue();
        assertThat(f.accessTokens.revokeAll("ANN@example.org")).isEqualTo(OptionalInt.of(2));
        assertThat(f.authenticates(ann.secret())).isFalse();
        assertThat(f.authenticates(pat)).isFalse();
        assertThat(f.accessTokens.revokeAll("ann@example.org")).isEqualTo(OptionalInt.of(0));
        assertThat(f.accessTokens.revokeAll("nobody@example.org")).isEmpty();
    }
}
