package io.steadfast.redis.internal;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Metrics;
import io.steadfast.api.cache.KeyValueCache;
import redis.clients.jedis.params.SetParams;

/**
 * The cache on Redis. A Redis outage is a miss on read and a dropped write, never an error. A write or removal
 * that could not reach Redis leaves its key as a pending invalidation, deleted as soon as Redis answers again, so
 * a revoked token or a changed object can never come back from a stale entry after an outage.
 */
public final class RedisKeyValueCache implements KeyValueCache {

    static final int MAX_PENDING = 10_000;

    // steadfast_cache_requests_total{backend, result} (docs/operations.md, Metrics): the hit ratio; a read while
    // Redis is out of reach is a miss (and a steadfast_redis_errors_total)
    private static final Counter HITS =
            Metrics.counter("steadfast.cache.requests", "backend", "redis", "result", "hit");
    private static final Counter MISSES =
            Metrics.counter("steadfast.cache.requests", "backend", "redis", "result", "miss");

    private final RedisClient client;
    private final Set<String> pending = ConcurrentHashMap.newKeySet();
    private volatile boolean overflow;

    public RedisKeyValueCache(RedisClient client) {
        this.client = client;
    }

    @Override
    public Optional<String> get(String key) {
        if (!flushPending()) {
            MISSES.increment();
            return Optional.empty();
        }
        Optional<String> value = Optional.ofNullable(client.call(j -> j.get(client.key(key)), null));
        (value.isPresent() ? HITS : MISSES).increment();
        return value;
    }

    @Override
    public void put(String key, String value, Duration ttl) {
        if (ttl.isZero() || ttl.isNegative()) {
            remove(key);
            return;
        }
        if (!flushPending()) {
            remember(key);
            return;
        }
        String ok = client.call(
                j -> j.set(client.key(key), value, SetParams.setParams().px(Math.max(1, ttl.toMillis()))), null);
        if (ok == null) {
            remember(key);
        }
    }

    @Override
    public void remove(String key) {
        Long n = client.call(j -> j.del(client.key(key)), null);
        if (n == null) {
            remember(key);
        }
    }

    /** Keys whose invalidation still has to reach Redis. */
    int pendingCount() {
        return pending.size();
    }

    private void remember(String key) {
        if (pending.size() >= MAX_PENDING) {
            overflow = true;
        } else {
            pending.add(key);
        }
    }

    /** Deletes the pending keys (or, after an overflow, every key of this installation); true when none is left. */
    private boolean flushPending() {
        if (pending.isEmpty() && !overflow) {
            return true;
        }
        if (!client.available()) {
            return false;
        }
        if (overflow) {
            Boolean done = client.call(
                    j -> {
                        redis.clients.jedis.params.ScanParams params = new redis.clients.jedis.params.ScanParams()
                                .match(client.key("*"))
                                .count(500);
                        String cursor = redis.clients.jedis.params.ScanParams.SCAN_POINTER_START;
                        do {
                            redis.clients.jedis.resps.ScanResult<String> page = j.scan(cursor, params);
                            if (!page.getResult().isEmpty()) {
                                j.del(page.getResult().toArray(new String[0]));
                            }
                            cursor = page.getCursor();
                        } while (!"0".equals(cursor));
                        return Boolean.TRUE;
                    },
                    Boolean.FALSE);
            if (!done) {
                return false;
            }
            overflow = false;
            pending.clear();
            return true;
        }
        for (String key : pending.toArray(new String[0])) {
            Long n = client.call(j -> j.del(client.key(key)), null);
            if (n == null) {
                return false;
            }
            pending.remove(key);
        }
        return true;
    }

    @Override
    public String backend() {
        return "redis";
    }
}
