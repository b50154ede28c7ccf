package io.steadfast.identity.internal.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

import io.steadfast.api.auth.AuthenticatedUser;
import io.steadfast.api.cache.KeyValueCache;
import io.steadfast.api.cache.MessageBus;
import io.steadfast.identity.internal.IdentityConfig;
import io.steadfast.identity.internal.store.TokenRow;

/**
 * The principals of recently used tokens, by the hash of their secret, in two tiers: this node's {@link LocalTier}
 * (no network at all) in front of the {@link KeyValueCache} (shared by every node when it is Redis), so the common
 * request costs no database query. Whoever revokes a token or changes what its principal says evicts it here: the
 * shared entry is removed and the hash is published on {@link #CHANNEL}, on which every node drops it from its local
 * tier (and removes the shared entry again, in case a look-up racing with the revocation had put it back).
 */
@Component(
        service = PrincipalCache.class,
        configurationPid = IdentityConfig.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
public class PrincipalCache {

    /** The {@link MessageBus} channel of evicted principals; a message is the hash of the token's secret. */
    public static final String CHANNEL = "identity.principal-evicted";

    private static final String PREFIX = "auth:";

    private final LocalTier<AuthenticatedUser> local;
    private volatile Duration sharedTtl;
    private volatile KeyValueCache cache;

    @Activate
    public PrincipalCache(@Reference Clock clock, IdentityConfig config) {
        this.local = new LocalTier<>(CHANNEL, clock, this::removeShared);
        modified(config);
    }

    @Modified
    void modified(IdentityConfig c) {
        Duration shared = Duration.ofSeconds(c.token_cacheSeconds());
        Duration here = Duration.ofSeconds(c.localCache_seconds());
        sharedTtl = shared;
        local.configure(here.compareTo(shared) < 0 ? here : shared, c.localCache_maxEntries());
    }

    @Reference(policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    void setCache(KeyValueCache c) {
        this.cache = c;
    }

    void unsetCache(KeyValueCache c) {
        // the greedy dynamic reference is replaced before it is unset
    }

    @Reference(policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    void setBus(MessageBus bus) {
        local.bind(bus);
    }

    void unsetBus(MessageBus bus) {
        local.unbind(bus);
    }

    /** A principal as the shared cache holds it: with the instant until which it may be served. */
    record Cached(AuthenticatedUser principal, Instant until) {}

    /**
     * The principal of a token: from this node's tier, else from the shared cache, else from {@code load} (the
     * database) and then cached in both. Either serves it for at most the configured seconds since it was loaded,
     * and never beyond the token's expiry. Empty when {@code load} finds none.
     */
    Optional<AuthenticatedUser> get(String tokenHash, Instant now, Supplier<Optional<AuthenticatedUser>> load) {
        Optional<AuthenticatedUser> hit = local.get(tokenHash);
        if (hit.isPresent()) {
            return hit;
        }
        LocalTier.Stamp seen = local.stamp();
        Optional<Cached> shared = cache.get(PREFIX + tokenHash).flatMap(PrincipalCache::decode);
        if (shared.isPresent()
                && !(now.isBefore(shared.get().until()) && usableAt(shared.get().principal(), now))) {
            // kept longer than asked by the cache, or a clock that moved
            cache.remove(PREFIX + tokenHash);
            shared = Optional.empty();
        }
        if (shared.isPresent()) {
            local.put(tokenHash, shared.get().principal(), shared.get().until(), seen);
            return Optional.of(shared.get().principal());
        }
        Optional<AuthenticatedUser> loaded = load.get();
        loaded.ifPresent(u -> {
            Instant until = now.plus(sharedTtl);
            if (u.expiresAt() != null && u.expiresAt().isBefore(until)) {
                until = u.expiresAt();
            }
            cache.put(PREFIX + tokenHash, encode(new Cached(u, until)), Duration.between(now, until));
            if (!local.put(tokenHash, u, until, seen)) {
                // an eviction arrived while this was read: what was read may be what it evicted
                cache.remove(PREFIX + tokenHash);
            }
        });
        return loaded;
    }

    /** Evicts a token's principal on every node. */
    void remove(String tokenHash) {
        cache.remove(PREFIX + tokenHash);
        local.invalidate(tokenHash);
    }

    void evict(TokenRow token) {
        remove(token.hash());
    }

    /** How many principals this node holds in its local tier. */
    int localSize() {
        return local.size();
    }

    private void removeShared(String tokenHash) {
        KeyValueCache c = cache;
        if (c != null) {
            c.remove(PREFIX + tokenHash);
        }
    }

    private static boolean usableAt(AuthenticatedUser u, Instant now) {
        return u.expiresAt() == null || u.expiresAt().isAfter(now);
    }

    /**
     * The cache form of a principal: a line of fields, the email last. It starts with the serving limit, so the
     * form of earlier versions (which started with the user id) reads as a miss.
     */
    static String encode(Cached c) {
        AuthenticatedUser u = c.principal();
        return String.join(
                "|",
                Long.toString(c.until().toEpochMilli()),
                u.userId().toString(),
                u.role(),
                String.join(",", u.scopes()),
                u.tokenId().toString(),
                u.tokenKind(),
                u.expiresAt() == null ? "-" : Long.toString(u.expiresAt().toEpochMilli()),
                u.email());
    }

    static Optional<Cached> decode(String s) {
        try {
            String[] f = s.split("\\|", 8);
            return Optional.of(new Cached(
                    new AuthenticatedUser(
                            UUID.fromString(f[1]),
                            f[7],
                            f[2],
                            Set.copyOf(Arrays.asList(f[3].split(","))),
                            UUID.fromString(f[4]),
                            f[5],
                            "-".equals(f[6]) ? null : Instant.ofEpochMilli(Long.parseLong(f[6]))),
                    Instant.ofEpochMilli(Long.parseLong(f[0]))));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}
