package io.steadfast.identity.internal.service;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

import io.steadfast.api.auth.AuthenticatedUser;
import io.steadfast.api.cache.KeyValueCache;
import io.steadfast.identity.internal.store.TokenRow;

/**
 * The principals of recently used tokens, by the hash of their secret, in the {@link KeyValueCache} (shared by
 * every node when it is Redis): the common request costs no database query. Whoever revokes a token or changes
 * what its principal says evicts it here, so the change applies to the next request on every node.
 */
@Component(service = PrincipalCache.class)
public class PrincipalCache {

    private static final String PREFIX = "auth:";

    private volatile KeyValueCache cache;

    @Reference(policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    void setCache(KeyValueCache c) {
        this.cache = c;
    }

    void unsetCache(KeyValueCache c) {
        // the greedy dynamic reference is replaced before it is unset
    }

    /** The cached principal of a token, empty on a miss or an unreadable entry. */
    Optional<AuthenticatedUser> get(String tokenHash) {
        return cache.get(PREFIX + tokenHash).flatMap(PrincipalCache::decode);
    }

    void put(String tokenHash, AuthenticatedUser principal, Duration ttl) {
        cache.put(PREFIX + tokenHash, encode(principal), ttl);
    }

    void remove(String tokenHash) {
        cache.remove(PREFIX + tokenHash);
    }

    void evict(TokenRow token) {
        remove(token.hash());
    }

    /** The cache form of a principal: a line of fields, the email last. */
    static String encode(AuthenticatedUser u) {
        return String.join(
                "|",
                u.userId().toString(),
                u.role(),
                String.join(",", u.scopes()),
                u.tokenId().toString(),
                u.tokenKind(),
                u.expiresAt() == null ? "-" : Long.toString(u.expiresAt().toEpochMilli()),
                u.email());
    }

    static Optional<AuthenticatedUser> decode(String s) {
        try {
            String[] f = s.split("\\|", 7);
            return Optional.of(new AuthenticatedUser(
                    UUID.fromString(f[0]),
                    f[6],
                    f[1],
                    Set.copyOf(Arrays.asList(f[2].split(","))),
                    UUID.fromString(f[3]),
                    f[4],
                    "-".equals(f[5]) ? null : Instant.ofEpochMilli(Long.parseLong(f[5]))));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}
