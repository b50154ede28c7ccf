package io.steadfast.redis.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;

import io.steadfast.api.cache.RateCounter;
import io.steadfast.testsupport.TestRedis;

/**
 * Redis going away and coming back, with a private Redis server that the test stops and starts: reads miss,
 * writes are dropped, counters fall back to the node, health turns unhealthy, and everything is used again once
 * Redis is back, without a new client.
 */
class RedisOutageTest {

    @Test
    void degradesWhileRedisIsDownAndRecoversWithoutARestart() throws Exception {
        TestRedis.Private redis = TestRedis.startPrivate();
        RedisClient client = new RedisClient(RedisSettings.resolve(redis.url(), null, "outage:", 300, 4));
        try {
            RedisKeyValueCache cache = new RedisKeyValueCache(client);
            RedisHealth health = new RedisHealth(client);
            RecordingCounter local = new RecordingCounter();
            RedisRateCounter counter = new RedisRateCounter(client, local);
            cache.put("k", "v", Duration.ofMinutes(1));
            assertThat(cache.get("k")).contains("v");
            assertThat(health.check().healthy()).isTrue();

            redis.stop();
            long t0 = System.nanoTime();
            assertThat(cache.get("k")).isEmpty();
            cache.put("k2", "v2", Duration.ofMinutes(1));
            assertThat(counter.increment("ip", Duration.ofMinutes(1))).isEqualTo(1);
            assertThat(local.keys).contains("ip");
            assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(3));
            assertThat(health.check().healthy()).isFalse();
            assertThat(health.check().message()).contains("unreachable");

            redis.start();
            long deadline = System.currentTimeMillis() + 10_000;
            while (!health.check().healthy() && System.currentTimeMillis() < deadline) {
                Thread.sleep(100);
            }
            assertThat(health.check().healthy()).isTrue();
            Thread.sleep(RedisClient.OPEN_MILLIS + 100);
            cache.put("k3", "v3", Duration.ofMinutes(1));
            assertThat(cache.get("k3")).contains("v3");
            assertThat(counter.increment("ip2", Duration.ofMinutes(1))).isEqualTo(1);
            assertThat(local.keys).doesNotContain("ip2");
        } finally {
            client.close();
            redis.stop();
        }
    }

    /**
     * This node cannot reach Redis for a moment (Redis itself keeps its data: CLIENT PAUSE), and meanwhile drops a
     * cache entry, e.g. a revoked token. The removal must reach Redis once it answers again, or the other nodes
     * would go on seeing the stale entry.
     */
    @Test
    void aRemovalMadeWhileRedisDoesNotAnswerReachesItLater() throws Exception {
        TestRedis.Private redis = TestRedis.startPrivate();
        RedisClient thisNode = new RedisClient(RedisSettings.resolve(redis.url(), null, "partition:", 200, 4));
        RedisClient otherNode = new RedisClient(RedisSettings.resolve(redis.url(), null, "partition:", 2000, 4));
        try {
            RedisKeyValueCache cache = new RedisKeyValueCache(thisNode);
            RedisKeyValueCache other = new RedisKeyValueCache(otherNode);
            cache.put("token:revoked", "alice", Duration.ofMinutes(5));
            assertThat(other.get("token:revoked")).contains("alice");
            assertThat(redis.command("CLIENT", "PAUSE", "1500", "ALL")).isEqualTo("+OK");
            cache.remove("token:revoked");
            assertThat(cache.pendingCount()).isEqualTo(1);
            Thread.sleep(1500 + RedisClient.OPEN_MILLIS + 200);
            assertThat(cache.get("anything")).isEmpty();
            assertThat(cache.pendingCount()).isZero();
            assertThat(other.get("token:revoked"))
                    .as("the other node no longer sees the revoked entry")
                    .isEmpty();
        } finally {
            thisNode.close();
            otherNode.close();
            redis.stop();
        }
    }

    /**
     * The bus says whether messages from other nodes reach it: 0 while the subscription is down — Redis gone, or
     * still connected but not answering (CLIENT PAUSE: nothing would be delivered either) for about a second — and a
     * new number after each reconnection, since messages sent meanwhile are lost. Polls for infrastructure latency.
     */
    @Test
    void deliveryEpochFollowsTheSubscription() throws Exception {
        TestRedis.Private redis = TestRedis.startPrivate();
        RedisClient client = new RedisClient(RedisSettings.resolve(redis.url(), null, "epoch:", 300, 4));
        RedisMessageBus bus = new RedisMessageBus(client);
        try {
            long first = awaitEpoch(bus, e -> e != 0, 5_000);

            assertThat(redis.command("CLIENT", "PAUSE", "2500", "ALL")).isEqualTo("+OK");
            long paused = System.nanoTime();
            awaitEpoch(bus, e -> e == 0, 3_000);
            assertThat(Duration.ofNanos(System.nanoTime() - paused))
                    .as("a silent subscription is noticed within about a second")
                    .isLessThan(Duration.ofMillis(RedisMessageBus.LIVENESS_MILLIS + 500));
            assertThat(awaitEpoch(bus, e -> e != 0, 5_000))
                    .as("the same connection answers again: nothing was lost")
                    .isEqualTo(first);

            redis.stop();
            long stopped = System.nanoTime();
            awaitEpoch(bus, e -> e == 0, 3_000);
            assertThat(Duration.ofNanos(System.nanoTime() - stopped)).isLessThan(Duration.ofMillis(1_000));
            redis.start();
            assertThat(awaitEpoch(bus, e -> e != 0, 10_000))
                    .as("a new subscription: messages may have been lost in between")
                    .isNotEqualTo(first);
        } finally {
            bus.close();
            client.close();
            redis.stop();
        }
    }

    private static long awaitEpoch(RedisMessageBus bus, java.util.function.LongPredicate condition, long millis)
            throws InterruptedException {
        long deadline = System.nanoTime() + millis * 1_000_000;
        long e = bus.deliveryEpoch();
        while (!condition.test(e)) {
            assertThat(System.nanoTime() - deadline).as("epoch still " + e).isNegative();
            Thread.sleep(10);
            e = bus.deliveryEpoch();
        }
        return e;
    }

    private static final class RecordingCounter implements RateCounter {
        final List<String> keys = new CopyOnWriteArrayList<>();

        @Override
        public long increment(String key, Duration window) {
            keys.add(key);
            return keys.stream().filter(key::equals).count();
        }

        @Override
        public long current(String key) {
            return keys.stream().filter(key::equals).count();
        }

        @Override
        public Duration remaining(String key) {
            return Duration.ZERO;
        }

        @Override
        public void reset(String key) {
            keys.removeIf(key::equals);
        }
    }
}
