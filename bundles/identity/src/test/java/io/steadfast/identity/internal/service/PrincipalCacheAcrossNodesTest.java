package io.steadfast.identity.internal.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.steadfast.api.auth.AuthenticatedUser;
import io.steadfast.redis.internal.RedisClient;
import io.steadfast.redis.internal.RedisKeyValueCache;
import io.steadfast.redis.internal.RedisMessageBus;
import io.steadfast.redis.internal.RedisSettings;
import io.steadfast.testsupport.TestRedis;

/**
 * Two nodes' principal caches on a real Redis (its cache and its publish/subscribe): a token revoked on one node is
 * refused on the other within a second, though the other held it in its local tier; and a node whose subscription
 * stops answering stops serving its local tier within about a second. The tests poll for that second: it is the
 * latency of the infrastructure, not domain time (the caches' time to live is 30 s on a clock that stands still).
 */
class PrincipalCacheAcrossNodesTest {

    /** One node: its Redis client, cache and bus, and its principal cache on them. */
    static final class Node implements AutoCloseable {
        final RedisClient client;
        final RedisMessageBus bus;
        final PrincipalCache cache;
        final AtomicInteger loads = new AtomicInteger();

        Node(String url, String prefix, Clock clock) {
            client = new RedisClient(RedisSettings.resolve(url, null, prefix, 300, 4));
            bus = new RedisMessageBus(client);
            cache = new PrincipalCache(clock, Fixture.config(Map.of()));
            cache.setCache(new RedisKeyValueCache(client));
            cache.setBus(bus);
        }

        /** A request with the token; {@code valid} is what the database says of it. */
        Optional<AuthenticatedUser> authenticate(String hash, AuthenticatedUser principal, boolean valid) {
            return cache.get(hash, CLOCK.instant(), () -> {
                loads.incrementAndGet();
                return valid ? Optional.of(principal) : Optional.empty();
            });
        }

        void awaitSubscribed() throws InterruptedException {
            long deadline = System.nanoTime() + 5_000_000_000L;
            while (bus.deliveryEpoch() == 0) {
                assertThat(System.nanoTime() - deadline)
                        .as("subscribed to Redis")
                        .isNegative();
                Thread.sleep(10);
            }
        }

        @Override
        public void close() {
            bus.close();
            client.close();
        }
    }

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-02T09:30:00Z"), java.time.ZoneOffset.UTC);

    final AuthenticatedUser ann = new AuthenticatedUser(
            UUID.randomUUID(), "ann@example.org", "user", Set.of("read", "write"), UUID.randomUUID(), "session", null);
    final String hash = "h" + UUID.randomUUID();
    Node a;
    Node b;
    TestRedis.Private privateRedis;

    @AfterEach
    void stop() {
        if (a != null) {
            a.close();
        }
        if (b != null) {
            b.close();
        }
        if (privateRedis != null) {
            privateRedis.stop();
        }
    }

    @Test
    void aTokenRevokedOnOneNodeIsRefusedOnTheOtherWithinASecond() throws Exception {
        String prefix = "test:" + UUID.randomUUID() + ":";
        a = new Node(TestRedis.url(), prefix, CLOCK);
        b = new Node(TestRedis.url(), prefix, CLOCK);
        a.awaitSubscribed();
        b.awaitSubscribed();

        assertThat(a.authenticate(hash, ann, true)).contains(ann);
        assertThat(b.authenticate(hash, ann, true)).contains(ann);
        assertThat(b.loads).as("the shared cache answered the other node").hasValue(0);
        new RedisKeyValueCache(b.client).remove("auth:" + hash);
        assertThat(b.authenticate(hash, ann, true)).as("from the local tier").contains(ann);
        assertThat(b.loads).hasValue(0);

        // node a revokes the token (the database now says it is invalid) and evicts it
        a.cache.remove(hash);
        long revoked = System.nanoTime();
        assertThat(a.authenticate(hash, ann, false))
                .as("on the revoking node, at once")
                .isEmpty();
        while (b.authenticate(hash, ann, false).isPresent()) {
            assertThat(Duration.ofNanos(System.nanoTime() - revoked)).isLessThan(Duration.ofSeconds(1));
            Thread.sleep(5);
        }
        assertThat(Duration.ofNanos(System.nanoTime() - revoked)).isLessThan(Duration.ofSeconds(1));
        assertThat(b.cache.localSize()).isZero();
    }

    @Test
    void aNodeWhoseSubscriptionFallsSilentStopsServingItsLocalTierWithinAboutASecond() throws Exception {
        privateRedis = TestRedis.startPrivate();
        b = new Node(privateRedis.url(), "silent:", CLOCK);
        b.awaitSubscribed();
        assertThat(b.authenticate(hash, ann, true)).contains(ann);
        assertThat(b.authenticate(hash, ann, true)).contains(ann);
        assertThat(b.loads).hasValue(1);

        // Redis keeps the connection but answers nothing: a revocation published now would not arrive
        assertThat(privateRedis.command("CLIENT", "PAUSE", "3000", "ALL")).isEqualTo("+OK");
        long silent = System.nanoTime();
        while (b.authenticate(hash, ann, false).isPresent()) {
            assertThat(Duration.ofNanos(System.nanoTime() - silent)).isLessThan(Duration.ofMillis(1_500));
            Thread.sleep(20);
        }
        assertThat(b.loads).as("the database was asked, and said no").hasValue(2);
    }
}
