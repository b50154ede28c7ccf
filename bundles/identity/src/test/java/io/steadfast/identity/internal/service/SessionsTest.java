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
import io.steadfast.api.error.LimitReachedException;
import io.steadfast.api.error.NotAuthenticatedException;
import io.steadfast.api.error.NotFoundException;
import io.steadfast.api.error.TooManyAttemptsException;
import io.steadfast.api.error.ValidationException;
import io.steadfast.api.limit.Limits;
import io.steadfast.identity.internal.TestHashers;
import io.steadfast.identity.internal.domain.Session;
import io.steadfast.identity.internal.domain.SessionInfo;
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
    void repeatedFailuresFromOneAddressLockTheAccountForThatAddressOnly() {
        f.register("ann@example.org");
        f.register("bob@example.org");
        for (int i = 0; i < 5; i++) {
            f.clock.advance(Duration.ofSeconds(30));
            assertThatThrownBy(() -> f.sessions.login("ann@example.org", "wrong wrong wrong", ADDRESS))
                    .isInstanceOf(NotAuthenticatedException.class);
        }
        f.clock.advance(Duration.ofMillis(500));
        assertThatThrownBy(() -> f.sessions.login("ANN@example.org", PASSWORD, ADDRESS))
                .as("from the attacker's address, the right password too")
                .isInstanceOfSatisfying(TooManyAttemptsException.class, e -> {
                    assertThat(e).hasMessage("Too many failed logins; try again later");
                    // the lock began with the fifth failure, 0.5 s ago, and lasts the window: whole seconds
                    assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(14 * 60 + 59));
                });
        assertThat(f.sessions.login("ann@example.org", PASSWORD, "198.51.100.1").secret())
                .as("the owner elsewhere is not locked out")
                .startsWith("sfs_");
        assertThat(f.sessions
                        .login("bob@example.org", PASSWORD, ADDRESS)
                        .account()
                        .email())
                .as("another account from the same address")
                .isEqualTo("bob@example.org");
        f.clock.advance(Duration.ofMinutes(15));
        assertThat(f.sessions.login("ann@example.org", PASSWORD, ADDRESS).secret())
                .as("after the lock")
                .startsWith("sfs_");
    }

    @Test
    void eachNewLockOfThePairLastsTwiceAsLong() {
        f.register("ann@example.org");
        for (int lock = 1; lock <= 3; lock++) {
            for (int i = 0; i < 5; i++) {
                assertThatThrownBy(() -> f.sessions.login("ann@example.org", "wrong wrong wrong", ADDRESS))
                        .isInstanceOf(NotAuthenticatedException.class);
            }
            long minutes = 15L << (lock - 1);
            assertThatThrownBy(() -> f.sessions.login("ann@example.org", PASSWORD, ADDRESS))
                    .isInstanceOfSatisfying(TooManyAttemptsException.class, e -> assertThat(e.retryAfter())
                            .isEqualTo(Duration.ofMinutes(minutes)));
            f.clock.advance(Duration.ofMinutes(minutes));
        }
        assertThat(Throttling.lockFor(Duration.ofMinutes(15), 20, 1440))
                .as("at most the longest lock")
                .isEqualTo(Duration.ofMinutes(1440));
    }

    @Test
    void failuresFromManyAddressesThrottleTheAccountEverywherePastItsCeiling() {
        Fixture strict = new Fixture(Map.of("login_maxFailuresPerAccount", 6));
        strict.register("ann@example.org");
        for (int i = 0; i < 6; i++) {
            String from = "198.51.100." + (10 + i);
            assertThatThrownBy(() -> strict.sessions.login("ann@example.org", "wrong wrong wrong", from))
                    .isInstanceOf(NotAuthenticatedException.class);
        }
        assertThatThrownBy(() -> strict.sessions.login("ann@example.org", PASSWORD, ADDRESS))
                .isInstanceOf(TooManyAttemptsException.class);
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

    @Test
    void theSessionsListSaysWhereEachSignedInAndWhichIsTheCallers() {
        UUID ann = f.register("ann@example.org").account().id();
        f.clock.advance(Duration.ofMinutes(5));
        Session phone =
                f.sessions.login("ann@example.org", PASSWORD, "198.51.100.9", "Phone\u0007 Browser " + "x".repeat(300));
        f.clock.advance(Duration.ofMinutes(5));
        Session laptop = f.sessions.login("ann@example.org", PASSWORD, ADDRESS, "Laptop Browser");
        f.accessTokens.create(ann, "ci", List.of("read"), null);
        AuthenticatedUser onLaptop = f.caller(laptop.secret());
        List<SessionInfo> list = f.sessions.list(ann, onLaptop.tokenId());
        assertThat(list)
                .as("the registration's session and two logins; no personal access token")
                .hasSize(3);
        assertThat(list.get(0).current())
                .as("the most recently used first: the caller's")
                .isTrue();
        assertThat(list.get(0).userAgent()).isEqualTo("Laptop Browser");
        assertThat(list.get(0).clientAddress()).isEqualTo(ADDRESS);
        assertThat(list.get(1).clientAddress()).isEqualTo("198.51.100.9");
        assertThat(list.get(1).userAgent()).as("cut to 200 characters").hasSize(TokenRow.USER_AGENT_MAX);
        assertThat(list.stream().filter(SessionInfo::current)).hasSize(1);
        assertThat(f.authenticates(phone.secret())).isTrue();
    }

    @Test
    void endingASessionStopsItAndAnythingElseIs404() {
        UUID ann = f.register("ann@example.org").account().id();
        Session phone = f.sessions.login("ann@example.org", PASSWORD, ADDRESS, "Phone");
        UUID phoneId = f.caller(phone.secret()).tokenId();
        String pat = f.accessTokens.create(ann, "ci", List.of("read"), null).secret();
        UUID patId = f.caller(pat).tokenId();
        UUID bob = f.register("bob@example.org").account().id();
        assertThatThrownBy(() -> f.sessions.end(bob, phoneId))
                .as("another user's session")
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> f.sessions.end(ann, patId))
                .as("a personal access token is no session")
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> f.sessions.end(ann, UUID.randomUUID())).isInstanceOf(NotFoundException.class);
        assertThat(f.authenticates(phone.secret())).isTrue();
        f.sessions.end(ann, phoneId);
        assertThat(f.authenticates(phone.secret())).isFalse();
        assertThat(f.authenticates(pat)).isTrue();
        assertThatThrownBy(() -> f.sessions.end(ann, phoneId))
                .as("already ended")
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void signingOutEverywhereElseEndsTheOtherSessionsAndMarksTheCredentialsRevoked() {
        Session first = f.register("ann@example.org");
        UUID ann = first.account().id();
        Session phone = f.sessions.login("ann@example.org", PASSWORD, ADDRESS, "Phone");
        Session tablet = f.sessions.login("ann@example.org", PASSWORD, ADDRESS, "Tablet");
        String pat = f.accessTokens.create(ann, "ci", List.of("read"), null).secret();
        assertThat(f.users.credentialsEpoch(ann)).isZero();
        f.clock.advance(Duration.ofMinutes(3));
        AuthenticatedUser me = f.caller(first.secret());
        assertThat(f.sessions.endOthers(ann, me.tokenId())).isEqualTo(2);
        assertThat(f.authenticates(phone.secret())).isFalse();
        assertThat(f.authenticates(tablet.secret())).isFalse();
        assertThat(f.authenticates(first.secret())).as("the caller's stays").isTrue();
        assertThat(f.authenticates(pat)).as("personal access tokens stay").isTrue();
        assertThat(f.users.credentialsEpoch(ann))
                .as("what other bundles keep as credentials (the calendar feed URL) ends too")
                .isEqualTo(1);
        assertThat(f.sessions.list(ann, me.tokenId())).hasSize(1);
    }

    @Test
    void aPasswordChangeMarksTheCredentialsRevoked() {
        Session s = f.register("ann@example.org");
        UUID ann = s.account().id();
        f.clock.advance(Duration.ofMinutes(1));
        f.accounts.changePassword(ann, f.caller(s.secret()).tokenId(), PASSWORD, "another long passphrase");
        assertThat(f.users.credentialsEpoch(ann)).isEqualTo(1);
    }

    @Test
    void pastTheMostOpenSessionsASignInEndsTheLeastRecentlyUsedOne() {
        f.max.put(Limits.SESSIONS, 3);
        Session first = f.register("ann@example.org");
        UUID ann = first.account().id();
        f.clock.advance(Duration.ofMinutes(1));
        Session second = f.sessions.login("ann@example.org", PASSWORD, ADDRESS, "Two");
        f.clock.advance(Duration.ofMinutes(1));
        Session third = f.sessions.login("ann@example.org", PASSWORD, ADDRESS, "Three");
        f.clock.advance(Duration.ofMinutes(10));
        assertThat(f.authenticates(first.secret()))
                .as("used again: now the most recent")
                .isTrue();
        f.clock.advance(Duration.ofMinutes(1));
        Session fourth = f.sessions.login("ann@example.org", PASSWORD, ADDRESS, "Four");
        assertThat(f.authenticates(fourth.secret()))
                .as("signing in always works")
                .isTrue();
        assertThat(f.authenticates(second.secret()))
                .as("the least recently used ended")
                .isFalse();
        assertThat(f.authenticates(third.secret())).isTrue();
        assertThat(f.authenticates(first.secret())).isTrue();
        assertThat(f.sessions.list(ann, null)).hasSize(3);
    }

    @Test
    void aUserHasAtMostTheTokensTheServerAllowsAndRevokingOneMakesRoom() {
        f.max.put(Limits.TOKENS, 2);
        UUID ann = f.register("ann@example.org").account().id();
        f.accessTokens.create(ann, "one", List.of("read"), null);
        UUID two =
                f.accessTokens.create(ann, "two", List.of("read"), null).token().id();
        assertThatThrownBy(() -> f.accessTokens.create(ann, "three", List.of("read"), null))
                .isInstanceOfSatisfying(LimitReachedException.class, e -> assertThat(e.getMessage())
                        .startsWith("You have 2 personal access tokens, the most this server allows"));
        assertThat(f.accessTokens.list(ann)).hasSize(2);
        f.accessTokens.revoke(ann, two);
        assertThat(f.accessTokens
                        .create(ann, "three", List.of("read"), null)
                        .token()
                        .name())
                .isEqualTo("three");
    }

    @Test
    void theSecurityLogRecordsSignInsFailuresAndTheLockAndTheOwnerIsTold() {
        UUID ann = f.register("ann@example.org").account().id();
        for (int i = 0; i < 5; i++) {
            f.clock.advance(Duration.ofSeconds(1));
            assertThatThrownBy(() -> f.sessions.login("ann@example.org", "wrong wrong wrong", ADDRESS))
                    .isInstanceOf(NotAuthenticatedException.class);
        }
        f.clock.advance(Duration.ofSeconds(1));
        f.sessions.login("ann@example.org", PASSWORD, "198.51.100.1");
        assertThat(f.securityEvents.kinds(ann))
                .containsExactly(
                        SecurityLog.SIGNED_UP,
                        SecurityLog.SIGN_IN_FAILED,
                        SecurityLog.SIGN_IN_FAILED,
                        SecurityLog.SIGN_IN_FAILED,
                        SecurityLog.SIGN_IN_FAILED,
                        SecurityLog.SIGN_IN_FAILED,
                        SecurityLog.SIGN_IN_LOCKED,
                        SecurityLog.SIGNED_IN);
        assertThat(f.securityEvents.rows.toString())
                .as("never a secret")
                .doesNotContain("wrong wrong wrong", PASSWORD, "sfs_");
        assertThat(f.queued).hasSize(1);
        assertThat(f.queued.get(0).type())
                .isEqualTo(io.steadfast.api.reminder.spi.ReminderChannel.Message.SECURITY_ALERT);
        assertThat(f.queued.get(0).body()).contains(ADDRESS).contains("paused for 15 minutes");

        SecurityLog.Page first = f.securityLog.page(ann, null, 3);
        assertThat(first.entries())
                .extracting(e -> e.kind())
                .containsExactly(SecurityLog.SIGNED_IN, SecurityLog.SIGN_IN_LOCKED, SecurityLog.SIGN_IN_FAILED);
        SecurityLog.Page second = f.securityLog.page(ann, first.next(), 10);
        assertThat(second.entries()).hasSize(5);
        assertThat(second.next()).as("the end").isNull();
        assertThatThrownBy(() -> f.securityLog.page(ann, "junk", 10)).isInstanceOf(ValidationException.class);
        assertThat(f.securityLog
                        .page(f.register("bob@example.org").account().id(), null, 10)
                        .entries())
                .as("each account sees its own")
                .extracting(e -> e.kind())
                .containsExactly(SecurityLog.SIGNED_UP);
        f.clock.advance(Duration.ofDays(91));
        assertThat(f.securityLog.clean(f.clock.instant())).as("kept 90 days").isEqualTo(9);
    }
}
