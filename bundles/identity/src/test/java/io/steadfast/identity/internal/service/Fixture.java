package io.steadfast.identity.internal.service;

import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.steadfast.api.account.UserDataContributor;
import io.steadfast.api.auth.AuthenticatedUser;
import io.steadfast.api.limit.Limits;
import io.steadfast.identity.internal.IdentityConfig;
import io.steadfast.identity.internal.PasswordHasher;
import io.steadfast.identity.internal.TestHashers;
import io.steadfast.identity.internal.domain.Registration;
import io.steadfast.identity.internal.domain.Session;
import io.steadfast.testsupport.TestClock;

/** The identity services wired to in-memory stores, a cheap password hasher and a clock that the test moves. */
final class Fixture {

    static final Instant T0 = Instant.parse("2026-03-02T09:30:00Z");
    static final String PASSWORD = "correct horse battery staple";
    static final String ADDRESS = "203.0.113.7";

    /** A bundle that stores data about users: exports a value, notes deletions in a shared log. */
    record Contributor(String section, Object value, List<String> log) implements UserDataContributor {

        @Override
        public Object export(UUID userId) {
            return value;
        }

        @Override
        public void deleteAll(UUID userId) {
            log.add(section + " deleted " + userId);
        }
    }

    final TestClock clock = new TestClock(T0);
    final InMemoryStores.UserTable users = new InMemoryStores.UserTable();
    final InMemoryStores.TokenTable tokens = new InMemoryStores.TokenTable();
    final InMemoryStores.ResetTable resets = new InMemoryStores.ResetTable();
    final InMemoryStores.KeyValues kv = new InMemoryStores.KeyValues(clock);
    final InMemoryStores.Counters counters = new InMemoryStores.Counters(clock);
    final PasswordHasher hasher = TestHashers.cheap();
    final InMemoryStores.Bus bus = new InMemoryStores.Bus();
    final InMemoryStores.Events events = new InMemoryStores.Events();
    final PrincipalCache cache;
    final Throttling throttling;
    final Sessions sessions;
    /** The per-user limits, by name; a test lowers one to reach it. */
    final Map<String, Integer> max = new java.util.HashMap<>();

    final Limits limits = name -> max.getOrDefault(name, 1000);
    final Accounts accounts;
    final AccessTokens accessTokens;
    final TokenAuthenticator authenticator;
    final AccountDirectory directory;
    final AccountExport export;
    final PasswordResets passwordResets;
    final List<String> log = new ArrayList<>();
    final InMemoryStores.SecurityEvents securityEvents = new InMemoryStores.SecurityEvents();
    final SecurityLog securityLog;
    final SecurityAlerts alerts;
    final AccountAccess access;
    final AccountOverview overview;
    /** What was queued for people's channels. */
    final List<io.steadfast.api.delivery.Outbound.Message> queued = new java.util.concurrent.CopyOnWriteArrayList<>();

    final io.steadfast.api.delivery.Outbound outbound = new io.steadfast.api.delivery.Outbound() {
        @Override
        public int queue(UUID userId, Message message, java.util.Collection<UUID> channelIds) {
            queued.add(message);
            return 1;
        }

        @Override
        public List<UUID> unknownChannels(UUID userId, java.util.Collection<UUID> channelIds) {
            return List.of();
        }
    };

    Fixture() {
        this(Map.of());
    }

    /** @param settings configuration that differs from the defaults, by method name of {@link IdentityConfig} */
    Fixture(Map<String, Object> settings) {
        IdentityConfig config = config(settings);
        cache = new PrincipalCache(clock, config);
        cache.setCache(kv);
        cache.setBus(bus);
        directory = new AccountDirectory(users, events, clock, config);
        directory.setBus(bus);
        throttling = new Throttling(config);
        throttling.setCounter(counters);
        securityLog = new SecurityLog(securityEvents, clock, config);
        alerts = new SecurityAlerts(clock);
        alerts.outbound = outbound;
        sessions = new Sessions(users, tokens, hasher, throttling, cache, clock, limits, securityLog, alerts, config);
        accounts = new Accounts(
                users, tokens, resets, hasher, sessions, throttling, cache, directory, clock, securityLog, config);
        accessTokens = new AccessTokens(users, tokens, cache, clock, limits, securityLog);
        authenticator = new TokenAuthenticator(users, tokens, cache, clock, config);
        export = new AccountExport(users, tokens, clock);
        access = new AccountAccess(users, tokens, resets, cache, clock, securityLog);
        overview = new AccountOverview(users, tokens, securityLog, clock);
        Object base = settings.getOrDefault("publicUrl", "http://localhost:8181");
        passwordResets = new PasswordResets(
                users,
                tokens,
                resets,
                hasher,
                throttling,
                cache,
                clock,
                () -> java.net.URI.create(base.toString().replaceAll("/+$", "")),
                securityLog,
                config);
    }

    /** The configuration with these values and the defaults elsewhere, as DS would pass it. */
    static IdentityConfig config(Map<String, Object> settings) {
        return (IdentityConfig) Proxy.newProxyInstance(
                IdentityConfig.class.getClassLoader(), new Class<?>[] {IdentityConfig.class}, (proxy, method, args) -> {
                    if ("annotationType".equals(method.getName())) {
                        return IdentityConfig.class;
                    }
                    Object value = settings.get(method.getName());
                    return value != null ? value : method.getDefaultValue();
                });
    }

    /** Registers a bundle that stores data about users with both services that call such bundles. */
    void contribute(String section, Object value) {
        Contributor c = new Contributor(section, value, log);
        accounts.addContributor(c);
        export.addContributor(c);
    }

    Session register(String email) {
        return accounts.register(new Registration(email, PASSWORD, null, null), ADDRESS);
    }

    /** The caller a token secret stands for; fails when it stands for none. */
    AuthenticatedUser caller(String secret) {
        return authenticator.authenticate(secret).orElseThrow(() -> new AssertionError("not authenticated"));
    }

    boolean authenticates(String secret) {
        return authenticator.authenticate(secret).isPresent();
    }
}
