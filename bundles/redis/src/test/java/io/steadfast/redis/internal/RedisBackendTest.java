package io.steadfast.redis.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.steadfast.api.cache.RateCounter;
import io.steadfast.testsupport.TestRedis;

/** The Redis cache, counters, bus and health against a real Redis. */
class RedisBackendTest {

    private RedisClient client;
    private RedisClient second;
    private final String prefix = "test:" + UUID.randomUUID() + ":";

    @BeforeEach
    void connect() {
        client = new RedisClient(RedisSettings.resolve(TestRedis.url(), null, prefix, 1000, 8));
        second = new RedisClient(RedisSettings.resolve(TestRedis.url(), null, prefix, 1000, 8));
    }

    @AfterEach
    void close() {
        client.close();
        second.close();
    }

    @Test
    void cacheIsSharedBetweenNodesAndExpires() throws Exception {
        RedisKeyValueCache a = new RedisKeyValueCache(client);
        RedisKeyValueCache b = new RedisKeyValueCache(second);
        a.put("token:1", "alice", Duration.ofMillis(300));
        assertThat(b.get("token:1")).contains("alice");
        b.remove("token:1");
        assertThat(a.get("token:1")).isEmpty();
        a.put("token:2", "bob", Duration.ofMillis(150));
        Thread.sleep(400);
        assertThat(b.get("token:2")).isEmpty();
        assertThat(a.backend()).isEqualTo("redis");
    }

    @Test
    void countersAreAtomicAcrossNodes() throws Exception {
        RateCounter fallback = new NoFallback();
        RedisRateCounter a = new RedisRateCounter(client, fallback);
        RedisRateCounter b = new RedisRateCounter(second, fallback);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Long>> results = new CopyOnWriteArrayList<>();
            for (int i = 0; i < 200; i++) {
                RedisRateCounter c = i % 2 == 0 ? a : b;
                results.add(pool.submit(() -> c.increment("login:ip", Duration.ofMinutes(1))));
            }
            long max = 0;
            for (Future<Long> f : results) {
                max = Math.max(max, f.get(10, TimeUnit.SECONDS));
            }
            assertThat(max).isEqualTo(200);
            assertThat(a.current("login:ip")).isEqualTo(200);
            assertThat(b.remaining("login:ip")).isGreaterThan(Duration.ofSeconds(50));
            a.reset("login:ip");
            assertThat(b.current("login:ip")).isZero();
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void busCarriesMessagesBetweenNodes() throws Exception {
        RedisMessageBus a = new RedisMessageBus(client);
        RedisMessageBus b = new RedisMessageBus(second);
        try {
            List<String> got = new CopyOnWriteArrayList<>();
            CountDownLatch latch = new CountDownLatch(1);
            b.subscribe("revoked", m -> {
                got.add(m);
                latch.countDown();
            });
            long deadline = System.currentTimeMillis() + 5000;
            while (latch.getCount() > 0 && System.currentTimeMillis() < deadline) {
                a.publish("revoked", "token-1");
                latch.await(100, TimeUnit.MILLISECONDS);
            }
            assertThat(got).contains("token-1");
        } finally {
            a.close();
            b.close();
        }
    }

    @Test
    void healthReportsRedis() {
        assertThat(new RedisHealth(client).check().healthy()).isTrue();
        assertThat(new RedisHealth(client).component()).isEqualTo("cache");
    }

    @Test
    void tokenBucketsAreSharedBetweenNodesAndRefillOnTheClock() throws Exception {
        java.util.concurrent.atomic.AtomicLong millis = new java.util.concurrent.atomic.AtomicLong(1_700_000_000_000L);
        java.time.Clock clock = new java.time.Clock() {
            @Override
            public java.time.ZoneId getZone() {
                return java.time.ZoneOffset.UTC;
            }

            @Override
            public java.time.Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public java.time.Instant instant() {
                return java.time.Instant.ofEpochMilli(millis.get());
            }
        };
        io.steadfast.api.cache.TokenBuckets none = (key, capacity, perSecond) -> {
            throw new AssertionError("fallback used while Redis is up");
        };
        RedisTokenBuckets a = new RedisTokenBuckets(client, none, clock);
        RedisTokenBuckets b = new RedisTokenBuckets(second, none, clock);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Boolean>> results = new CopyOnWriteArrayList<>();
            for (int i = 0; i < 60; i++) {
                RedisTokenBuckets n = i % 2 == 0 ? a : b;
                results.add(pool.submit(() -> n.take("user:ann", 50, 5).allowed()));
            }
            int allowed = 0;
            for (Future<Boolean> f : results) {
                allowed += f.get(10, TimeUnit.SECONDS) ? 1 : 0;
            }
            assertThat(allowed).as("both nodes take from one bucket of 50").isEqualTo(50);
        } finally {
            pool.shutdownNow();
        }
        io.steadfast.api.cache.TokenBuckets.Take refused = a.take("user:ann", 50, 5);
        assertThat(refused.allowed()).isFalse();
        assertThat(refused.retryAfter()).isEqualTo(Duration.ofMillis(200));
        assertThat(refused.untilFull()).isEqualTo(Duration.ofSeconds(10));
        millis.addAndGet(400);
        assertThat(b.take("user:ann", 50, 5).remaining())
                .as("two came in 400 ms, one taken")
                .isEqualTo(1);
        assertThat(a.take("user:bob", 50, 5).remaining()).isEqualTo(49);
    }

    private static final class NoFallback implements RateCounter {
        @Override
        public long increment(String key, Duration window) {
            throw new AssertionError("fallback used while Redis is up");
        }

        @Override
        public long current(String key) {
            return 0;
        }

        @Override
        public Duration remaining(String key) {
            return Duration.ZERO;
        }

        @Override
        public void reset(String key) {}
    }
}
