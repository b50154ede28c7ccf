package io.steadfast.identity.internal.service;

import static io.steadfast.identity.internal.service.Fixture.ADDRESS;
import static io.steadfast.identity.internal.service.Fixture.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.steadfast.api.auth.AuthenticatedUser;
import io.steadfast.api.error.FieldError;
import io.steadfast.api.error.NotAuthenticatedException;
import io.steadfast.api.error.TooManyAttemptsException;
import io.steadfast.api.error.ValidationException;
import io.steadfast.identity.internal.TestHashers;
import io.steadfast.identity.internal.domain.Session;
import io.steadfast.identity.internal.store.TokenRow;

class SessionsTest {

    final Fixture f = new Fixture(Map.of("session_ttlDays", 7));

    @Test
    void aLoginOpensASessionWhateverTheCaseOfTheEmail() {
        UUID ann = f.register("Ann@Example.org").account().id();
        f.clock.advance(Duration.ofMinutes(1).plusNanos(123_456));
        Session s = f.sessions.login(" ann@example.ORG ", PASSWORD, ADDRESS);
        assertThat(s.account().id()).isEqualTo(ann);
        assertThat(s.account().email()).isEqualTo("Ann@Example.org");
        assertThat(s.secret()).startsWith("sfs_");
        Instant now = Fixture.T0.plus(Duration.ofMinutes(1));
        assertThat(s.expiresAt()).as("whole milliseconds").isEqualTo(now.plus(Duration.ofDays(7)));
        TokenRow row = f.tokens.listActive(ann, "session").get(0);
        assertThat(row.createdAt()).isEqualTo(now);
        assertThat(row.scopes()).containsExactly("read", "write");
        assertThat(row.hash()).isNotEqualTo(s.secret()).hasSize(64);
        assertThat(f.caller(s.secret()).userId()).isEqualTo(ann);
    }

    @Test
    void anUnknownEmailAndAWrongPasswordAreTheSame401() {
        f.register("ann@example.org");
        assertThatThrownBy(() -> f.sessions.login("ann@example.org", "wrong wrong wrong", ADDRESS))
                .isInstanceOf(NotAuthenticatedException.class)
                .hasMessage("Invalid email or password");
        assertThatThrownBy(() -> f.sessions.login("bob@example.org", PASSWORD, ADDRESS))
                .isInstanceOf(NotAuthenticatedException.class)
                .hasMessage("Invalid email or password");
    }

    @Test
    void emailAndPasswordAreRequired() {
        assertThatThrownBy(() -> f.sessions.login(" ", null, ADDRESS))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                        .containsExactly(
                                new FieldError("email", "is required"), new FieldError("password", "is required")));
        assertThatThrownBy(() -> f.sessions.login("ann@example.org", "", ADDRESS))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field)
                        .containsExactly("password"));
        assertThat(f.counters.windows).as("not counted as failures").isEmpty();
    }

    @Test
    void repeatedFailuresThrottleTheAccountEvenWithTheRightPassword() {
        f.register("ann@example.org");
        f.register("bob@example.org");
        for (int i = 0; i < 5; i++) {
            f.clock.advance(Duration.ofSeconds(30));
            assertThatThrownBy(() -> f.sessions.login("ann@example.org", "wrong wrong wrong", ADDRESS))
                    .isInstanceOf(NotAuthenticatedException.class);
        }
        f.clock.advance(Duration.ofMillis(500));
        assertThatThrownBy(() -> f.sessions.login("ANN@example.org", PASSWORD, "198.51.100.1"))
                .isInstanceOfSatisfying(TooManyAttemptsException.class, e -> {
                    assertThat(e).hasMessage("Too many failed logins; try again later");
                    // the window opened with the first failure and has 12m59.5s left: whole seconds, as ever
                    assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(12 * 60 + 59));
                });
        assertThat(f.sessions
                        .login("bob@example.org", PASSWORD, ADDRESS)
                        .account()
                        .email())
                .as("another account from the same address")
                .isEqualTo("bob@example.org");
        f.clock.advance(Duration.ofMinutes(13));
        assertThat(f.sessions.login("ann@example.org", PASSWORD, ADDRESS).secret())
                .as("after the window")
                .startsWith("sfs_");
    }

    @Test
    void repeatedFailuresThrottleTheClientAddress() {
        Fixture strict = new Fixture(Map.of("login_maxFailuresPerAddress", 3));
        strict.register("ann@example.org");
        for (int i = 0; i < 3; i++) {
            String email = "spray" + i + "@example.org";
            assertThatThrownBy(() -> strict.sessions.login(email, "wrong wrong wrong", ADDRESS))
                    .isInstanceOf(NotAuthenticatedException.class);
        }
        assertThatThrownBy(() -> strict.sessions.login("ann@example.org", PASSWORD, ADDRESS))
                .isInstanceOf(TooManyAttemptsException.class);
        assertThat(strict.sessions
                        .login("ann@example.org", PASSWORD, "198.51.100.1")
                        .secret())
                .startsWith("sfs_");
    }

    @Test
    void aSuccessfulLoginClearsTheAccountsFailures() {
        f.register("ann@example.org");
        for (int i = 0; i < 4; i++) {
            assertThatThrownBy(() -> f.sessions.login("ann@example.org", "wrong wrong wrong", ADDRESS))
                    .isInstanceOf(NotAuthenticatedException.class);
        }
        f.sessions.login("ann@example.org", PASSWORD, ADDRESS);
        for (int i = 0; i < 4; i++) {
            assertThatThrownBy(() -> f.sessions.login("ann@example.org", "wrong wrong wrong", ADDRESS))
                    .isInstanceOf(NotAuthenticatedException.class);
        }
        assertThat(f.sessions.login("ann@example.org", PASSWORD, ADDRESS).secret())
                .startsWith("sfs_");
    }

    @Test
    void aLoginReplacesAHashOfWeakerParameters() {
        UUID ann = f.register("ann@example.org").account().id();
        f.users.updatePassword(ann, TestHashers.withMemory(32).hash(PASSWORD), false, Fixture.T0);
        f.clock.advance(Duration.ofHours(1));
        f.sessions.login("ann@example.org", PASSWORD, ADDRESS);
        String rehashed = f.users.find(ann).orElseThrow().passwordHash();
        assertThat(f.hasher.needsRehash(rehashed)).isFalse();
        assertThat(f.hasher.verify(PASSWORD, rehashed)).isTrue();
        assertThat(f.users.find(ann).orElseThrow().updatedAt()).isEqualTo(f.clock.instant());
    }

    @Test
    void logoutRevokesTheTokenOfTheRequestOnly() {
        Session one = f.register("ann@example.org");
        Session two = f.sessions.login("ann@example.org", PASSWORD, ADDRESS);
        AuthenticatedUser caller = f.caller(one.secret());
        f.caller(two.secret());
        f.sessions.logout(caller.userId(), caller.tokenId());
        assertThat(f.authenticates(one.secret())).isFalse();
        assertThat(f.authenticates(two.secret())).isTrue();
        f.sessions.logout(caller.userId(), caller.tokenId());
        f.sessions.logout(UUID.randomUUID(), f.caller(two.secret()).tokenId());
        assertThat(f.authenticates(two.secret())).as("not another user's token").isTrue();
    }

    @Test
    void logoutWithAnAccessTokenRevokesThatToken() {
        UUID ann = f.register("ann@example.org").account().id();
        String pat = f.accessTokens.create(ann, "CLI", List.of("read"), null).secret();
        AuthenticatedUser caller = f.caller(pat);
        f.sessions.logout(caller.userId(), caller.tokenId());
        assertThat(f.authenticates(pat)).isFalse();
    }
}
