package io.steadfast.identity.internal.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;

import io.steadfast.api.auth.AuthenticatedUser;
import io.steadfast.identity.internal.store.TokenRow;

class PrincipalCacheTest {

    final Fixture f = new Fixture(Map.of("token_cacheSeconds", 120, "localCache_seconds", 30));
    final AuthenticatedUser u =
            new AuthenticatedUser(UUID.randomUUID(), "a@b.c", "user", Set.of("read"), UUID.randomUUID(), "pat", null);
    final AtomicInteger loads = new AtomicInteger();

    Supplier<Optional<AuthenticatedUser>> load(AuthenticatedUser principal) {
        return () -> {
            loads.incrementAndGet();
            return Optional.ofNullable(principal);
        };
    }

    Optional<AuthenticatedUser> get(String hash) {
        return f.cache.get(hash, f.clock.instant(), load(u));
    }

    @Test
    void cachedPrincipalsRoundTrip() {
        AuthenticatedUser odd = new AuthenticatedUser(
                UUID.randomUUID(),
                "odd|mail@example.org",
                "admin",
                Set.of("read", "write"),
                UUID.randomUUID(),
                "session",
                Instant.ofEpochMilli(1_800_000_000_000L));
        PrincipalCache.Cached until = new PrincipalCache.Cached(odd, Fixture.T0);
        assertThat(PrincipalCache.decode(PrincipalCache.encode(until))).contains(until);
        PrincipalCache.Cached never = new PrincipalCache.Cached(u, Fixture.T0);
        assertThat(PrincipalCache.decode(PrincipalCache.encode(never))).contains(never);
        assertThat(PrincipalCache.decode("garbage")).isEmpty();
        assertThat(PrincipalCache.decode(PrincipalCache.encode(never).substring(14)))
                .as("the form of earlier versions, without the limit")
                .isEmpty();
    }

    @Test
    void aLoadedPrincipalIsKeptHereAndInTheSharedCacheByTokenHash() {
        assertThat(get("abc")).contains(u);
        assertThat(f.kv.entries).containsOnlyKeys("auth:abc");
        assertThat(f.kv.entries.get("auth:abc").ttl()).isEqualTo(Duration.ofSeconds(120));
        assertThat(f.cache.localSize()).isEqualTo(1);
        f.kv.entries.clear();
        assertThat(get("abc")).as("from this node's tier").contains(u);
        assertThat(loads).hasValue(1);
        assertThat(f.cache.get("unknown", f.clock.instant(), load(null))).isEmpty();
        assertThat(f.kv.entries).isEmpty();
        f.kv.put("auth:bad", "not a principal", Duration.ofMinutes(1));
        assertThat(f.cache.get("bad", f.clock.instant(), load(null))).isEmpty();
    }

    @Test
    void neitherTierServesAPrincipalLongerThanTheSharedCachesSeconds() {
        get("abc");
        f.clock.advance(Duration.ofSeconds(100));
        assertThat(get("abc")).contains(u);
        assertThat(loads).as("from the shared cache").hasValue(1);
        f.kv.put("auth:abc", f.kv.entries.get("auth:abc").value(), Duration.ofHours(1));
        f.clock.advance(Duration.ofSeconds(20));
        assertThat(get("abc")).contains(u);
        assertThat(loads).as("120 s after the load: loaded again").hasValue(2);
    }

    @Test
    void theLocalTierLivesItsSecondsThenTheSharedCacheAnswers() {
        get("abc");
        f.clock.advance(Duration.ofSeconds(29));
        f.kv.remove("auth:abc");
        assertThat(get("abc")).contains(u);
        assertThat(loads).hasValue(1);
        f.clock.advance(Duration.ofSeconds(1));
        assertThat(get("abc")).contains(u);
        assertThat(loads).as("the local entry expired, the shared one was gone").hasValue(2);
        f.clock.advance(Duration.ofSeconds(30));
        assertThat(get("abc")).contains(u);
        assertThat(loads).as("from the shared cache").hasValue(2);
        assertThat(f.cache.localSize()).isEqualTo(1);
    }

    @Test
    void aLocalEntryNeverOutlivesItsToken() {
        AuthenticatedUser brief = new AuthenticatedUser(
                u.userId(),
                u.email(),
                u.role(),
                u.scopes(),
                u.tokenId(),
                "pat",
                f.clock.instant().plusSeconds(10));
        f.cache.get("brief", f.clock.instant(), load(brief));
        assertThat(f.kv.entries.get("auth:brief").ttl()).isEqualTo(Duration.ofSeconds(10));
        f.kv.entries.clear();
        f.clock.advance(Duration.ofSeconds(10));
        assertThat(f.cache.get("brief", f.clock.instant(), load(null))).isEmpty();
    }

    @Test
    void anEvictionRemovesBothCopiesAndTellsEveryNode() {
        get("abc");
        f.cache.evict(
                new TokenRow(u.tokenId(), u.userId(), "pat", "x", "abc", Set.of("read"), Fixture.T0, null, null, null));
        assertThat(f.kv.entries).isEmpty();
        assertThat(f.cache.localSize()).isZero();
        assertThat(f.bus.published).containsExactly(PrincipalCache.CHANNEL + " abc");
    }

    @Test
    void anEvictionFromAnotherNodeDropsTheLocalAndTheSharedCopy() {
        get("abc");
        f.bus.publish(PrincipalCache.CHANNEL, "abc");
        assertThat(f.cache.localSize()).isZero();
        assertThat(f.kv.entries).isEmpty();
        assertThat(get("abc")).contains(u);
        assertThat(loads).hasValue(2);
    }

    @Test
    void aLookUpRacingWithARevocationLeavesNothingCached() {
        Optional<AuthenticatedUser> during = f.cache.get("abc", f.clock.instant(), () -> {
            // the database said "valid" just before another node revoked the token and published its hash
            f.bus.publish(PrincipalCache.CHANNEL, "abc");
            return Optional.of(u);
        });
        assertThat(during).as("the request that was already under way").contains(u);
        assertThat(f.cache.localSize()).isZero();
        assertThat(f.kv.entries).as("not put back into the shared cache").isEmpty();
    }

    @Test
    void whileTheBusMayMissMessagesEveryLookUpGoesToTheSharedCache() {
        get("abc");
        f.bus.epoch = 0;
        // another node revokes the token: the shared entry goes, the message does not arrive
        f.kv.remove("auth:abc");
        assertThat(get("abc")).contains(u);
        assertThat(loads).as("not served from the local tier").hasValue(2);
    }
}
