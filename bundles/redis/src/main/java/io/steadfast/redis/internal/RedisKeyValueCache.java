package io.steadfast.redis.internal;

import java.time.Duration;
import java.util.Optional;

import redis.clients.jedis.params.SetParams;

import io.steadfast.api.cache.KeyValueCache;

/** The cache on Redis. A Redis outage is a miss on read and a dropped write, never an error. */
public final class RedisKeyValueCache implements KeyValueCache {

    private final RedisClient client;

    public RedisKeyValueCache(RedisClient client) {
        this.client = client;
    }

    @Override
    public Optional<String> get(String key) {
        return Optional.ofNullable(client.call(j -> j.get(client.key(key)), null));
    }

    @Override
    public void put(String key, String value, Duration ttl) {
        if (ttl.isZero() || ttl.isNegative()) {
            remove(key);
            return;
        }
        client.call(j -> j.set(client.key(key), value, SetParams.setParams().px(Math.max(1, ttl.toMillis()))),
                null);
    }

    @Override
    public void remove(String key) {
        client.call(j -> j.del(client.key(key)), 0L);
    }

    @Override
    public String backend() {
        return "redis";
    }
}
