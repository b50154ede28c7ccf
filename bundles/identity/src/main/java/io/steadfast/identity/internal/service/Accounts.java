package io.steadfast.identity.internal.service;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.steadfast.api.account.UserDataContributor;
import io.steadfast.api.account.UserProfile.Alerts;
import io.steadfast.api.auth.AuthenticatedUser;
import io.steadfast.api.error.ConflictException;
import io.steadfast.api.error.FieldError;
import io.steadfast.api.error.ForbiddenException;
import io.steadfast.api.error.ValidationException;
import io.steadfast.identity.internal.IdentityConfig;
import io.steadfast.identity.internal.PasswordHasher;
import io.steadfast.identity.internal.PasswordPolicy;
import io.steadfast.identity.internal.Tokens;
import io.steadfast.identity.internal.domain.Account;
import io.steadfast.identity.internal.domain.ProfileChange;
import io.steadfast.identity.internal.domain.Registration;
import io.steadfast.identity.internal.domain.Session;
import io.steadfast.identity.internal.store.ResetStore;
import io.steadfast.identity.internal.store.TokenStore;
import io.steadfast.identity.internal.store.UserRow;
import io.steadfast.identity.internal.store.UserStore;
import io.steadfast.storage.DuplicateKeyException;

/**
 * Accounts: registration (the first account is the server's admin), the caller's profile and email, password change
 * (which revokes the caller's other tokens and cancels open reset links), deletion of the account and everything other bundles store for it, and for
 * administrators the list of accounts and role changes.
 */
@Component(
        service = Accounts.class,
        configurationPid = IdentityConfig.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = IdentityConfig.class)
public class Accounts {

    private static final Logger LOG = LoggerFactory.getLogger(Accounts.class);
    /** A local part, and a host name (labels of letters, digits and hyphens; no IP address, no port). */
    static final Pattern EMAIL = Pattern.compile(
            "^[^@\\s]{1,64}@(?=.{1,253}$)(?:[\\p{L}\\p{N}](?:[\\p{L}\\p{N}-]{0,61}[\\p{L}\\p{N}])?\\.)+\\p{L}[\\p{L}\\p{N}-]{1,62}$");

    private static final String CONFLICT = "An account with this email already exists";

    private final UserStore users;
    private final TokenStore tokens;
    private final ResetStore resets;
    private final PasswordHasher hasher;
    private final PasswordPolicy policy = new PasswordPolicy();
    private final Sessions sessions;
    private final Throttling throttling;
    private final PrincipalCache cache;
    private final AccountDirectory directory;
    private final Clock clock;
    private final SecurityLog log;
    private final List<UserDataContributor> contributors = new CopyOnWriteArrayList<>();
    private volatile IdentityConfig config;

    @Activate
    public Accounts(
            @Reference UserStore users,
            @Reference TokenStore tokens,
            @Reference ResetStore resets,
            @Reference PasswordHasher hasher,
            @Reference Sessions sessions,
            @Reference Throttling throttling,
            @Reference PrincipalCache cache,
            @Reference AccountDirectory directory,
            @Reference Clock clock,
            @Reference SecurityLog log,
            IdentityConfig config) {
        this.log = log;
        this.users = users;
        this.tokens = tokens;
        this.resets = resets;
        this.hasher = hasher;
        this.sessions = sessions;
        this.throttling = throttling;
        this.cache = cache;
        this.directory = directory;
        this.clock = clock;
        this.config = config;
    }

    @Modified
    void modified(IdentityConfig c) {
        this.config = c;
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addContributor(UserDataContributor c) {
        contributors.add(c);
    }

    void removeContributor(UserDataContributor c) {
        contributors.remove(c);
    }

    /** Creates an account and opens its first session; 403 when registration is closed, 409 for a taken email. */
    public Session register(Registration r, String clientAddress) {
        return register(r, clientAddress, null);
    }

    /** {@link #register(Registration, String)} from a client with this user agent (kept with the session). */
    public Session register(Registration r, String clientAddress, String userAgent) {
        if (!config.registration_open()) {
            throw new ForbiddenException("Registration is closed on this server; ask its administrator");
        }
        List<FieldError> errors = new ArrayList<>();
        String mail = r.email() == null ? null : r.email().trim();
        Optional<String> mailProblem = emailProblem(mail);
        mailProblem.ifPresent(m -> errors.add(new FieldError("email", m)));
        boolean validMail = mailProblem.isEmpty();
        // without a display name the email's local part serves; only a name the user gave can be wrong
        boolean named = r.displayName() != null && !r.displayName().isBlank();
        String name = named ? r.displayName().trim() : validMail ? mail.substring(0, mail.indexOf('@')) : null;
        if (named) {
            validateName(name, errors);
        }
        String zone = r.timezone() == null || r.timezone().isBlank()
                ? "UTC"
                : r.timezone().trim();
        validateZone(zone, errors);
        policy.check(r.password(), mail, name).ifPresent(m -> errors.add(new FieldError("password", m)));
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        throttling.registration(clientAddress);
        if (users.findByEmail(mail).isPresent()) {
            throw new ConflictException(CONFLICT);
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        String role = users.count() == 0 ? AuthenticatedUser.ROLE_ADMIN : AuthenticatedUser.ROLE_USER;
        UserRow row;
        try {
            row = users.create(new UserRow(
                    UUID.randomUUID(),
                    mail,
                    name,
                    hasher.hash(r.password()),
                    zone,
                    "MONDAY",
                    0,
                    role,
                    now,
                    now,
                    false,
                    Alerts.NONE));
        } catch (DuplicateKeyException e) {
            throw new ConflictException(CONFLICT);
        }
        LOG.info("Account {} registered ({})", row.id(), role);
        log.record(row.id(), SecurityLog.SIGNED_UP, role);
        return sessions.open(row, clientAddress, userAgent);
    }

    /** The account with this e-mail (compared as at sign-in), for operators. */
    public Optional<Account> findByEmail(String email) {
        return email == null
                ? Optional.empty()
                : users.findByEmail(UserRow.normalize(email)).map(IdentityRows::account);
    }

    /** The caller's account. */
    public Account get(UUID userId) {
        return IdentityRows.account(IdentityRows.existing(users, userId));
    }

    /**
     * Changes the fields of the profile that {@code change} names; 422 naming every invalid one. A new email is
     * checked like a registration's and needs the current password (422 without it or when it is wrong, 409 when
     * another account has the email); the cached principals then carry the new email at once, and open reset links
     * (sent to the old address) are cancelled. The alerts change in the settings {@link ProfileChange#alerts()}
     * names ({@link io.steadfast.identity.internal.domain.AlertsChange#applyTo}). Once committed, the profile is
     * read afresh on every node and {@link io.steadfast.api.account.AccountEvents#TOPIC_PROFILE_CHANGED} is posted.
     */
    public Account changeProfile(UUID userId, ProfileChange change) {
        UserRow u = IdentityRows.existing(users, userId);
        List<FieldError> errors = new ArrayList<>();
        String mail = change.email() == null ? null : change.email().trim();
        boolean newMail = mail != null && !mail.equals(u.email());
        if (newMail) {
            emailProblem(mail).ifPresent(m -> errors.add(new FieldError("email", m)));
            if (change.currentPassword() == null || change.currentPassword().isEmpty()) {
                errors.add(new FieldError("currentPassword", "is required to change email"));
            }
        }
        String name = u.displayName();
        if (change.displayName() != null) {
            name = change.displayName().trim();
            validateName(name, errors);
        }
        String zone = u.timezone();
        if (change.timezone() != null) {
            zone = change.timezone().trim();
            validateZone(zone, errors);
        }
        String weekStart = u.weekStart();
        if (change.weekStart() != null) {
            java.time.DayOfWeek day = io.steadfast.api.time.Weekdays.parse(change.weekStart());
            if (day != java.time.DayOfWeek.MONDAY && day != java.time.DayOfWeek.SUNDAY) {
                errors.add(new FieldError("weekStart", "must be MON or SUN (a week starts on Monday or Sunday)"));
            } else {
                weekStart = day.name(); // stored as the full name
            }
        }
        int dayStartsAt = u.dayStartsAt();
        if (change.dayStartsAt() != null) {
            dayStartsAt = change.dayStartsAt();
            if (dayStartsAt < 0 || dayStartsAt > 6) {
                errors.add(new FieldError("dayStartsAt", "must be an hour from 0 to 6"));
            }
        }
        Alerts alerts = change.alerts() == null ? u.alerts() : change.alerts().applyTo(u.alerts(), errors);
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        if (newMail) {
            changeEmail(u, mail, change.currentPassword());
        }
        UserRow changed = users.updateProfile(new UserRow(
                u.id(),
                u.email(),
                name,
                u.passwordHash(),
                zone,
                weekStart,
                dayStartsAt,
                u.role(),
                u.createdAt(),
                clock.instant(),
                u.passwordChangeRequired(),
                alerts));
        directory.changed(u.id());
        return IdentityRows.account(changed);
    }

    private void changeEmail(UserRow u, String mail, String currentPassword) {
        confirm(u, currentPassword, "currentPassword", "is not your password");
        Optional<UserRow> holder = users.findByEmail(mail);
        if (holder.isPresent() && !holder.get().id().equals(u.id())) {
            throw new ConflictException(CONFLICT);
        }
        try {
            users.updateEmail(u.id(), mail, clock.instant());
        } catch (DuplicateKeyException e) {
            throw new ConflictException(CONFLICT);
        }
        // the profile is read afresh (and the change posted) by changeProfile, after the rest of the change
        evictPrincipals(u.id());
        resets.cancelAll(u.id(), clock.instant());
        log.record(u.id(), SecurityLog.EMAIL_CHANGED, "from " + u.email() + " to " + mail);
        LOG.info("Account {} changed its email", u.id());
    }

    /**
     * Sets a new password and revokes every token of the account but the caller's — and the caller's too when it is
     * the password change session of a temporary password (the client logs in with the new password).
     */
    public void changePassword(AuthenticatedUser caller, String current, String next) {
        boolean temporary = Tokens.PASSWORD_CHANGE.equals(caller.tokenKind());
        changePassword(caller.userId(), temporary ? null : caller.tokenId(), current, next);
    }

    /** Sets a new password and revokes every token of the account but {@code keepTokenId} (the caller's). */
    public void changePassword(UUID userId, UUID keepTokenId, String current, String next) {
        UserRow u = IdentityRows.existing(users, userId);
        if (current == null) {
            throw new ValidationException("currentPassword", "is not your current password");
        }
        confirm(u, current, "currentPassword", "is not your current password");
        policy.check(next, u.email(), u.displayName()).ifPresent(m -> {
            throw new ValidationException("newPassword", m);
        });
        if (next.equals(current)) {
            throw new ValidationException("newPassword", "must differ from your current password");
        }
        Instant now = clock.instant();
        users.updatePassword(u.id(), hasher.hash(next), false, now);
        tokens.revokeAll(u.id(), keepTokenId, now).forEach(cache::evict);
        users.credentialsRevoked(u.id());
        resets.cancelAll(u.id(), clock.instant());
        log.record(u.id(), SecurityLog.PASSWORD_CHANGED, "every other session and token ended");
        LOG.info("Account {} changed its password; other tokens revoked", u.id());
    }

    /**
     * The account's password, given again to confirm a change; a wrong one is a 422 on {@code field}, counted like a
     * failed login of the account (429 past the limit, before the password is even looked at).
     */
    private void confirm(UserRow u, String given, String field, String wrong) {
        throttling.checkPasswordConfirm(u.id());
        if (given == null || !hasher.verify(given, u.passwordHash())) {
            throttling.passwordConfirmFailed(u.id());
            log.record(u.id(), SecurityLog.PASSWORD_CONFIRM_FAILED, "a wrong password given to confirm a change");
            throw new ValidationException(field, wrong);
        }
        throttling.passwordConfirmSucceeded(u.id());
    }

    /** Deletes the account, once its password is confirmed: its tokens stop working at once on every node. */
    public void delete(UUID userId, String password) {
        UserRow u = IdentityRows.existing(users, userId);
        if (password == null || password.isEmpty()) {
            throw new ValidationException("password", "is required: confirm the deletion with your password");
        }
        confirm(u, password, "password", "is not your password");
        tokens.revokeAll(u.id(), null, clock.instant()).forEach(cache::evict);
        for (UserDataContributor c : contributors) {
            c.deleteAll(u.id());
        }
        users.delete(u.id());
        directory.removed(u.id());
        LOG.info("Account {} deleted", u.id());
    }

    /** The accounts of the server, oldest first. */
    public List<Account> list(int offset, int limit) {
        return users.list(offset, limit).stream().map(IdentityRows::account).toList();
    }

    public long count() {
        return users.count();
    }

    /** The accounts whose email or name contains {@code query}, in any case, oldest first (for operators). */
    public List<Account> search(String query, int offset, int limit) {
        return users.search(query, offset, limit).stream()
                .map(IdentityRows::account)
                .toList();
    }

    /** How many accounts {@link #search} finds. */
    public long countMatching(String query) {
        return users.countMatching(query);
    }

    /**
     * Makes the account with this email an admin or a user; empty when there is no such account. The role is part
     * of the profile: the change is posted like the user's own ({@link #changeProfile}).
     */
    public Optional<Account> changeRole(String email, String role) {
        if (!AuthenticatedUser.ROLE_ADMIN.equals(role) && !AuthenticatedUser.ROLE_USER.equals(role)) {
            throw new ValidationException("role", "must be user or admin");
        }
        return users.findByEmail(email).map(u -> {
            Account changed = IdentityRows.account(users.updateProfile(new UserRow(
                    u.id(),
                    u.email(),
                    u.displayName(),
                    u.passwordHash(),
                    u.timezone(),
                    u.weekStart(),
                    u.dayStartsAt(),
                    role,
                    u.createdAt(),
                    clock.instant(),
                    u.passwordChangeRequired(),
                    u.alerts())));
            // cached principals and profiles carry the role: drop them so the change applies to the next request
            evictPrincipals(u.id());
            directory.changed(u.id());
            if (!role.equals(u.role())) {
                log.record(u.id(), SecurityLog.ROLE_CHANGED, "from " + u.role() + " to " + role);
            }
            return changed;
        });
    }

    /** Up to {@code limit} emails of accounts that start with {@code prefix}, for the shell's completion. */
    public List<String> emailsStartingWith(String prefix, int limit) {
        return users.emailsStartingWith(prefix, limit);
    }

    /** What is wrong with an email (trimmed), for people; empty when it is a valid address. */
    static Optional<String> emailProblem(String mail) {
        if (mail == null || mail.isEmpty()) {
            return Optional.of("is required");
        }
        if (mail.length() > 254 || !EMAIL.matcher(mail).matches()) {
            return Optional.of("is not a valid email address such as ann@example.org");
        }
        return Optional.empty();
    }

    /** Drops the principals of the account's tokens (they carry its email and role), everywhere. */
    private void evictPrincipals(UUID userId) {
        for (String kind : new String[] {Tokens.SESSION, Tokens.PAT, Tokens.PASSWORD_CHANGE}) {
            tokens.listActive(userId, kind).forEach(cache::evict);
        }
    }

    private static void validateName(String name, List<FieldError> errors) {
        if (name == null || name.isEmpty() || name.length() > 100) {
            errors.add(new FieldError("displayName", "must be 1 to 100 characters"));
        }
    }

    private static void validateZone(String zone, List<FieldError> errors) {
        if (!"UTC".equals(zone) && !ZoneId.getAvailableZoneIds().contains(zone)) {
            errors.add(new FieldError("timezone", "must be an IANA time zone such as Europe/Berlin"));
        }
    }
}
