package io.steadfast.redis.internal;

import java.time.Duration;
import java.util.List;

import io.steadfast.api.cache.RateCounter;

/**
 * Fixed-window counters on Redis, shared by every node: INCR and PEXPIRE in one Lua script, so a counter can
 * never be left without an expiry. While Redis is down the node-local counter takes over.
 */
public final class RedisRateCounter implements RateCounter {

    private static final String INCREMENT = "local v = redis.call('INCR', KEYS[1]) "
            + "if v == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end "
            + "if redis.call('PTTL', KEYS[1]) < 0 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end "
            + "return v";

    private final RedisClient client;
    private final RateCounter fallback;

    public RedisRateCounter(RedisClient client, RateCounter fallback) {
        this.client = client;
        this.fallback = fallback;
    }

    @Override
    public long increment(String key, Duration window) {
        String k = client.key("rate:" + key);
        Object v = client.call(j -> j.eval(INCREMENT, List.of(k), List.of(Long.toString(window.toMillis()))), null);
        if (v instanceof Long) {
            return (Long) v;
        }
        return fallback.increment(key, window);
    }

    @Override
    public long current(String key) {
        String v = client.call(j -> j.get(client.key("rate:" + key)), null);
        if (v != null) {
            return Long.parseLong(v);
        }
        return client.available() ? 0 : fallback.current(key);
    }

    @Override
    public Duration remaining(String key) {
        Long ms = client.call(j -> j.pttl(client.key("rate:" + key)), null);
        if (ms == null) {
            return fallback.remaining(key);
        }
        return ms > 0 ? Duration.ofMillis(ms) : Duration.ZERO;
    }

    @Override
    public void reset(String key) {
        client.call(j -> j.del(client.key("rate:" + key)), 0L);
        fallback.reset(key);
    }
}
