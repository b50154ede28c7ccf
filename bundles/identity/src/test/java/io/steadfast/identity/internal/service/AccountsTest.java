package io.steadfast.identity.internal.service;

import static io.steadfast.identity.internal.service.Fixture.ADDRESS;
import static io.steadfast.identity.internal.service.Fixture.PASSWORD;
import static io.steadfast.identity.internal.service.Fixture.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.steadfast.api.account.UserProfile.Alerts;
import io.steadfast.api.auth.AuthenticatedUser;
import io.steadfast.api.error.ConflictException;
import io.steadfast.api.error.FieldError;
import io.steadfast.api.error.ForbiddenException;
import io.steadfast.api.error.NotAuthenticatedException;
import io.steadfast.api.error.TooManyAttemptsException;
import io.steadfast.api.error.ValidationException;
import io.steadfast.identity.internal.domain.Account;
import io.steadfast.identity.internal.domain.AlertsChange;
import io.steadfast.identity.internal.domain.ProfileChange;
import io.steadfast.identity.internal.domain.Registration;
import io.steadfast.identity.internal.domain.Session;
import io.steadfast.identity.internal.store.UserRow;

class AccountsTest {

    final Fixture f = new Fixture();

    @Test
    void theFirstAccountIsTheAdminAndEveryLaterOneAUserWithDefaults() {
        Session first = f.accounts.register(
                new Registration(" Ann@Example.org ", PASSWORD, " Ann ", "Pacific/Auckland"), ADDRESS);
        assertThat(first.account().role()).isEqualTo(AuthenticatedUser.ROLE_ADMIN);
        assertThat(first.account().email()).isEqualTo("Ann@Example.org");
        assertThat(first.account().displayName()).isEqualTo("Ann");
        assertThat(first.account().timezone()).isEqualTo("Pacific/Auckland");
        assertThat(first.account().createdAt()).isEqualTo(T0);
        assertThat(first.secret()).startsWith("sfs_");
        assertThat(first.expiresAt()).isEqualTo(T0.plus(Duration.ofDays(30)));

        Account bob = f.register("bob@example.org").account();
        assertThat(bob)
                .isEqualTo(new Account(
                        bob.id(),
                        "bob@example.org",
                        "bob",
                        "UTC",
                        "MONDAY",
                        0,
                        AuthenticatedUser.ROLE_USER,
                        T0,
                        Alerts.NONE));
        assertThat(f.users.find(bob.id()).orElseThrow().passwordHash()).startsWith("$argon2id$");
        assertThat(f.caller(f.register("cy@example.org").secret()).scopes()).containsExactlyInAnyOrder("read", "write");
    }

    @Test
    void anInvalidRegistrationNamesEveryField() {
        assertThatThrownBy(() ->
                        f.accounts.register(new Registration("not-an-email", "short", " ", "Mars/Olympus"), ADDRESS))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field)
                        .containsExactly("email", "timezone", "password"));
        assertThatThrownBy(() -> f.accounts.register(new Registration(null, PASSWORD, null, null), ADDRESS))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                        .as("only the real problem: the optional display name is not reported")
                        .containsExactly(new FieldError("email", "is required")));
        for (String host : new String[] {
            "ann@127.0.0.1:8080",
            "ann@[10.0.0.1]",
            "ann@localhost",
            "ann@example.",
            "ann@exa_mple.org",
            "ann@-example.org"
        }) {
            assertThatThrownBy(() -> f.accounts.register(new Registration(host, PASSWORD, null, null), ADDRESS))
                    .as(host)
                    .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                            .extracting(FieldError::field)
                            .containsExactly("email"));
        }
        for (String ok : new String[] {"jörg@bücher.example", "a.b+c@mail.example.co.uk", "x@xn--bcher-kva.example"}) {
            assertThat(Accounts.EMAIL.matcher(ok).matches()).as(ok).isTrue();
        }
        assertThatThrownBy(() ->
                        f.accounts.register(new Registration("ann@example.org", "password123", null, null), ADDRESS))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field)
                        .containsExactly("password"));
        assertThat(f.users.rows).isEmpty();
        assertThat(f.counters.current("register:ip:" + ADDRESS))
                .as("invalid ones are not counted")
                .isZero();
    }

    @Test
    void anEmailIsTakenWhateverItsCase() {
        f.register("ann@example.org");
        assertThatThrownBy(() -> f.register(" ANN@example.ORG"))
                .isInstanceOf(ConflictException.class)
                .hasMessage("An account with this email already exists");
        assertThat(f.users.count()).isEqualTo(1);
    }

    @Test
    void theLoserOfARaceForAnEmailGetsTheSameConflict() {
        InMemoryStores.UserTable racing = new InMemoryStores.UserTable() {
            @Override
            public Optional<UserRow> findByEmail(String email) {
                return Optional.empty(); // the other registration has not committed yet when this one looks
            }
        };
        Accounts accounts = new Accounts(
                racing,
                f.tokens,
                f.resets,
                f.hasher,
                f.sessions,
                f.throttling,
                f.cache,
                f.directory,
                f.clock,
                f.securityLog,
                Fixture.config(Map.of()));
        accounts.register(new Registration("ann@example.org", PASSWORD, null, null), ADDRESS);
        assertThatThrownBy(() -> accounts.register(new Registration("Ann@example.org", PASSWORD, null, null), ADDRESS))
                .isInstanceOf(ConflictException.class)
                .hasMessage("An account with this email already exists");
    }

    @Test
    void closedRegistrationIsForbidden() {
        Fixture closed = new Fixture(Map.of("registration_open", false));
        assertThatThrownBy(() -> closed.register("ann@example.org"))
                .isInstanceOf(ForbiddenException.class)
                .hasMessage("Registration is closed on this server; ask its administrator");
    }

    @Test
    void registrationsAreLimitedPerAddressAndHour() {
        Fixture limited = new Fixture(Map.of("registration_maxPerAddressPerHour", 2));
        limited.register("a@example.org");
        limited.clock.advance(Duration.ofMinutes(20));
        limited.register("b@example.org");
        assertThatThrownBy(() -> limited.register("c@example.org"))
                .isInstanceOfSatisfying(TooManyAttemptsException.class, e -> {
                    assertThat(e).hasMessage("Too many registrations from this address");
                    assertThat(e.retryAfter()).isEqualTo(Duration.ofMinutes(40));
                });
        assertThat(limited.accounts
                        .register(new Registration("c@example.org", PASSWORD, null, null), "198.51.100.1")
                        .account()
                        .email())
                .as("another address")
                .isEqualTo("c@example.org");
        limited.clock.advance(Duration.ofMinutes(40));
        assertThat(limited.register("d@example.org").account().email())
                .as("the next hour")
                .isNotNull();
    }

    @Test
    void theProfileChangesInTheFieldsGiven() {
        Account ann = f.register("ann@example.org").account();
        f.clock.advance(Duration.ofMinutes(5));
        Account changed = f.accounts.changeProfile(
                ann.id(), new ProfileChange(" Night Owl ", "America/Los_Angeles", "sunday", 4));
        assertThat(changed)
                .isEqualTo(new Account(
                        ann.id(),
                        ann.email(),
                        "Night Owl",
                        "America/Los_Angeles",
                        "SUNDAY",
                        4,
                        ann.role(),
                        ann.createdAt(),
                        Alerts.NONE));
        assertThat(f.accounts.get(ann.id())).isEqualTo(changed);
        assertThat(f.users.find(ann.id()).orElseThrow().updatedAt()).isEqualTo(f.clock.instant());
        Account renamed = f.accounts.changeProfile(ann.id(), new ProfileChange("Ann", null, null, null));
        assertThat(renamed.timezone()).isEqualTo("America/Los_Angeles");
        assertThat(renamed.dayStartsAt()).isEqualTo(4);

        assertThatThrownBy(() -> f.accounts.changeProfile(ann.id(), new ProfileChange("", "Mars/Olympus", "FRIDAY", 7)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field)
                        .containsExactly("displayName", "timezone", "weekStart", "dayStartsAt"));
        assertThat(f.accounts.get(ann.id())).isEqualTo(renamed);
    }

    @Test
    void theAlertsChangeInTheSettingsGivenAndTheOthersStay() {
        Account ann = f.register("ann@example.org").account();
        assertThat(ann.alerts()).isEqualTo(Alerts.NONE);

        Account on = f.accounts.changeProfile(ann.id(), ProfileChange.of(AlertsChange.partnerMissed(true)));
        assertThat(on.alerts()).isEqualTo(new Alerts(true, null));
        Account timed = f.accounts.changeProfile(ann.id(), ProfileChange.of(AlertsChange.streakAtRisk("20:30")));
        assertThat(timed.alerts()).isEqualTo(new Alerts(true, LocalTime.of(20, 30)));
        assertThat(f.accounts.get(ann.id()).alerts()).isEqualTo(timed.alerts());
        assertThat(f.users.find(ann.id()).orElseThrow().alerts()).isEqualTo(timed.alerts());

        Account renamed = f.accounts.changeProfile(ann.id(), new ProfileChange("Ann", null, null, null));
        assertThat(renamed.alerts()).as("a change without notify leaves them").isEqualTo(timed.alerts());
        Account nothing = f.accounts.changeProfile(ann.id(), ProfileChange.of(AlertsChange.NONE));
        assertThat(nothing.alerts()).as("an empty notify too").isEqualTo(timed.alerts());

        Account off = f.accounts.changeProfile(ann.id(), ProfileChange.of(AlertsChange.streakAtRisk(null)));
        assertThat(off.alerts()).as("null turns the time off").isEqualTo(new Alerts(true, null));
        Account both = f.accounts.changeProfile(
                ann.id(),
                new ProfileChange(
                        null, "Asia/Tokyo", null, null, null, null, new AlertsChange(false, true, "06:00", null)));
        assertThat(both.alerts()).isEqualTo(new Alerts(false, LocalTime.of(6, 0)));
        assertThat(both.timezone()).isEqualTo("Asia/Tokyo");

        f.accounts.changeRole("ann@example.org", "user");
        assertThat(f.accounts.get(ann.id()).alerts())
                .as("a role change keeps them")
                .isEqualTo(both.alerts());
        f.accounts.changePassword(ann.id(), null, PASSWORD, "another fine passphrase");
        assertThat(f.accounts.get(ann.id()).alerts())
                .as("a password change too")
                .isEqualTo(both.alerts());
    }

    @Test
    void invalidAlertSettingsAreNamedWithTheOtherInvalidFieldsAndChangeNothing() {
        Account ann = f.register("ann@example.org").account();
        assertThatThrownBy(() -> f.accounts.changeProfile(
                        ann.id(),
                        new ProfileChange(
                                "",
                                null,
                                null,
                                null,
                                null,
                                null,
                                new AlertsChange(true, true, "24:00", List.of("foo")))))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                        .containsExactly(
                                new FieldError("displayName", "must be 1 to 100 characters"),
                                new FieldError("notify.foo", "is not a setting; known: partnerMissed, streakAtRisk"),
                                new FieldError(
                                        "notify.streakAtRisk",
                                        "must be a local time \"HH:mm\" from 00:00 to 23:59, e.g. \"20:30\" (or null: "
                                                + "no such alert)")));
        assertThat(f.accounts.get(ann.id()).alerts()).isEqualTo(Alerts.NONE);
        assertThat(f.accounts.get(ann.id()).displayName()).isEqualTo("ann");
    }

    @Test
    void theEmailChangesWithTheCurrentPasswordLikeARegistrationsEmail() {
        Session s = f.register("ann@example.org");
        UUID ann = s.account().id();
        f.register("bob@example.org");
        String link = f.passwordResets
                .issueLink("ann@example.org")
                .orElseThrow()
                .link()
                .getQuery();
        s = f.sessions.login("ann@example.org", PASSWORD, ADDRESS);
        assertThat(f.caller(s.secret()).email()).as("cached now").isEqualTo("ann@example.org");
        Session current = f.sessions.login("ann@example.org", PASSWORD, ADDRESS);

        assertThatThrownBy(() -> f.accounts.changeProfile(ann, emailChange("ann.new@example.org", null)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                        .containsExactly(new FieldError("currentPassword", "is required to change email")));
        assertThatThrownBy(() -> f.accounts.changeProfile(ann, emailChange("ann.new@example.org", "not it at all")))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                        .containsExactly(new FieldError("currentPassword", "is not your password")));
        assertThatThrownBy(() -> f.accounts.changeProfile(ann, emailChange("ann@127.0.0.1", PASSWORD)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                        .containsExactly(
                                new FieldError("email", "is not a valid email address such as ann@example.org")));
        assertThatThrownBy(() -> f.accounts.changeProfile(ann, new ProfileChange("", null, null, null, "", null)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                        .containsExactly(
                                new FieldError("email", "is required"),
                                new FieldError("currentPassword", "is required to change email"),
                                new FieldError("displayName", "must be 1 to 100 characters")));
        assertThatThrownBy(() -> f.accounts.changeProfile(ann, emailChange(" BOB@example.org", PASSWORD)))
                .isInstanceOf(ConflictException.class)
                .hasMessage("An account with this email already exists");
        assertThat(f.accounts.get(ann).email()).isEqualTo("ann@example.org");

        f.clock.advance(Duration.ofMinutes(1));
        Account changed = f.accounts.changeProfile(
                ann, new ProfileChange("Ann", null, null, null, " Ann.New@Example.org ", PASSWORD));
        assertThat(changed.email()).isEqualTo("Ann.New@Example.org");
        assertThat(changed.displayName()).isEqualTo("Ann");
        assertThat(f.caller(s.secret()).email()).as("the cached principal too").isEqualTo("Ann.New@Example.org");
        assertThat(f.authenticates(current.secret())).as("sessions stay").isTrue();
        assertThat(f.sessions.login("ann.new@example.org", PASSWORD, ADDRESS)).isNotNull();
        assertThatThrownBy(() -> f.sessions.login("ann@example.org", PASSWORD, ADDRESS))
                .isInstanceOf(NotAuthenticatedException.class);
        assertThatThrownBy(() -> f.passwordResets.confirm(link.substring(6), "another fine passphrase", ADDRESS))
                .as("links sent to the old address are cancelled")
                .isInstanceOf(PasswordResets.LinkInvalidException.class);
        assertThat(f.users.find(ann).orElseThrow().updatedAt()).isEqualTo(f.clock.instant());

        assertThat(f.accounts
                        .changeProfile(ann, emailChange("Ann.New@Example.org", null))
                        .email())
                .as("the same email is no change and needs no password")
                .isEqualTo("Ann.New@Example.org");
        assertThat(f.accounts
                        .changeProfile(ann, new ProfileChange(null, "Europe/Berlin", null, null))
                        .email())
                .isEqualTo("Ann.New@Example.org");
        assertThat(f.accounts.emailsStartingWith("ANN", 10)).containsExactly("Ann.New@Example.org");
    }

    static ProfileChange emailChange(String email, String currentPassword) {
        return new ProfileChange(null, null, null, null, email, currentPassword);
    }

    @Test
    void anAccountDeletedMeanwhileIsNotAuthenticated() {
        UUID gone = UUID.randomUUID();
        assertThatThrownBy(() -> f.accounts.get(gone))
                .isInstanceOf(NotAuthenticatedException.class)
                .hasMessage("The account no longer exists");
        assertThatThrownBy(() -> f.accounts.changeProfile(gone, new ProfileChange("x", null, null, null)))
                .isInstanceOf(NotAuthenticatedException.class);
        assertThatThrownBy(() -> f.accounts.changePassword(gone, null, PASSWORD, "another fine passphrase"))
                .isInstanceOf(NotAuthenticatedException.class);
    }

    @Test
    void changingThePasswordRevokesEveryOtherTokenAtOnce() {
        Session here = f.register("ann@example.org");
        UUID ann = here.account().id();
        Session elsewhere = f.sessions.login("ann@example.org", PASSWORD, ADDRESS);
        String pat = f.accessTokens.create(ann, "CI", List.of("read"), null).secret();
        AuthenticatedUser caller = f.caller(here.secret());
        assertThat(f.authenticates(elsewhere.secret())).isTrue();
        assertThat(f.authenticates(pat)).as("cached now").isTrue();

        assertThatThrownBy(() ->
                        f.accounts.changePassword(ann, caller.tokenId(), "nope nope nope", "another fine passphrase"))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                        .containsExactly(new FieldError("currentPassword", "is not your current password")));
        assertThatThrownBy(() -> f.accounts.changePassword(ann, caller.tokenId(), PASSWORD, "qwertyuiop"))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field)
                        .containsExactly("newPassword"));
        assertThat(f.authenticates(elsewhere.secret())).isTrue();

        f.accounts.changePassword(ann, caller.tokenId(), PASSWORD, "another fine passphrase");
        assertThat(f.authenticates(here.secret())).isTrue();
        assertThat(f.authenticates(elsewhere.secret())).isFalse();
        assertThat(f.authenticates(pat)).isFalse();
        assertThat(f.hasher.verify(
                        "another fine passphrase",
                        f.users.find(ann).orElseThrow().passwordHash()))
                .isTrue();
    }

    @Test
    void wrongPasswordsGivenToConfirmAChangeAreThrottledLikeLogins() {
        Fixture limited = new Fixture(Map.of("login_maxFailuresPerAccountAndAddress", 3, "login_windowMinutes", 15));
        Session here = limited.register("ann@example.org");
        UUID ann = here.account().id();
        UUID token = limited.caller(here.secret()).tokenId();
        assertThatThrownBy(() -> limited.accounts.changePassword(ann, token, "guess one", "another fine passphrase"))
                .isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> limited.accounts.delete(ann, "guess two")).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> limited.accounts.changePassword(ann, token, "guess three", "another fine passphrase"))
                .isInstanceOf(ValidationException.class);
        // the fourth is refused before the password is looked at, the right one too
        assertThatThrownBy(() -> limited.accounts.delete(ann, PASSWORD))
                .isInstanceOfSatisfying(TooManyAttemptsException.class, e -> {
                    assertThat(e).hasMessage("Too many wrong passwords; try again later");
                    assertThat(e.retryAfter()).isEqualTo(Duration.ofMinutes(15));
                });
        assertThat(limited.users.find(ann)).as("not deleted").isPresent();
        limited.clock.advance(Duration.ofMinutes(15));
        limited.accounts.changePassword(ann, token, PASSWORD, "another fine passphrase");
        assertThat(limited.hasher.verify(
                        "another fine passphrase",
                        limited.users.find(ann).orElseThrow().passwordHash()))
                .isTrue();
    }

    @Test
    void deletionNeedsThePasswordAndTakesEverythingWithIt() {
        f.contribute("habits", List.of("Read"));
        Session s = f.register("ann@example.org");
        UUID ann = s.account().id();
        String pat = f.accessTokens.create(ann, "CI", List.of("write"), null).secret();
        assertThat(f.authenticates(pat)).isTrue();

        assertThatThrownBy(() -> f.accounts.delete(ann, "not it at all"))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                        .containsExactly(new FieldError("password", "is not your password")));
        assertThatThrownBy(() -> f.accounts.delete(ann, null))
                .isInstanceOfSatisfying(
                        ValidationException.class,
                        e -> assertThat(e.errors().get(0).message()).startsWith("is required"));
        assertThat(f.log).isEmpty();

        f.accounts.delete(ann, PASSWORD);
        assertThat(f.log).containsExactly("habits deleted " + ann);
        assertThat(f.users.find(ann)).isEmpty();
        assertThat(f.tokens.rows.values())
                .allSatisfy(t -> assertThat(t.revokedAt()).isEqualTo(T0));
        assertThat(f.authenticates(s.secret())).isFalse();
        assertThat(f.authenticates(pat)).isFalse();
        assertThat(f.register("ann@example.org").account().id())
                .as("the email is free again")
                .isNotEqualTo(ann);
    }

    @Test
    void administratorsListAccountsOldestFirst() {
        Account a = f.register("a@example.org").account();
        f.clock.advance(Duration.ofSeconds(1));
        Account b = f.register("b@example.org").account();
        f.clock.advance(Duration.ofSeconds(1));
        Account c = f.register("c@example.org").account();
        assertThat(f.accounts.list(0, 10)).containsExactly(a, b, c);
        assertThat(f.accounts.list(1, 1)).containsExactly(b);
        assertThat(f.accounts.count()).isEqualTo(3);
    }

    @Test
    void aRoleChangeAppliesToTheNextRequestOfEveryToken() {
        f.register("admin@example.org");
        Session s = f.register("ann@example.org");
        String pat = f.accessTokens
                .create(s.account().id(), "CI", List.of("read"), null)
                .secret();
        assertThat(f.caller(s.secret()).role()).isEqualTo(AuthenticatedUser.ROLE_USER);
        assertThat(f.caller(pat).role()).isEqualTo(AuthenticatedUser.ROLE_USER);

        assertThat(f.accounts.changeRole("ANN@example.org", "admin"))
                .map(Account::role)
                .contains("admin");
        assertThat(f.caller(s.secret()).role()).isEqualTo(AuthenticatedUser.ROLE_ADMIN);
        assertThat(f.caller(pat).role()).isEqualTo(AuthenticatedUser.ROLE_ADMIN);
        assertThat(f.accounts.get(s.account().id()).role()).isEqualTo(AuthenticatedUser.ROLE_ADMIN);

        assertThat(f.accounts.changeRole("nobody@example.org", "user")).isEmpty();
        assertThatThrownBy(() -> f.accounts.changeRole("ann@example.org", "root"))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                        .containsExactly(new FieldError("role", "must be user or admin")));
    }
}
