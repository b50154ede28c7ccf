package io.steadfast.identity.internal.service;

import static io.steadfast.identity.internal.service.Fixture.ADDRESS;
import static io.steadfast.identity.internal.service.Fixture.PASSWORD;
import static io.steadfast.identity.internal.service.Fixture.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.steadfast.api.auth.AuthenticatedUser;
import io.steadfast.api.error.FieldError;
import io.steadfast.api.error.NotAuthenticatedException;
import io.steadfast.api.error.TooManyAttemptsException;
import io.steadfast.api.error.ValidationException;
import io.steadfast.api.mail.spi.Mailer;
import io.steadfast.identity.internal.Tokens;
import io.steadfast.identity.internal.domain.ResetLink;
import io.steadfast.identity.internal.domain.Session;
import io.steadfast.identity.internal.store.ResetRow;

class PasswordResetsTest {

    static final String NEW_PASSWORD = "a brand new passphrase";

    /** The SPI as an e-mail bundle implements it: here it records what it was given. */
    static final class RecordingMailer implements Mailer {
        final List<Mail> sent = new ArrayList<>();

        @Override
        public void send(Mail mail) {
            sent.add(mail);
        }
    }

    final Fixture f = new Fixture(Map.of("publicUrl", "https://habits.example.org/"));

    /** The secret of a link: its token parameter. */
    static String token(URI link) {
        return link.getQuery().substring("token=".length());
    }

    @Test
    void anAdministratorsLinkWorksOnceForAnHourAndRevokesEveryToken() {
        Session s = f.register("Ann@Example.org");
        UUID ann = s.account().id();
        String pat = f.accessTokens.create(ann, "CI", List.of("read"), null).secret();
        assertThat(f.authenticates(pat)).as("cached now").isTrue();

        ResetLink link = f.passwordResets.issueLink("ann@example.org").orElseThrow();
        assertThat(link.email()).isEqualTo("Ann@Example.org");
        assertThat(link.expiresAt()).isEqualTo(T0.plus(Duration.ofHours(1)));
        assertThat(link.link().toString()).startsWith("https://habits.example.org/reset-password?token=sfr_");
        String token = token(link.link());
        assertThat(token).hasSize(4 + 43);
        ResetRow stored = f.resets.rows.values().iterator().next();
        assertThat(stored.hash()).as("only the hash is stored").isEqualTo(Tokens.hash(token));
        assertThat(f.authenticates(s.secret())).isFalse();
        assertThat(f.authenticates(pat)).isFalse();
        assertThat(f.sessions.login("ann@example.org", PASSWORD, ADDRESS))
                .as("the old password works until the link is used")
                .isNotNull();

        assertThatThrownBy(() -> f.passwordResets.confirm(token, "qwertyuiop", ADDRESS))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field)
                        .containsExactly("newPassword"));
        f.clock.advance(Duration.ofMinutes(59));
        Session before = f.sessions.login("ann@example.org", PASSWORD, ADDRESS);
        f.passwordResets.confirm(token, NEW_PASSWORD, ADDRESS);
        assertThat(f.authenticates(before.secret())).as("every token revoked").isFalse();
        assertThat(f.sessions.login("ann@example.org", NEW_PASSWORD, ADDRESS).passwordChangeRequired())
                .isFalse();
        assertThatThrownBy(() -> f.sessions.login("ann@example.org", PASSWORD, ADDRESS))
                .isInstanceOf(NotAuthenticatedException.class);
        assertThatThrownBy(() -> f.passwordResets.confirm(token, "yet another passphrase", ADDRESS))
                .isInstanceOf(PasswordResets.LinkInvalidException.class)
                .hasMessage("this reset link was already used or has expired");
    }

    @Test
    void aLinkExpiresAfterAnHourAndAnUnknownOrMalformedTokenIsTheSame() {
        f.register("ann@example.org");
        String token = token(
                f.passwordResets.issueLink("ann@example.org").orElseThrow().link());
        f.clock.advance(Duration.ofHours(1));
        for (String t : new String[] {token, Tokens.newResetSecret(), "sfr_short", "sfs_" + token.substring(4)}) {
            assertThatThrownBy(() -> f.passwordResets.confirm(t, NEW_PASSWORD, ADDRESS))
                    .as(t)
                    .isInstanceOf(PasswordResets.LinkInvalidException.class)
                    .hasMessage(PasswordResets.LINK_INVALID);
        }
        assertThatThrownBy(() -> f.passwordResets.confirm(" ", NEW_PASSWORD, ADDRESS))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field)
                        .containsExactly("token"));
        assertThat(f.passwordResets.issueLink("nobody@example.org")).isEmpty();
        assertThat(f.passwordResets.setTemporaryPassword("nobody@example.org")).isEmpty();
    }

    @Test
    void failedConfirmationsAreThrottledPerAddressLikeLogins() {
        Fixture limited = new Fixture(Map.of("login_maxFailuresPerAddress", 3));
        limited.register("ann@example.org");
        String token = token(limited.passwordResets
                .issueLink("ann@example.org")
                .orElseThrow()
                .link());
        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> limited.passwordResets.confirm(Tokens.newResetSecret(), NEW_PASSWORD, ADDRESS))
                    .isInstanceOf(PasswordResets.LinkInvalidException.class);
        }
        assertThatThrownBy(() -> limited.passwordResets.confirm(token, NEW_PASSWORD, ADDRESS))
                .isInstanceOfSatisfying(TooManyAttemptsException.class, e -> {
                    assertThat(e).hasMessage("Too many failed password resets; try again later");
                    assertThat(e.retryAfter()).isEqualTo(Duration.ofMinutes(15));
                });
        limited.passwordResets.confirm(token, NEW_PASSWORD, "198.51.100.1");
    }

    @Test
    void settingAPasswordAnotherWayCancelsOpenLinks() {
        Session s = f.register("ann@example.org");
        String first = token(
                f.passwordResets.issueLink("ann@example.org").orElseThrow().link());
        String second = token(
                f.passwordResets.issueLink("ann@example.org").orElseThrow().link());
        f.passwordResets.confirm(second, NEW_PASSWORD, ADDRESS);
        assertThatThrownBy(() -> f.passwordResets.confirm(first, "yet another passphrase", ADDRESS))
                .isInstanceOf(PasswordResets.LinkInvalidException.class);

        String third = token(
                f.passwordResets.issueLink("ann@example.org").orElseThrow().link());
        Session session = f.sessions.login("ann@example.org", NEW_PASSWORD, ADDRESS);
        f.accounts.changePassword(f.caller(session.secret()), NEW_PASSWORD, "yet another passphrase");
        assertThatThrownBy(() -> f.passwordResets.confirm(third, "one more passphrase", ADDRESS))
                .as("a password change cancels open links")
                .isInstanceOf(PasswordResets.LinkInvalidException.class);
        assertThat(s.account().email()).isEqualTo("ann@example.org");
    }

    @Test
    void aTemporaryPasswordOpensOnlyAPasswordChangeSessionUntilItIsChanged() {
        Session s = f.register("ann@example.org");
        String password =
                f.passwordResets.setTemporaryPassword("ann@example.org").orElseThrow();
        assertThat(password).matches("[a-z2-9]{5}(-[a-z2-9]{5}){3}");
        assertThat(f.authenticates(s.secret())).as("every token revoked").isFalse();
        assertThatThrownBy(() -> f.sessions.login("ann@example.org", PASSWORD, ADDRESS))
                .isInstanceOf(NotAuthenticatedException.class);

        Session restricted = f.sessions.login("ann@example.org", password, ADDRESS);
        assertThat(restricted.passwordChangeRequired()).isTrue();
        assertThat(restricted.secret()).startsWith("sft_");
        assertThat(restricted.expiresAt()).isEqualTo(T0.plus(Duration.ofHours(1)));
        AuthenticatedUser caller = f.caller(restricted.secret());
        assertThat(caller.tokenKind()).isEqualTo(Tokens.PASSWORD_CHANGE);
        assertThat(Tokens.isPasswordChangeSession(restricted.secret())).isTrue();
        f.clock.advance(Duration.ofMinutes(30));
        f.cache.remove(Tokens.hash(restricted.secret()));
        assertThat(f.caller(restricted.secret()).expiresAt())
                .as("it does not slide")
                .isEqualTo(T0.plus(Duration.ofHours(1)));

        assertThatThrownBy(() -> f.accounts.changePassword(caller, password, password))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                        .containsExactly(new FieldError("newPassword", "must differ from your current password")));
        f.accounts.changePassword(caller, password, NEW_PASSWORD);
        assertThat(f.authenticates(restricted.secret()))
                .as("the password change session ends with the change")
                .isFalse();
        Session full = f.sessions.login("ann@example.org", NEW_PASSWORD, ADDRESS);
        assertThat(full.passwordChangeRequired()).isFalse();
        assertThat(full.secret()).startsWith("sfs_");
        assertThat(f.users.find(s.account().id()).orElseThrow().passwordChangeRequired())
                .isFalse();
    }

    @Test
    void withoutAMailerEveryRequestIsAnsweredAlikeThatItIsNotConfigured() {
        f.register("ann@example.org");
        assertThat(f.passwordResets.mailConfigured()).isFalse();
        for (String email : new String[] {"ann@example.org", "nobody@example.org"}) {
            assertThatThrownBy(() -> f.passwordResets.requestByEmail(email, ADDRESS))
                    .isInstanceOf(PasswordResets.MailNotConfiguredException.class)
                    .hasMessage("password reset by e-mail is not configured on this server; "
                            + "ask your administrator to reset it");
        }
        assertThat(f.resets.rows).isEmpty();
        assertThatThrownBy(() -> f.passwordResets.requestByEmail(" ", ADDRESS))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                        .containsExactly(new FieldError("email", "is required")));
    }

    @Test
    void withAMailerAKnownEmailGetsALinkAndAnUnknownOneNothingAnsweredAlike() {
        RecordingMailer mailer = new RecordingMailer();
        f.passwordResets.mailer = mailer;
        Session s = f.register("Ann@Example.org");
        f.passwordResets.requestByEmail("nobody@example.org", ADDRESS);
        assertThat(mailer.sent).isEmpty();
        assertThat(f.resets.rows).isEmpty();

        f.passwordResets.requestByEmail(" ann@EXAMPLE.org ", ADDRESS);
        assertThat(f.authenticates(s.secret()))
                .as("asking for a link revokes nothing: anyone can ask")
                .isTrue();
        assertThat(mailer.sent).hasSize(1);
        Mailer.Mail mail = mailer.sent.get(0);
        assertThat(mail.to()).isEqualTo("Ann@Example.org");
        assertThat(mail.subject()).isEqualTo("Reset your Steadfast password");
        assertThat(mail.text()).contains("until 2026-03-02 10:30 UTC");
        String link = mail.text()
                .lines()
                .filter(l -> l.startsWith("https://"))
                .findFirst()
                .orElseThrow();
        assertThat(link).startsWith("https://habits.example.org/reset-password?token=sfr_");
        f.passwordResets.confirm(token(URI.create(link)), NEW_PASSWORD, ADDRESS);
        assertThat(f.authenticates(s.secret())).isFalse();
        assertThat(f.sessions.login("ann@example.org", NEW_PASSWORD, ADDRESS)).isNotNull();
    }

    @Test
    void requestsAreLimitedPerAccountSilentlyAndPerAddressWith429() {
        Fixture limited =
                new Fixture(Map.of("passwordReset_maxPerAccountPerHour", 2, "passwordReset_maxPerAddressPerHour", 4));
        RecordingMailer mailer = new RecordingMailer();
        limited.passwordResets.mailer = mailer;
        limited.register("ann@example.org");
        for (int i = 0; i < 4; i++) {
            limited.passwordResets.requestByEmail("ann@example.org", ADDRESS);
        }
        assertThat(mailer.sent).as("beyond the account's limit nothing is sent").hasSize(2);
        assertThatThrownBy(() -> limited.passwordResets.requestByEmail("nobody@example.org", ADDRESS))
                .isInstanceOfSatisfying(TooManyAttemptsException.class, e -> assertThat(e.retryAfter())
                        .isEqualTo(Duration.ofHours(1)));
        limited.clock.advance(Duration.ofHours(1));
        limited.passwordResets.requestByEmail("ann@example.org", ADDRESS);
        assertThat(mailer.sent).hasSize(3);
    }

    @Test
    void aMailerThatFailsChangesNothingInTheAnswer() {
        f.passwordResets.mailer = mail -> {
            throw new IllegalStateException("SMTP down");
        };
        f.register("ann@example.org");
        f.passwordResets.requestByEmail("ann@example.org", ADDRESS);
    }
}
