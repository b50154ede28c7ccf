package io.steadfast.identity.internal.service;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.steadfast.api.error.DomainException;
import io.steadfast.api.error.ValidationException;
import io.steadfast.api.link.PublicUrl;
import io.steadfast.api.mail.spi.Mailer;
import io.steadfast.identity.internal.IdentityConfig;
import io.steadfast.identity.internal.PasswordHasher;
import io.steadfast.identity.internal.PasswordPolicy;
import io.steadfast.identity.internal.Tokens;
import io.steadfast.identity.internal.domain.ResetLink;
import io.steadfast.identity.internal.store.ResetRow;
import io.steadfast.identity.internal.store.ResetStore;
import io.steadfast.identity.internal.store.TokenStore;
import io.steadfast.identity.internal.store.UserRow;
import io.steadfast.identity.internal.store.UserStore;

/**
 * Password reset. An administrator (shell) either issues a single-use link or sets a temporary password that must be
 * changed at the next sign-in; both revoke every token of the account. Anyone can ask for a link by e-mail when a
 * {@link Mailer} is registered: the answer is the same for known and unknown emails. A link is a random secret
 * (256 bits, only its SHA-256 stored) valid for {@link #LINK_TTL} on the platform's clock; using it sets the
 * password (the registration's rules), revokes every token of the account and cancels its other open links.
 */
@Component(
        service = PasswordResets.class,
        configurationPid = IdentityConfig.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
public class PasswordResets {

    /** How long a reset link works. */
    public static final Duration LINK_TTL = Duration.ofHours(1);

    /** The path of the web app's page that a link opens. */
    static final String PAGE = "/reset-password";

    static final String LINK_INVALID = "this reset link was already used or has expired";
    static final String NO_MAILER =
            "password reset by e-mail is not configured on this server; " + "ask your administrator to reset it";

    private static final Logger LOG = LoggerFactory.getLogger(PasswordResets.class);
    private static final SecureRandom RANDOM = new SecureRandom();
    /** Letters and digits that cannot be mistaken for each other when read aloud or copied by hand. */
    private static final String ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";

    /** A reset link that was used, cancelled, had expired or never existed: answered 410 by the resource. */
    public static final class LinkInvalidException extends DomainException {
        private static final long serialVersionUID = 1L;

        LinkInvalidException() {
            super(LINK_INVALID);
        }
    }

    /** No {@link Mailer} is registered: answered 503 by the resource. */
    public static final class MailNotConfiguredException extends DomainException {
        private static final long serialVersionUID = 1L;

        MailNotConfiguredException() {
            super(NO_MAILER);
        }
    }

    private final UserStore users;
    private final TokenStore tokens;
    private final ResetStore resets;
    private final PasswordHasher hasher;
    private final PasswordPolicy policy = new PasswordPolicy();
    private final Throttling throttling;
    private final PrincipalCache cache;
    private final Clock clock;
    private final PublicUrl publicUrl;
    private final SecurityLog log;
    private volatile IdentityConfig config;

    @Reference(
            cardinality = ReferenceCardinality.OPTIONAL,
            policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile Mailer mailer;

    @Activate
    public PasswordResets(
            @Reference UserStore users,
            @Reference TokenStore tokens,
            @Reference ResetStore resets,
            @Reference PasswordHasher hasher,
            @Reference Throttling throttling,
            @Reference PrincipalCache cache,
            @Reference Clock clock,
            @Reference PublicUrl publicUrl,
            @Reference SecurityLog log,
            IdentityConfig config) {
        this.log = log;
        this.users = users;
        this.tokens = tokens;
        this.resets = resets;
        this.hasher = hasher;
        this.throttling = throttling;
        this.cache = cache;
        this.clock = clock;
        this.config = config;
        this.publicUrl = publicUrl;
    }

    @Modified
    void modified(IdentityConfig c) {
        this.config = c;
    }

    /**
     * For an administrator: a new single-use link for the account with this email, and every token of the account
     * revoked; empty when there is no such account.
     */
    public Optional<ResetLink> issueLink(String email) {
        return users.findByEmail(email).map(u -> {
            revokeAll(u);
            ResetLink link = newLink(u);
            log.record(u.id(), SecurityLog.RESET_LINK_ISSUED, "by an administrator; every session and token ended");
            LOG.info("Account {}: a reset link was issued by an administrator; every token revoked", u.id());
            return link;
        });
    }

    /**
     * For an administrator: a random temporary password for the account with this email (the only time it is
     * shown), which must be changed at the next sign-in; every token of the account revoked and its open links
     * cancelled. Empty when there is no such account.
     */
    public Optional<String> setTemporaryPassword(String email) {
        return users.findByEmail(email).map(u -> {
            String password = temporaryPassword();
            users.updatePassword(u.id(), hasher.hash(password), true, clock.instant());
            revokeAll(u);
            resets.cancelAll(u.id(), clock.instant());
            log.record(
                    u.id(), SecurityLog.TEMPORARY_PASSWORD_SET, "by an administrator; every session and token ended");
            LOG.info("Account {}: a temporary password was set by an administrator; every token revoked", u.id());
            return password;
        });
    }

    /** Whether links can be sent by e-mail (a {@link Mailer} is registered). */
    public boolean mailConfigured() {
        return mailer != null;
    }

    /**
     * Anyone: sends a link to the account with this email, if there is one. Known and unknown emails are answered
     * alike (no exception either way; beyond the hourly limit per account nothing more is sent, silently); 503 (a
     * {@link MailNotConfiguredException}) without a {@link Mailer}, 429 beyond the limit per client address.
     */
    public void requestByEmail(String email, String clientAddress) {
        String mail = email == null ? null : email.trim();
        Accounts.emailProblem(mail).ifPresent(m -> {
            throw new ValidationException("email", m);
        });
        Mailer m = mailer;
        if (m == null) {
            throw new MailNotConfiguredException();
        }
        boolean mayMail = throttling.passwordResetRequested(UserRow.normalize(mail), clientAddress);
        Optional<UserRow> user = users.findByEmail(mail);
        if (user.isEmpty() || !mayMail || user.get().disabled()) {
            // the same work a known account costs, but the write and the hand-over to the mailer (a disabled
            // account gets no link: it could not sign in with the new password)
            Tokens.hash(Tokens.newResetSecret());
            return;
        }
        UserRow u = user.get();
        ResetLink link = newLink(u);
        try {
            m.send(new Mailer.Mail(u.email(), "Reset your Steadfast password", mailText(u, link)));
            LOG.info("Account {}: a reset link was sent by e-mail", u.id());
        } catch (RuntimeException e) {
            LOG.warn("Account {}: the reset link could not be handed to the mailer: {}", u.id(), e.toString());
        }
    }

    /**
     * Sets a new password with a link's secret: 410 ({@link LinkInvalidException}) when the link was used, cancelled,
     * had expired or never existed; 422 when the password breaks the rules (the link stays usable); throttled per
     * client address like failed logins. Revokes every token of the account and cancels its other links.
     */
    public void confirm(String token, String newPassword, String clientAddress) {
        throttling.checkResetConfirm(clientAddress);
        if (token == null || token.isBlank()) {
            throw new ValidationException("token", "is required: the token of the reset link");
        }
        Instant now = clock.instant();
        Optional<ResetRow> reset =
                Tokens.wellFormedReset(token.trim()) ? resets.findByHash(Tokens.hash(token.trim())) : Optional.empty();
        Optional<UserRow> user = reset.filter(r -> r.usableAt(now)).flatMap(r -> users.find(r.userId()));
        if (user.isEmpty()) {
            throttling.resetConfirmFailed(clientAddress);
            throw new LinkInvalidException();
        }
        UserRow u = user.get();
        policy.check(newPassword, u.email(), u.displayName()).ifPresent(m -> {
            throw new ValidationException("newPassword", m);
        });
        String hash = hasher.hash(newPassword);
        if (!resets.use(reset.get().id(), clock.instant())) {
            throttling.resetConfirmFailed(clientAddress);
            throw new LinkInvalidException();
        }
        users.updatePassword(u.id(), hash, false, clock.instant());
        revokeAll(u);
        resets.cancelAll(u.id(), clock.instant());
        log.record(u.id(), SecurityLog.PASSWORD_RESET, "with a reset link; every session and token ended");
        LOG.info("Account {}: the password was reset with a link; every token revoked", u.id());
    }

    private ResetLink newLink(UserRow u) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Instant expires = now.plus(LINK_TTL);
        String secret = Tokens.newResetSecret();
        resets.create(new ResetRow(UUID.randomUUID(), u.id(), Tokens.hash(secret), now, expires, null));
        return new ResetLink(u.email(), publicUrl.resolve(PAGE + "?token=" + secret), expires);
    }

    private void revokeAll(UserRow u) {
        Instant now = clock.instant();
        tokens.revokeAll(u.id(), null, now).forEach(cache::evict);
        users.credentialsRevoked(u.id());
    }

    static String mailText(UserRow u, ResetLink link) {
        String until = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT)
                .format(link.expiresAt().atOffset(java.time.ZoneOffset.UTC));
        return String.join(
                "\n",
                List.of(
                        "Hello " + u.displayName() + ",",
                        "",
                        "someone (hopefully you) asked to reset the password of your Steadfast account " + u.email()
                                + ".",
                        "Open this link to choose a new one. It works once, until " + until + ":",
                        "",
                        link.link().toString(),
                        "",
                        "If you did not ask for this, ignore this message: your password stays as it is."));
    }

    /** Four groups of five letters and digits (about 99 bits), e.g. {@code k7mwq-2bxrt-...}. */
    static String temporaryPassword() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            if (i > 0 && i % 5 == 0) {
                sb.append('-');
            }
            sb.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return sb.toString();
    }
}
