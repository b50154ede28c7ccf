package io.steadfast.identity.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "Steadfast identity", description = "Accounts, tokens and login throttling")
public @interface IdentityConfig {

    String PID = "io.steadfast.identity";

    @AttributeDefinition(name = "Session lifetime (days)", description = "Sliding: each use extends it")
    int session_ttlDays() default 30;

    @AttributeDefinition(
            name = "Failed logins per account and address",
            description = "Before the account is locked for that client address only (elsewhere the owner still "
                    + "signs in): for the window, then twice as long each time it happens again, up to the longest "
                    + "lock; also the wrong passwords a session may give to confirm a change")
    int login_maxFailuresPerAccountAndAddress() default 5;

    @AttributeDefinition(
            name = "Failed logins per account",
            description = "From all addresses together, before the account is throttled everywhere for the "
                    + "window: a much higher ceiling against guessing from many addresses")
    int login_maxFailuresPerAccount() default 50;

    @AttributeDefinition(
            name = "Longest lock (minutes)",
            description = "The most a repeated lock of an account for one address grows to")
    int login_maxLockMinutes() default 1440;

    @AttributeDefinition(name = "Failed logins per client address")
    int login_maxFailuresPerAddress() default 20;

    @AttributeDefinition(name = "Throttling window (minutes)")
    int login_windowMinutes() default 15;

    @AttributeDefinition(
            name = "Token cache (seconds)",
            description = "How long a token look-up is kept in the shared cache (Redis); 0: not cached")
    int token_cacheSeconds() default 300;

    @AttributeDefinition(
            name = "Local cache (seconds)",
            description = "How long a node keeps a token look-up (at most the token cache's seconds) and a user's "
                    + "profile in its own memory; changes reach every node at once through the message bus; 0: off")
    int localCache_seconds() default 30;

    @AttributeDefinition(
            name = "Local cache entries",
            description = "At most this many token look-ups, and as many profiles, in a node's memory")
    int localCache_maxEntries() default 10_000;

    @AttributeDefinition(name = "Open registration", description = "Whether anyone may create an account")
    boolean registration_open() default true;

    @AttributeDefinition(name = "Registrations per client address and hour")
    int registration_maxPerAddressPerHour() default 20;

    @AttributeDefinition(
            name = "Trusted reverse proxies",
            description = "Comma-separated addresses of reverse "
                    + "proxies whose X-Forwarded-For header names the client; empty: the peer address is the client",
            required = false)
    String clientAddress_trustedProxies() default "";

    @AttributeDefinition(name = "Password reset e-mails per client address and hour")
    int passwordReset_maxPerAddressPerHour() default 20;

    @AttributeDefinition(
            name = "Password reset e-mails per account and hour",
            description = "Further requests for the account are answered alike but send nothing")
    int passwordReset_maxPerAccountPerHour() default 3;

    @AttributeDefinition(
            name = "Security log (days)",
            description = "How long each account's security log (sign-ins, failures, changes) is kept")
    int securityLog_retentionDays() default 90;
}
