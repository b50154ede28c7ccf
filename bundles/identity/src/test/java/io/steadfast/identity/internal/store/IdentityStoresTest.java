package io.steadfast.identity.internal.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import io.steadfast.api.account.UserProfile.Alerts;
import io.steadfast.storage.DuplicateKeyException;
import io.steadfast.storage.internal.db.TestDatabase;

public class IdentityStoresTest {

    public static UserRow user(String email) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        return new UserRow(
                UUID.randomUUID(),
                email,
                "Ann",
                "$argon2id$x",
                "Europe/Berlin",
                "MONDAY",
                0,
                "user",
                now,
                now,
                false,
                Alerts.NONE);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void usersAreStoredAndFoundByEmailCaseInsensitively(TestDatabase.Kind kind) {
        try (TestDatabase db = TestDatabase.create(kind, IdentityPersistence.UNIT, "identity")) {
            JpaUserStore users = new JpaUserStore(db.jpa(), db.ready());
            UserRow ann = users.create(user("Ann@Example.org "));
            assertThat(ann.email()).isEqualTo("Ann@Example.org");
            assertThat(users.findByEmail("ann@example.ORG")).map(UserRow::id).contains(ann.id());
            assertThatThrownBy(() -> users.create(user("ANN@example.org"))).isInstanceOf(DuplicateKeyException.class);
            UserRow changed = users.updateProfile(new UserRow(
                    ann.id(),
                    ann.email(),
                    "Annie",
                    ann.passwordHash(),
                    "Pacific/Auckland",
                    "SUNDAY",
                    4,
                    "admin",
                    ann.createdAt(),
                    ann.createdAt().plusSeconds(60),
                    false,
                    Alerts.NONE));
            assertThat(changed.displayName()).isEqualTo("Annie");
            assertThat(changed.dayStartsAt()).isEqualTo(4);
            assertThat(changed.createdAt()).isEqualTo(ann.createdAt());
            users.updatePassword(
                    ann.id(), "$argon2id$new", true, ann.createdAt().plusSeconds(120));
            assertThat(users.find(ann.id()).orElseThrow().passwordHash()).isEqualTo("$argon2id$new");
            assertThat(users.find(ann.id()).orElseThrow().passwordChangeRequired())
                    .isTrue();
            users.updatePassword(
                    ann.id(), "$argon2id$newer", false, ann.createdAt().plusSeconds(130));
            assertThat(users.find(ann.id()).orElseThrow().passwordChangeRequired())
                    .isFalse();
            UserRow bob = users.create(user("bob@example.org"));
            assertThat(users.updateEmail(
                            ann.id(), " Ann.New@Example.org ", ann.createdAt().plusSeconds(140)))
                    .map(UserRow::email)
                    .contains("Ann.New@Example.org");
            assertThat(users.findByEmail("ann.new@example.org"))
                    .map(UserRow::id)
                    .contains(ann.id());
            assertThat(users.findByEmail("ann@example.org")).isEmpty();
            assertThatThrownBy(() -> users.updateEmail(bob.id(), "ANN.NEW@example.org", ann.createdAt()))
                    .isInstanceOf(DuplicateKeyException.class);
            assertThat(users.find(bob.id()).orElseThrow().email()).isEqualTo("bob@example.org");
            assertThat(users.emailsStartingWith("ANN", 10)).containsExactly("Ann.New@Example.org");
            assertThat(users.emailsStartingWith("", 10)).containsExactly("Ann.New@Example.org", "bob@example.org");
            assertThat(users.emailsStartingWith("%", 10))
                    .as("LIKE wildcards are literal")
                    .isEmpty();
            users.delete(bob.id());
            assertThat(users.count()).isEqualTo(1);
            assertThat(users.list(0, 10)).hasSize(1);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void theAlertsAreStoredWithTheProfileAndOffForAccountsThatNeverChoseAny(TestDatabase.Kind kind) throws Exception {
        try (TestDatabase db = TestDatabase.create(kind, IdentityPersistence.UNIT, "identity")) {
            JpaUserStore users = new JpaUserStore(db.jpa(), db.ready());
            UserRow ann = users.create(user("ann@example.org"));
            assertThat(ann.alerts()).isEqualTo(Alerts.NONE);
            UserRow bob = users.create(withAlerts(user("bob@example.org"), new Alerts(true, LocalTime.of(7, 0))));
            assertThat(users.find(bob.id()).orElseThrow().alerts()).isEqualTo(new Alerts(true, LocalTime.of(7, 0)));

            Alerts late = new Alerts(false, LocalTime.of(23, 59));
            assertThat(users.updateProfile(withAlerts(ann, late)).alerts()).isEqualTo(late);
            assertThat(users.find(ann.id()).orElseThrow().alerts()).isEqualTo(late);
            assertThat(users.findByEmail("ANN@example.org").orElseThrow().alerts())
                    .isEqualTo(late);
            Alerts midnight = new Alerts(true, LocalTime.MIDNIGHT);
            users.updateProfile(withAlerts(ann, midnight));
            assertThat(users.find(ann.id()).orElseThrow().alerts()).isEqualTo(midnight);
            users.updateProfile(withAlerts(ann, new Alerts(true, null)));
            assertThat(users.find(ann.id()).orElseThrow().alerts()).isEqualTo(new Alerts(true, null));
            try (Connection c = db.connection();
                    Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT alert_partner_missed, alert_streak_at_risk FROM app_user "
                            + "WHERE id = '" + bob.id() + "'")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getBoolean(1)).isTrue();
                assertThat(rs.getString(2)).as("stored as HH:mm").isEqualTo("07:00");
            }

            users.updatePassword(
                    ann.id(), "$argon2id$new", false, ann.createdAt().plusSeconds(10));
            users.updateEmail(ann.id(), "ann.new@example.org", ann.createdAt().plusSeconds(20));
            assertThat(users.find(ann.id()).orElseThrow().alerts())
                    .as("a password or email change keeps them")
                    .isEqualTo(new Alerts(true, null));
            assertThat(users.list(0, 10)).extracting(UserRow::alerts).contains(new Alerts(true, LocalTime.of(7, 0)));

            UUID old = UUID.randomUUID();
            try (Connection c = db.connection();
                    Statement s = c.createStatement()) {
                // a row as the bundle wrote it before the alerts existed (and as other bundles' tests write one)
                s.executeUpdate("INSERT INTO app_user (id, email, email_normalized, display_name, password_hash, "
                        + "timezone, week_start, day_starts_at, role, created_at, updated_at) VALUES ('" + old
                        + "', 'old@example.org', 'old@example.org', 'Old', 'x', 'UTC', 'MONDAY', 0, 'user', "
                        + "CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)");
            }
            assertThat(users.find(old).orElseThrow().alerts()).isEqualTo(Alerts.NONE);
        }
    }

    static UserRow withAlerts(UserRow u, Alerts alerts) {
        return new UserRow(
                u.id(),
                u.email(),
                u.displayName(),
                u.passwordHash(),
                u.timezone(),
                u.weekStart(),
                u.dayStartsAt(),
                u.role(),
                u.createdAt(),
                u.updatedAt(),
                u.passwordChangeRequired(),
                alerts);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void exactlyOneOfTwoConcurrentRegistrationsWins(TestDatabase.Kind kind) throws Exception {
        try (TestDatabase db = TestDatabase.create(kind, IdentityPersistence.UNIT, "identity")) {
            JpaUserStore users = new JpaUserStore(db.jpa(), db.ready());
            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
                for (int round = 0; round < 5; round++) {
                    String email = "race" + round + "@example.org";
                    CountDownLatch go = new CountDownLatch(1);
                    List<Future<Boolean>> results = new ArrayList<>();
                    for (int i = 0; i < 4; i++) {
                        results.add(pool.submit(() -> {
                            go.await();
                            try {
                                users.create(user(email));
                                return true;
                            } catch (DuplicateKeyException e) {
                                return false;
                            }
                        }));
                    }
                    go.countDown();
                    int won = 0;
                    for (Future<Boolean> f : results) {
                        won += f.get(30, TimeUnit.SECONDS) ? 1 : 0;
                    }
                    assertThat(won).as("winners for " + email).isEqualTo(1);
                }
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void tokensAreFoundByHashRevokedAndDeletedWithTheirUser(TestDatabase.Kind kind) {
        try (TestDatabase db = TestDatabase.create(kind, IdentityPersistence.UNIT, "identity")) {
            JpaUserStore users = new JpaUserStore(db.jpa(), db.ready());
            JpaTokenStore tokens = new JpaTokenStore(db.jpa(), db.ready());
            UserRow ann = users.create(user("ann@example.org"));
            UserRow bob = users.create(user("bob@example.org"));
            Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
            TokenRow session = tokens.create(new TokenRow(
                    UUID.randomUUID(),
                    ann.id(),
                    "session",
                    null,
                    "a".repeat(64),
                    Set.of("read", "write"),
                    now,
                    now,
                    now.plus(30, ChronoUnit.DAYS),
                    null));
            TokenRow pat = tokens.create(new TokenRow(
                    UUID.randomUUID(), ann.id(), "pat", "CI", "b".repeat(64), Set.of("read"), now, null, null, null));
            assertThat(tokens.findByHash("a".repeat(64)).orElseThrow().scopes())
                    .containsExactlyInAnyOrder("read", "write");
            assertThat(tokens.listActive(ann.id(), "pat"))
                    .extracting(TokenRow::name)
                    .containsExactly("CI");
            assertThat(tokens.revoke(bob.id(), pat.id(), now))
                    .as("another user's token")
                    .isEmpty();
            assertThat(tokens.revoke(ann.id(), pat.id(), now)).isPresent();
            assertThat(tokens.findByHash("b".repeat(64)).orElseThrow().usableAt(now))
                    .isFalse();
            Instant later = now.plus(1, ChronoUnit.HOURS);
            tokens.touch(session.id(), later, later.plus(30, ChronoUnit.DAYS));
            assertThat(tokens.findByHash("a".repeat(64)).orElseThrow().expiresAt())
                    .isEqualTo(later.plus(30, ChronoUnit.DAYS));
            tokens.create(new TokenRow(
                    UUID.randomUUID(),
                    ann.id(),
                    "session",
                    null,
                    "c".repeat(64),
                    Set.of("read", "write"),
                    now,
                    now,
                    now.plus(1, ChronoUnit.DAYS),
                    null));
            assertThat(tokens.revokeAll(ann.id(), session.id(), now)).hasSize(1);
            assertThat(tokens.findByHash("a".repeat(64)).orElseThrow().revokedAt())
                    .isNull();
            assertThat(users.delete(ann.id())).isTrue();
            assertThat(tokens.findByHash("a".repeat(64))).isEmpty();
            assertThat(users.find(bob.id())).isPresent();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void sessionsKeepWhereTheyWereMadeAndEndWithoutThePersonalAccessTokens(TestDatabase.Kind kind) {
        try (TestDatabase db = TestDatabase.create(kind, IdentityPersistence.UNIT, "identity")) {
            JpaUserStore users = new JpaUserStore(db.jpa(), db.ready());
            JpaTokenStore tokens = new JpaTokenStore(db.jpa(), db.ready());
            UserRow ann = users.create(user("ann@example.org"));
            Instant now = Instant.parse("2027-05-01T08:00:00.250Z");
            Set<String> rw = Set.of("read", "write");
            TokenRow phone = tokens.create(new TokenRow(
                    UUID.randomUUID(),
                    ann.id(),
                    "session",
                    null,
                    "d".repeat(64),
                    rw,
                    now,
                    now,
                    now.plus(30, ChronoUnit.DAYS),
                    null,
                    "Firefox on Android",
                    "2001:db8::7"));
            TokenRow laptop = tokens.create(new TokenRow(
                    UUID.randomUUID(),
                    ann.id(),
                    "session",
                    null,
                    "e".repeat(64),
                    rw,
                    now,
                    now,
                    now.plus(30, ChronoUnit.DAYS),
                    null,
                    "u".repeat(250),
                    "203.0.113.7"));
            tokens.create(new TokenRow(
                    UUID.randomUUID(), ann.id(), "pat", "CI", "f".repeat(64), Set.of("read"), now, null, null, null));
            TokenRow stored = tokens.findByHash("d".repeat(64)).orElseThrow();
            assertThat(stored.userAgent()).isEqualTo("Firefox on Android");
            assertThat(stored.clientAddress()).isEqualTo("2001:db8::7");
            assertThat(tokens.findByHash("e".repeat(64)).orElseThrow().userAgent())
                    .hasSize(TokenRow.USER_AGENT_MAX);
            assertThat(tokens.revokeSessions(ann.id(), laptop.id(), now))
                    .extracting(TokenRow::id)
                    .containsExactly(phone.id());
            assertThat(tokens.listActive(ann.id(), "pat")).hasSize(1);
            assertThat(tokens.listActive(ann.id(), "session"))
                    .extracting(TokenRow::id)
                    .containsExactly(laptop.id());
            assertThat(users.credentialsEpoch(ann.id())).isZero();
            users.credentialsRevoked(ann.id());
            users.credentialsRevoked(ann.id());
            assertThat(users.credentialsEpoch(ann.id())).isEqualTo(2);
            assertThat(users.credentialsEpoch(UUID.randomUUID())).isZero();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void aResetLinkIsUsedOnceAndCancelledAndDeletedWithItsUser(TestDatabase.Kind kind) throws Exception {
        try (TestDatabase db = TestDatabase.create(kind, IdentityPersistence.UNIT, "identity")) {
            JpaUserStore users = new JpaUserStore(db.jpa(), db.ready());
            JpaResetStore resets = new JpaResetStore(db.jpa(), db.ready());
            UserRow ann = users.create(user("ann@example.org"));
            Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
            ResetRow link = resets.create(
                    new ResetRow(UUID.randomUUID(), ann.id(), "a".repeat(64), now, now.plusSeconds(3600), null));
            ResetRow other = resets.create(
                    new ResetRow(UUID.randomUUID(), ann.id(), "b".repeat(64), now, now.plusSeconds(3600), null));
            assertThat(resets.findByHash("a".repeat(64))).contains(link);
            assertThat(resets.use(link.id(), now.plusSeconds(3600)))
                    .as("expired")
                    .isFalse();
            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
                CountDownLatch go = new CountDownLatch(1);
                List<Future<Boolean>> uses = new ArrayList<>();
                for (int i = 0; i < 4; i++) {
                    uses.add(pool.submit(() -> {
                        go.await();
                        return resets.use(link.id(), now.plusSeconds(60));
                    }));
                }
                go.countDown();
                int won = 0;
                for (Future<Boolean> f : uses) {
                    won += f.get(30, TimeUnit.SECONDS) ? 1 : 0;
                }
                assertThat(won).as("exactly one use wins").isEqualTo(1);
            } finally {
                pool.shutdownNow();
            }
            assertThat(resets.findByHash("a".repeat(64)).orElseThrow().usedAt()).isEqualTo(now.plusSeconds(60));
            assertThat(resets.cancelAll(ann.id(), now.plusSeconds(70))).isEqualTo(1);
            assertThat(resets.use(other.id(), now.plusSeconds(80)))
                    .as("cancelled")
                    .isFalse();
            assertThat(users.delete(ann.id())).isTrue();
            assertThat(resets.findByHash("b".repeat(64))).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void operatorsFindDisableAndCountAccounts(TestDatabase.Kind kind) {
        try (TestDatabase db = TestDatabase.create(kind, IdentityPersistence.UNIT, "identity")) {
            JpaUserStore users = new JpaUserStore(db.jpa(), db.ready());
            JpaTokenStore tokens = new JpaTokenStore(db.jpa(), db.ready());
            JpaSecurityLogStore log = new JpaSecurityLogStore(db.jpa(), db.ready());
            UserRow ann = users.create(user("Ann.Lee@Example.org"));
            UserRow bob = users.create(user("bob_100%@other.org"));
            assertThat(users.search("ann.LEE", 0, 10)).extracting(UserRow::id).containsExactly(ann.id());
            assertThat(users.search("ANN", 0, 10))
                    .as("the display name of both is Ann")
                    .hasSize(2);
            assertThat(users.search("_100%", 0, 10))
                    .as("no wildcards")
                    .extracting(UserRow::id)
                    .containsExactly(bob.id());
            assertThat(users.search("b_b", 0, 10)).as("_ is no wildcard").isEmpty();
            assertThat(users.countMatching("example.org")).isEqualTo(1);

            Instant at = Instant.parse("2026-03-02T09:30:00.123Z");
            assertThat(users.setDisabled(ann.id(), at).orElseThrow().disabledAt())
                    .isEqualTo(at);
            assertThat(users.find(ann.id()).orElseThrow().disabled()).isTrue();
            UserRow renamed = users.updateProfile(new UserRow(
                    ann.id(),
                    ann.email(),
                    "Annie",
                    ann.passwordHash(),
                    ann.timezone(),
                    ann.weekStart(),
                    ann.dayStartsAt(),
                    ann.role(),
                    ann.createdAt(),
                    at.plusSeconds(1),
                    false,
                    Alerts.NONE));
            assertThat(renamed.disabledAt())
                    .as("a profile change keeps the mark")
                    .isEqualTo(at);
            assertThat(users.setDisabled(ann.id(), null).orElseThrow().disabled())
                    .isFalse();
            assertThat(users.setDisabled(UUID.randomUUID(), at)).isEmpty();

            Instant now = Instant.parse("2026-03-02T10:00:00Z");
            tokens.create(new TokenRow(
                    UUID.randomUUID(),
                    ann.id(),
                    "session",
                    null,
                    "d".repeat(64),
                    Set.of("read"),
                    now,
                    now,
                    now.plus(1, ChronoUnit.DAYS),
                    null));
            tokens.create(new TokenRow(
                    UUID.randomUUID(),
                    ann.id(),
                    "session",
                    null,
                    "e".repeat(64),
                    Set.of("read"),
                    now,
                    now,
                    now.minusSeconds(1),
                    null));
            tokens.create(new TokenRow(
                    UUID.randomUUID(),
                    bob.id(),
                    "pat",
                    "CI",
                    "f".repeat(64),
                    Set.of("read"),
                    now,
                    now.plusSeconds(60),
                    null,
                    null));
            assertThat(tokens.countUsable(List.of("session", "password-change"), now))
                    .as("the expired one does not count, nor the access token")
                    .isEqualTo(1);
            assertThat(tokens.lastUsed(bob.id())).contains(now.plusSeconds(60));
            assertThat(tokens.lastUsed(UUID.randomUUID())).isEmpty();

            log.append(new SecurityEventRow(UUID.randomUUID(), ann.id(), "sign-in", "203.0.113.7", null, null, now));
            log.append(new SecurityEventRow(
                    UUID.randomUUID(), ann.id(), "sign-in", "203.0.113.8", null, null, now.plusSeconds(5)));
            log.append(new SecurityEventRow(
                    UUID.randomUUID(), ann.id(), "sign-out", null, null, null, now.plusSeconds(9)));
            assertThat(log.latest(ann.id(), "sign-in").orElseThrow().clientAddress())
                    .isEqualTo("203.0.113.8");
            assertThat(log.latest(bob.id(), "sign-in")).isEmpty();
        }
    }
}
