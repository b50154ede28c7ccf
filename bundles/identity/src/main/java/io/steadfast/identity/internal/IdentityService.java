package io.steadfast.identity.internal;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.steadfast.api.account.UserDataContributor;
import io.steadfast.api.account.UserDirectory;
import io.steadfast.api.account.UserProfile;
import io.steadfast.api.auth.AuthenticatedUser;
import io.steadfast.api.auth.Authenticator;
import io.steadfast.api.cache.KeyValueCache;
import io.steadfast.api.cache.RateCounter;
import io.steadfast.api.error.ApiException;
import io.steadfast.api.error.FieldError;
import io.steadfast.api.error.ValidationException;
import io.steadfast.identity.internal.rest.Dtos.AuthResult;
import io.steadfast.identity.internal.rest.Dtos.NewToken;
import io.steadfast.identity.internal.rest.Dtos.ProfilePatch;
import io.steadfast.identity.internal.rest.Dtos.TokenDto;
import io.steadfast.identity.internal.rest.Dtos.UserDto;
import io.steadfast.storage.DuplicateKeyException;
import io.steadfast.identity.internal.store.TokenRow;
import io.steadfast.identity.internal.store.TokenStore;
import io.steadfast.identity.internal.store.UserRow;
import io.steadfast.identity.internal.store.UserStore;

/**
 * Accounts and tokens: registration, login with throttling, sessions with sliding expiry, personal access tokens,
 * profile, password change, export and deletion. Also the {@link Authenticator} that the platform's filter calls
 * on every request (token look-ups cached, so the common case costs no database query) and the
 * {@link UserDirectory} other bundles read profiles from.
 */
@Component(service = { IdentityService.class, Authenticator.class, UserDirectory.class },
        configurationPid = IdentityConfig.PID, configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = IdentityConfig.class)
public class IdentityService implements Authenticator, UserDirectory {

    static final String EXPORT_FORMAT = "steadfast-export";
    static final int EXPORT_VERSION = 1;
    private static final Logger LOG = LoggerFactory.getLogger(IdentityService.class);
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]+$");
    private static final Set<String> SCOPES = Set.of(AuthenticatedUser.SCOPE_READ, AuthenticatedUser.SCOPE_WRITE);
    private static final String CACHE_PREFIX = "auth:";

    private final UserStore users;
    private final TokenStore tokens;
    private final PasswordHasher hasher;
    private final PasswordPolicy policy = new PasswordPolicy();
    private final Clock clock;
    private final List<UserDataContributor> contributors = new CopyOnWriteArrayList<>();
    private volatile KeyValueCache cache;
    private volatile RateCounter counter;
    private volatile IdentityConfig config;

    @Activate
    public IdentityService(@Reference UserStore users, @Reference TokenStore tokens, @Reference Clock clock,
            IdentityConfig config) {
        this(users, tokens, config, new PasswordHasher(), clock);
    }

    IdentityService(UserStore users, TokenStore tokens, IdentityConfig config, PasswordHasher hasher, Clock clock) {
        this.users = users;
        this.tokens = tokens;
        this.config = config;
        this.hasher = hasher;
        this.clock = clock;
    }

    @Modified
    void modified(IdentityConfig c) {
        this.config = c;
    }

    @Reference(policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    void setCache(KeyValueCache c) {
        this.cache = c;
    }

    void unsetCache(KeyValueCache c) {
        // the greedy dynamic reference is replaced before it is unset
    }

    @Reference(policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    void setCounter(RateCounter c) {
        this.counter = c;
    }

    void unsetCounter(RateCounter c) {
        // replaced before unset
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addContributor(UserDataContributor c) {
        contributors.add(c);
    }

    void removeContributor(UserDataContributor c) {
        contributors.remove(c);
    }

    /** The client address of a request, honouring X-Forwarded-For from trusted proxies only. */
    public String clientAddress(String peer, String forwardedFor) {
        return ClientAddress.of(peer, forwardedFor, ClientAddress.parse(config.clientAddress_trustedProxies()));
    }

    // ---------------------------------------------------------------------------------------------- accounts

    public AuthResult register(String email, String password, String displayName, String timezone,
            String clientAddress) {
        IdentityConfig c = config;
        if (!c.registration_open()) {
            throw ApiException.forbidden("Registration is closed on this server; ask its administrator");
        }
        List<FieldError> errors = new ArrayList<>();
        String mail = email == null ? null : email.trim();
        if (mail == null || mail.isEmpty()) {
            errors.add(new FieldError("email", "is required"));
        } else if (mail.length() > 254 || !EMAIL.matcher(mail).matches()) {
            errors.add(new FieldError("email", "is not a valid email address"));
        }
        String name = displayName == null || displayName.isBlank()
                ? (mail != null && mail.contains("@") ? mail.substring(0, mail.indexOf('@')) : null)
                : displayName.trim();
        validateName(name, errors);
        String zone = timezone == null || timezone.isBlank() ? "UTC" : timezone.trim();
        validateZone(zone, errors);
        policy.check(password, mail, name).ifPresent(m -> errors.add(new FieldError("password", m)));
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        throttle("register:ip:" + clientAddress, c.registration_maxPerAddressPerHour(), Duration.ofHours(1),
                "Too many registrations from this address");
        if (users.findByEmail(mail).isPresent()) {
            throw ApiException.conflict("An account with this email already exists");
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        String role = users.count() == 0 ? AuthenticatedUser.ROLE_ADMIN : AuthenticatedUser.ROLE_USER;
        UserRow row;
        try {
            row = users.create(new UserRow(UUID.randomUUID(), mail, name, hasher.hash(password), zone, "MONDAY", 0,
                    role, now, now));
        } catch (DuplicateKeyException e) {
            throw ApiException.conflict("An account with this email already exists");
        }
        LOG.info("Account {} registered ({})", row.id(), role);
        return session(row);
    }

    public AuthResult login(String email, String password, String clientAddress) {
        IdentityConfig c = config;
        String mail = email == null ? "" : UserRow.normalize(email);
        if (mail.isEmpty() || password == null || password.isEmpty()) {
            List<FieldError> errors = new ArrayList<>();
            if (mail.isEmpty()) {
                errors.add(new FieldError("email", "is required"));
            }
            if (password == null || password.isEmpty()) {
                errors.add(new FieldError("password", "is required"));
            }
            throw new ValidationException(errors);
        }
        Duration window = Duration.ofMinutes(c.login_windowMinutes());
        String accountKey = "login:account:" + Tokens.hash(mail);
        String addressKey = "login:address:" + clientAddress;
        RateCounter rc = counter;
        checkNotThrottled(rc, accountKey, c.login_maxFailuresPerAccount());
        checkNotThrottled(rc, addressKey, c.login_maxFailuresPerAddress());
        Optional<UserRow> user = users.findByEmail(mail);
        boolean ok;
        if (user.isPresent()) {
            ok = hasher.verify(password, user.get().passwordHash());
        } else {
            hasher.verifyDummy(password);
            ok = false;
        }
        if (!ok) {
            rc.increment(accountKey, window);
            rc.increment(addressKey, window);
            throw ApiException.unauthorized("Invalid email or password");
        }
        rc.reset(accountKey);
        UserRow row = user.get();
        if (hasher.needsRehash(row.passwordHash())) {
            users.updatePassword(row.id(), hasher.hash(password), clock.instant());
        }
        return session(row);
    }

    private void checkNotThrottled(RateCounter rc, String key, int max) {
        if (rc.current(key) >= max) {
            throw ApiException.tooManyRequests("Too many failed logins; try again later",
                    Math.max(1, rc.remaining(key).toSeconds()));
        }
    }

    private void throttle(String key, int max, Duration window, String message) {
        RateCounter rc = counter;
        long n = rc.increment(key, window);
        if (n > max) {
            throw ApiException.tooManyRequests(message, Math.max(1, rc.remaining(key).toSeconds()));
        }
    }

    private AuthResult session(UserRow user) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Instant expires = now.plus(Duration.ofDays(config.session_ttlDays()));
        String secret = Tokens.newSecret(Tokens.SESSION);
        tokens.create(new TokenRow(UUID.randomUUID(), user.id(), Tokens.SESSION, null, Tokens.hash(secret),
                new LinkedHashSet<>(List.of(AuthenticatedUser.SCOPE_READ, AuthenticatedUser.SCOPE_WRITE)), now, now,
                expires, null));
        return new AuthResult(UserDto.of(user), secret, expires);
    }

    public void logout(AuthenticatedUser caller) {
        tokens.revoke(caller.userId(), caller.tokenId(), clock.instant()).ifPresent(this::evict);
    }

    public UserDto me(AuthenticatedUser caller) {
        return UserDto.of(user(caller.userId()));
    }

    public UserDto updateProfile(AuthenticatedUser caller, ProfilePatch patch) {
        if (patch == null) {
            throw new ValidationException("body", "a JSON object with the fields to change is required");
        }
        UserRow u = user(caller.userId());
        List<FieldError> errors = new ArrayList<>();
        String name = u.displayName();
        if (patch.displayName() != null) {
            name = patch.displayName().trim();
            validateName(name, errors);
        }
        String zone = u.timezone();
        if (patch.timezone() != null) {
            zone = patch.timezone().trim();
            validateZone(zone, errors);
        }
        String weekStart = u.weekStart();
        if (patch.weekStart() != null) {
            weekStart = patch.weekStart().trim().toUpperCase(Locale.ROOT);
            if (!"MONDAY".equals(weekStart) && !"SUNDAY".equals(weekStart)) {
                errors.add(new FieldError("weekStart", "must be MONDAY or SUNDAY"));
            }
        }
        int dayStartsAt = u.dayStartsAt();
        if (patch.dayStartsAt() != null) {
            dayStartsAt = patch.dayStartsAt();
            if (dayStartsAt < 0 || dayStartsAt > 6) {
                errors.add(new FieldError("dayStartsAt", "must be an hour from 0 to 6"));
            }
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        UserRow changed = users.updateProfile(new UserRow(u.id(), u.email(), name, u.passwordHash(), zone, weekStart,
                dayStartsAt, u.role(), u.createdAt(), clock.instant()));
        return UserDto.of(changed);
    }

    public void changePassword(AuthenticatedUser caller, String current, String next) {
        UserRow u = user(caller.userId());
        if (current == null || !hasher.verify(current, u.passwordHash())) {
            throw new ValidationException("currentPassword", "is not your current password");
        }
        policy.check(next, u.email(), u.displayName()).ifPresent(m -> {
            throw new ValidationException("newPassword", m);
        });
        users.updatePassword(u.id(), hasher.hash(next), clock.instant());
        tokens.revokeAll(u.id(), caller.tokenId(), clock.instant()).forEach(this::evict);
        LOG.info("Account {} changed its password; other tokens revoked", u.id());
    }

    public Map<String, Object> export(AuthenticatedUser caller) {
        UserRow u = user(caller.userId());
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("format", EXPORT_FORMAT);
        doc.put("version", EXPORT_VERSION);
        doc.put("exportedAt", clock.instant());
        doc.put("profile", UserDto.of(u));
        List<TokenDto> pats = tokens.listActive(u.id(), Tokens.PAT).stream().map(TokenDto::of).toList();
        doc.put("accessTokens", pats);
        for (UserDataContributor c : contributors) {
            doc.put(c.section(), c.export(u.id()));
        }
        return doc;
    }

    public void deleteAccount(AuthenticatedUser caller, String password) {
        UserRow u = user(caller.userId());
        if (password == null || !hasher.verify(password, u.passwordHash())) {
            throw new ValidationException("password", "is not your password");
        }
        List<TokenRow> revoked = tokens.revokeAll(u.id(), null, clock.instant());
        revoked.forEach(this::evict);
        for (UserDataContributor c : contributors) {
            c.deleteAll(u.id());
        }
        users.delete(u.id());
        LOG.info("Account {} deleted", u.id());
    }

    // ---------------------------------------------------------------------------------------------- tokens

    public NewToken createToken(AuthenticatedUser caller, String name, List<String> scopes, Instant expiresAt) {
        List<FieldError> errors = new ArrayList<>();
        String n = name == null ? "" : name.trim();
        if (n.isEmpty() || n.length() > 100) {
            errors.add(new FieldError("name", "must be 1 to 100 characters"));
        }
        Set<String> s = new LinkedHashSet<>();
        if (scopes == null || scopes.isEmpty()) {
            errors.add(new FieldError("scopes", "must list at least one of read, write"));
        } else {
            for (String scope : scopes) {
                if (scope == null || !SCOPES.contains(scope)) {
                    errors.add(new FieldError("scopes", "unknown scope '" + scope + "'; use read, write"));
                } else {
                    s.add(scope);
                }
            }
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        if (expiresAt != null && !expiresAt.isAfter(now)) {
            errors.add(new FieldError("expiresAt", "must be in the future"));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        if (s.contains(AuthenticatedUser.SCOPE_WRITE)) {
            s.add(AuthenticatedUser.SCOPE_READ);
        }
        user(caller.userId());
        String secret = Tokens.newSecret(Tokens.PAT);
        TokenRow row = tokens.create(new TokenRow(UUID.randomUUID(), caller.userId(), Tokens.PAT, n,
                Tokens.hash(secret), s, now, null, expiresAt == null ? null : expiresAt.truncatedTo(ChronoUnit.MILLIS),
                null));
        return new NewToken(row.id(), row.name(), List.copyOf(s), row.createdAt(), row.expiresAt(), secret);
    }

    public List<TokenDto> listTokens(AuthenticatedUser caller) {
        Instant now = clock.instant();
        return tokens.listActive(caller.userId(), Tokens.PAT).stream().filter(t -> t.usableAt(now))
                .map(TokenDto::of).toList();
    }

    public void revokeToken(AuthenticatedUser caller, UUID tokenId) {
        TokenRow row = tokens.revoke(caller.userId(), tokenId, clock.instant())
                .orElseThrow(() -> ApiException.notFound("Token"));
        evict(row);
    }

    // ---------------------------------------------------------------------------------------------- admin

    public List<UserDto> listUsers(int offset, int limit) {
        return users.list(offset, limit).stream().map(UserDto::of).toList();
    }

    public long countUsers() {
        return users.count();
    }

    /** For the admin shell: change a role by email. */
    public Optional<UserDto> setRole(String email, String role) {
        if (!AuthenticatedUser.ROLE_ADMIN.equals(role) && !AuthenticatedUser.ROLE_USER.equals(role)) {
            throw new IllegalArgumentException("role must be user or admin");
        }
        return users.findByEmail(email).map(u -> {
            UserDto changed = UserDto.of(users.updateProfile(new UserRow(u.id(), u.email(), u.displayName(),
                    u.passwordHash(), u.timezone(), u.weekStart(), u.dayStartsAt(), role, u.createdAt(),
                    clock.instant())));
            // cached principals carry the role: drop them so the change applies to the next request
            tokens.listActive(u.id(), Tokens.SESSION).forEach(this::evict);
            tokens.listActive(u.id(), Tokens.PAT).forEach(this::evict);
            return changed;
        });
    }

    /** For the admin shell: revoke every token of an account. */
    public int revokeAll(String email) {
        return users.findByEmail(email).map(u -> {
            List<TokenRow> revoked = tokens.revokeAll(u.id(), null, clock.instant());
            revoked.forEach(this::evict);
            return revoked.size();
        }).orElse(-1);
    }

    // ---------------------------------------------------------------------------------------------- Authenticator

    @Override
    public Optional<AuthenticatedUser> authenticate(String secret) {
        if (!Tokens.wellFormed(secret)) {
            return Optional.empty();
        }
        String hash = Tokens.hash(secret);
        Instant now = clock.instant();
        KeyValueCache kv = cache;
        Optional<AuthenticatedUser> cached = kv.get(CACHE_PREFIX + hash).flatMap(CachedPrincipal::decode);
        if (cached.isPresent()) {
            AuthenticatedUser u = cached.get();
            if (u.expiresAt() == null || u.expiresAt().isAfter(now)) {
                return cached;
            }
            kv.remove(CACHE_PREFIX + hash);
            return Optional.empty();
        }
        Optional<TokenRow> row = tokens.findByHash(hash);
        if (row.isEmpty() || !row.get().usableAt(now)) {
            return Optional.empty();
        }
        TokenRow t = row.get();
        Optional<UserRow> user = users.find(t.userId());
        if (user.isEmpty()) {
            return Optional.empty();
        }
        Instant expires = t.expiresAt();
        if (Tokens.SESSION.equals(t.kind())) {
            expires = now.plus(Duration.ofDays(config.session_ttlDays())).truncatedTo(ChronoUnit.MILLIS);
        }
        tokens.touch(t.id(), now.truncatedTo(ChronoUnit.MILLIS), expires);
        AuthenticatedUser principal = new AuthenticatedUser(t.userId(), user.get().email(), user.get().role(),
                Set.copyOf(t.scopes()), t.id(), t.kind(), expires);
        Duration ttl = Duration.ofSeconds(config.token_cacheSeconds());
        if (expires != null && Duration.between(now, expires).compareTo(ttl) < 0) {
            ttl = Duration.between(now, expires);
        }
        kv.put(CACHE_PREFIX + hash, CachedPrincipal.encode(principal), ttl);
        return Optional.of(principal);
    }

    private void evict(TokenRow t) {
        cache.remove(CACHE_PREFIX + t.hash());
    }

    // ---------------------------------------------------------------------------------------------- UserDirectory

    @Override
    public Optional<UserProfile> find(UUID userId) {
        return users.find(userId).map(u -> new UserProfile(u.id(), u.email(), u.displayName(), ZoneId.of(u.timezone()),
                DayOfWeek.valueOf(u.weekStart()), u.dayStartsAt(), u.role(), u.createdAt()));
    }

    // ---------------------------------------------------------------------------------------------- helpers

    private UserRow user(UUID id) {
        return users.find(id).orElseThrow(() -> ApiException.unauthorized("The account no longer exists"));
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

    /** The cache form of a principal: a line of fields, the email last. */
    static final class CachedPrincipal {
        private CachedPrincipal() {
        }

        static String encode(AuthenticatedUser u) {
            return String.join("|", u.userId().toString(), u.role(), String.join(",", u.scopes()),
                    u.tokenId().toString(), u.tokenKind(),
                    u.expiresAt() == null ? "-" : Long.toString(u.expiresAt().toEpochMilli()), u.email());
        }

        static Optional<AuthenticatedUser> decode(String s) {
            try {
                String[] f = s.split("\\|", 7);
                return Optional.of(new AuthenticatedUser(UUID.fromString(f[0]), f[6], f[1],
                        Set.copyOf(Arrays.asList(f[2].split(","))), UUID.fromString(f[3]), f[4],
                        "-".equals(f[5]) ? null : Instant.ofEpochMilli(Long.parseLong(f[5]))));
            } catch (RuntimeException e) {
                return Optional.empty();
            }
        }
    }
}
