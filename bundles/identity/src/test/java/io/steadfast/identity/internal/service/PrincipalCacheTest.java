package io.steadfast.identity.internal.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.steadfast.api.auth.AuthenticatedUser;
import io.steadfast.identity.internal.store.TokenRow;

class PrincipalCacheTest {

    @Test
    void cachedPrincipalsRoundTrip() {
        AuthenticatedUser u = new AuthenticatedUser(
                UUID.randomUUID(),
                "odd|mail@example.org",
                "admin",
                Set.of("read", "write"),
                UUID.randomUUID(),
                "session",
                Instant.ofEpochMilli(1_800_000_000_000L));
        assertThat(PrincipalCache.decode(PrincipalCache.encode(u))).contains(u);
        AuthenticatedUser never = new AuthenticatedUser(
                UUID.randomUUID(), "a@b.c", "user", Set.of("read"), UUID.randomUUID(), "pat", null);
        assertThat(PrincipalCache.decode(PrincipalCache.encode(never))).contains(never);
        assertThat(PrincipalCache.decode("garbage")).isEmpty();
    }

    @Test
    void entriesAreKeyedByTheTokenHashAndEvictedWithTheirToken() {
        Fixture f = new Fixture();
        AuthenticatedUser u = new AuthenticatedUser(
                UUID.randomUUID(), "a@b.c", "user", Set.of("read"), UUID.randomUUID(), "pat", null);
        f.cache.put("abc", u, Duration.ofMinutes(1));
        assertThat(f.kv.entries).containsOnlyKeys("auth:abc");
        assertThat(f.cache.get("abc")).contains(u);
        f.kv.put("auth:bad", "not a principal", Duration.ofMinutes(1));
        assertThat(f.cache.get("bad")).isEmpty();
        f.cache.evict(
                new TokenRow(u.tokenId(), u.userId(), "pat", "x", "abc", Set.of("read"), Fixture.T0, null, null, null));
        assertThat(f.cache.get("abc")).isEmpty();
    }
}
