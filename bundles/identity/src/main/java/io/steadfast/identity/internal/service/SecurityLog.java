package io.steadfast.identity.internal.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.steadfast.api.error.ValidationException;
import io.steadfast.identity.internal.IdentityConfig;
import io.steadfast.identity.internal.domain.SecurityEvent;
import io.steadfast.identity.internal.store.SecurityEventRow;
import io.steadfast.identity.internal.store.SecurityLogStore;

/**
 * Each account's security log: what happened to its credentials, when, from where. An entry names no secret (a
 * token by its name, never its value). Kept for {@code securityLog.retentionDays}. Writing it never fails the
 * operation it records: a failure is logged and the operation goes on.
 */
@Component(
        service = SecurityLog.class,
        configurationPid = IdentityConfig.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
public class SecurityLog {

    public static final String SIGNED_UP = "account-created";
    public static final String SIGNED_IN = "sign-in";
    public static final String SIGN_IN_FAILED = "sign-in-failed";
    public static final String SIGN_IN_LOCKED = "sign-in-locked";
    public static final String SIGNED_OUT = "sign-out";
    public static final String SESSION_ENDED = "session-ended";
    public static final String SIGNED_OUT_ELSEWHERE = "signed-out-everywhere-else";
    public static final String PASSWORD_CHANGED = "password-changed";
    public static final String PASSWORD_CONFIRM_FAILED = "password-confirm-failed";
    public static final String PASSWORD_RESET = "password-reset";
    public static final String RESET_LINK_ISSUED = "reset-link-issued";
    public static final String TEMPORARY_PASSWORD_SET = "temporary-password-set";
    public static final String EMAIL_CHANGED = "email-changed";
    public static final String TOKEN_CREATED = "token-created";
    public static final String TOKEN_REVOKED = "token-revoked";
    public static final String TOKENS_REVOKED = "tokens-revoked";
    public static final String ROLE_CHANGED = "role-changed";
    public static final String ACCOUNT_DISABLED = "account-disabled";
    public static final String ACCOUNT_ENABLED = "account-enabled";
    /** The right password for a disabled account: no session. */
    public static final String SIGN_IN_REFUSED = "sign-in-refused";

    /** The most entries of one page. */
    public static final int MAX_PAGE = 200;

    private static final Logger LOG = LoggerFactory.getLogger(SecurityLog.class);

    /** A page of entries and the cursor of the next, {@code null} at the end. */
    public record Page(List<SecurityEvent> entries, String next) {}

    private final SecurityLogStore store;
    private final Clock clock;
    private volatile Duration retention;

    @Activate
    public SecurityLog(@Reference SecurityLogStore store, @Reference Clock clock, IdentityConfig config) {
        this.store = store;
        this.clock = clock;
        modified(config);
    }

    @Modified
    void modified(IdentityConfig c) {
        retention = Duration.ofDays(Math.max(1, c.securityLog_retentionDays()));
    }

    /** Records that {@code kind} happened to the account, with the current request's client if there is one. */
    public void record(UUID userId, String kind, String detail) {
        ClientContext.Client client = ClientContext.current();
        try {
            Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
            store.append(new SecurityEventRow(
                    timeOrderedId(now),
                    userId,
                    kind,
                    client == null ? null : client.address(),
                    client == null ? null : client.userAgent(),
                    detail,
                    now));
        } catch (RuntimeException e) {
            LOG.warn("Could not write the security log of account {} ({}): {}", userId, kind, e.toString());
        }
    }

    /**
     * A UUID version 7 (RFC 9562): the milliseconds first, then a counter of this node, so that entries of the same
     * millisecond (a failure and the lock it began) keep their order in the log.
     */
    static UUID timeOrderedId(Instant at) {
        long ms = at.toEpochMilli() & 0xFFFF_FFFF_FFFFL;
        long seq = SEQUENCE.getAndIncrement() & 0x0FFF;
        long high = (ms << 16) | 0x7000L | seq;
        long low = (RANDOM.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
        return new UUID(high, low);
    }

    private static final java.util.concurrent.atomic.AtomicLong SEQUENCE = new java.util.concurrent.atomic.AtomicLong();
    private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();

    /**
     * A page of the log, newest first: of one account, or of all ({@code userId} {@code null}, for operators).
     * {@code cursor} is the {@code next} of the page before; a malformed one is a 422.
     */
    public Page page(UUID userId, String cursor, int limit) {
        if (limit < 1 || limit > MAX_PAGE) {
            throw new ValidationException("limit", "must be 1 to " + MAX_PAGE);
        }
        Instant beforeAt = null;
        UUID beforeId = null;
        if (cursor != null && !cursor.isBlank()) {
            int sep = cursor.indexOf('_');
            try {
                beforeAt = Instant.ofEpochMilli(Long.parseLong(cursor.substring(0, sep)));
                beforeId = UUID.fromString(cursor.substring(sep + 1));
            } catch (RuntimeException e) {
                throw new ValidationException("before", "is not a cursor this server gave (use next of a page)");
            }
        }
        List<SecurityEvent> rows = store.page(userId, beforeAt, beforeId, limit + 1).stream()
                .map(SecurityLog::event)
                .toList();
        if (rows.size() <= limit) {
            return new Page(rows, null);
        }
        SecurityEvent last = rows.get(limit - 1);
        return new Page(rows.subList(0, limit), last.at().toEpochMilli() + "_" + last.id());
    }

    /** The account's latest entry of this kind, if the log still has one (it keeps {@link #retention()}). */
    public java.util.Optional<SecurityEvent> latest(UUID userId, String kind) {
        return store.latest(userId, kind).map(SecurityLog::event);
    }

    private static SecurityEvent event(SecurityEventRow r) {
        return new SecurityEvent(
                r.id(), r.userId(), r.kind(), r.createdAt(), r.clientAddress(), r.userAgent(), r.detail());
    }

    /** Deletes the entries older than the retention; how many. */
    public int clean(Instant now) {
        return store.deleteBefore(now.minus(retention));
    }

    public Duration retention() {
        return retention;
    }
}
