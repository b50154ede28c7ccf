package io.steadfast.identity.internal.service;

import java.time.Duration;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Metrics;
import io.steadfast.api.auth.ClientAddresses;
import io.steadfast.api.cache.RateCounter;
import io.steadfast.api.error.TooManyAttemptsException;
import io.steadfast.identity.internal.ClientAddress;
import io.steadfast.identity.internal.IdentityConfig;
import io.steadfast.identity.internal.Tokens;

/**
 * The limits on attempts, counted in the {@link RateCounter} (on every node at once when it is Redis): failed
 * logins per account and per client address, registrations per client address and hour, password reset e-mails per
 * client address and per account and hour, failed uses of reset links per client address (like failed logins). Also says what the
 * client address of a request is, honouring {@code X-Forwarded-For} from the configured trusted proxies only.
 */
@Component(
        service = {Throttling.class, ClientAddresses.class},
        configurationPid = IdentityConfig.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
public class Throttling implements ClientAddresses {

    // steadfast_logins_total{outcome} (docs/operations.md, Metrics): a refused login is "locked" (the account is
    // locked for the address), "throttled" (too many failures for the account or the address) or "disabled"
    private static final Counter LOGIN_SUCCESS = Metrics.counter("steadfast.logins", "outcome", "success");
    private static final Counter LOGIN_BAD_CREDENTIALS =
            Metrics.counter("steadfast.logins", "outcome", "bad-credentials");
    private static final Counter LOGIN_LOCKED = Metrics.counter("steadfast.logins", "outcome", "locked");
    private static final Counter LOGIN_THROTTLED = Metrics.counter("steadfast.logins", "outcome", "throttled");
    /** The right password for a disabled account (counted by {@link Sessions}). */
    static final Counter LOGIN_DISABLED = Metrics.counter("steadfast.logins", "outcome", "disabled");

    private volatile RateCounter counter;
    private volatile IdentityConfig config;

    @Activate
    public Throttling(IdentityConfig config) {
        this.config = config;
    }

    @Modified
    void modified(IdentityConfig c) {
        this.config = c;
    }

    @Reference(policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    void setCounter(RateCounter c) {
        this.counter = c;
    }

    void unsetCounter(RateCounter c) {
        // replaced before unset
    }

    /** The client address of a request: the peer, or the client a trusted proxy forwarded for. */
    @Override
    public String of(String peer, String forwardedFor) {
        return clientAddress(peer, forwardedFor);
    }

    public String clientAddress(String peer, String forwardedFor) {
        return ClientAddress.of(peer, forwardedFor, ClientAddress.parse(config.clientAddress_trustedProxies()));
    }

    /** Counts a registration from an address; 429 beyond the hourly limit. */
    void registration(String clientAddress) {
        RateCounter rc = counter;
        String key = "register:ip:" + clientAddress;
        if (rc.increment(key, Duration.ofHours(1)) > config.registration_maxPerAddressPerHour()) {
            throw new TooManyAttemptsException("Too many registrations from this address", retryAfter(rc, key));
        }
    }

    /**
     * 429 while the account (a normalised email) is locked for this address, or has had too many failed logins from
     * all addresses together, or the address has had too many failed logins for any accounts. A lock for one address
     * leaves the owner free to sign in from anywhere else (OWASP: throttle the pair, with a much higher ceiling for
     * the account alone), so an attacker cannot lock the owner out.
     */
    void checkLogin(String email, String clientAddress) {
        IdentityConfig c = config;
        RateCounter rc = counter;
        String lock = lockKey(email, clientAddress);
        if (rc.current(lock) > 0) {
            LOGIN_LOCKED.increment();
            throw new TooManyAttemptsException("Too many failed logins; try again later", retryAfter(rc, lock));
        }
        try {
            checkFailures(rc, accountKey(email), c.login_maxFailuresPerAccount());
            checkFailures(rc, addressKey(clientAddress), c.login_maxFailuresPerAddress());
        } catch (TooManyAttemptsException e) {
            LOGIN_THROTTLED.increment();
            throw e;
        }
    }

    /**
     * Counts a failed login for the account, the address and the pair. The pair's failures past its limit lock the
     * account for that address: for the window the first time, twice as long each time again within a day, up to
     * the longest lock. The lock this failure began, or {@code null}.
     */
    Duration loginFailed(String email, String clientAddress) {
        LOGIN_BAD_CREDENTIALS.increment();
        IdentityConfig c = config;
        Duration window = Duration.ofMinutes(c.login_windowMinutes());
        RateCounter rc = counter;
        rc.increment(accountKey(email), window);
        rc.increment(addressKey(clientAddress), window);
        String pair = pairKey(email, clientAddress);
        if (rc.increment(pair, window) >= c.login_maxFailuresPerAccountAndAddress()) {
            rc.reset(pair);
            long locks = rc.increment(locksKey(email, clientAddress), Duration.ofDays(1));
            Duration lock = lockFor(window, locks, c.login_maxLockMinutes());
            rc.increment(lockKey(email, clientAddress), lock);
            return lock;
        }
        return null;
    }

    /** How long the {@code locks}-th lock of a day lasts: the window, doubled each time, at most the longest lock. */
    static Duration lockFor(Duration window, long locks, int maxLockMinutes) {
        long minutes = window.toMinutes();
        for (long i = 1; i < locks && minutes < maxLockMinutes; i++) {
            minutes *= 2;
        }
        return Duration.ofMinutes(Math.max(1, Math.min(minutes, maxLockMinutes)));
    }

    /**
     * A successful login clears the account's failures and those of the pair (not the address's: a spray may hit a
     * right password).
     */
    void loginSucceeded(String email, String clientAddress) {
        LOGIN_SUCCESS.increment();
        counter.reset(accountKey(email));
        counter.reset(pairKey(email, clientAddress));
    }

    /**
     * Counts a request for a reset e-mail: 429 beyond the hourly limit per client address; false (send nothing, answer
     * alike) beyond the hourly limit per account (a normalised email, known or not).
     */
    boolean passwordResetRequested(String email, String clientAddress) {
        IdentityConfig c = config;
        RateCounter rc = counter;
        String address = "reset:request:ip:" + clientAddress;
        if (rc.increment(address, Duration.ofHours(1)) > c.passwordReset_maxPerAddressPerHour()) {
            throw new TooManyAttemptsException(
                    "Too many password reset requests from this address; try again later", retryAfter(rc, address));
        }
        return rc.increment("reset:request:account:" + Tokens.hash(email), Duration.ofHours(1))
                <= c.passwordReset_maxPerAccountPerHour();
    }

    /** 429 while the address has had as many failed uses of reset links as failed logins allow. */
    void checkResetConfirm(String clientAddress) {
        RateCounter rc = counter;
        String key = "reset:confirm:ip:" + clientAddress;
        if (rc.current(key) >= config.login_maxFailuresPerAddress()) {
            throw new TooManyAttemptsException("Too many failed password resets; try again later", retryAfter(rc, key));
        }
    }

    void resetConfirmFailed(String clientAddress) {
        counter.increment("reset:confirm:ip:" + clientAddress, Duration.ofMinutes(config.login_windowMinutes()));
    }

    /**
     * 429 while the account has had as many wrong passwords given to confirm a change (the password, the e-mail,
     * deleting the account) as failed logins allow: a stolen session cannot guess the password faster than a login.
     */
    void checkPasswordConfirm(java.util.UUID userId) {
        RateCounter rc = counter;
        String key = confirmKey(userId);
        if (rc.current(key) >= config.login_maxFailuresPerAccountAndAddress()) {
            throw new TooManyAttemptsException("Too many wrong passwords; try again later", retryAfter(rc, key));
        }
    }

    void passwordConfirmFailed(java.util.UUID userId) {
        counter.increment(confirmKey(userId), Duration.ofMinutes(config.login_windowMinutes()));
    }

    void passwordConfirmSucceeded(java.util.UUID userId) {
        counter.reset(confirmKey(userId));
    }

    private static String confirmKey(java.util.UUID userId) {
        return "confirm:account:" + userId;
    }

    private static void checkFailures(RateCounter rc, String key, int max) {
        if (rc.current(key) >= max) {
            throw new TooManyAttemptsException("Too many failed logins; try again later", retryAfter(rc, key));
        }
    }

    /** The time left in the window, in whole seconds and at least one, as Retry-After has always said. */
    private static Duration retryAfter(RateCounter rc, String key) {
        return Duration.ofSeconds(Math.max(1, rc.remaining(key).toSeconds()));
    }

    private static String accountKey(String email) {
        return "login:account:" + Tokens.hash(email);
    }

    private static String addressKey(String clientAddress) {
        return "login:address:" + clientAddress;
    }

    private static String pairKey(String email, String clientAddress) {
        return "login:pair:" + Tokens.hash(email + "|" + clientAddress);
    }

    private static String locksKey(String email, String clientAddress) {
        return "login:locks:" + Tokens.hash(email + "|" + clientAddress);
    }

    private static String lockKey(String email, String clientAddress) {
        return "login:lock:" + Tokens.hash(email + "|" + clientAddress);
    }
}
