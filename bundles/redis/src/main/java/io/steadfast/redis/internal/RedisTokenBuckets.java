package io.steadfast.redis.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import io.steadfast.api.cache.TokenBuckets;

/**
 * Token buckets on Redis, shared by every node: one Lua script refills, takes and sets the expiry (the time until
 * the bucket is full again: a full bucket is the same as none), so two nodes never take the same token. The time
 * is the platform clock's, passed in. While Redis is down the node-local buckets take over.
 */
public final class RedisTokenBuckets implements TokenBuckets {

    private static final String TAKE = "local cap = tonumber(ARGV[1]) local rate = tonumber(ARGV[2]) "
            + "local now = tonumber(ARGV[3]) "
            + "local b = redis.call('HMGET', KEYS[1], 't', 'u') "
            + "local tokens = tonumber(b[1]) local upd = tonumber(b[2]) "
            + "if tokens == nil or upd == nil then tokens = cap upd = now end "
            + "local elapsed = now - upd if elapsed < 0 then elapsed = 0 end "
            + "tokens = math.min(cap, tokens + elapsed * rate / 1000) "
            + "local allowed = 0 if tokens >= 1 then tokens = tokens - 1 allowed = 1 end "
            + "if now > upd then upd = now end "
            + "redis.call('HSET', KEYS[1], 't', tostring(tokens), 'u', tostring(upd)) "
            + "local full = math.ceil((cap - tokens) * 1000 / rate) "
            + "redis.call('PEXPIRE', KEYS[1], full + 1000) "
            + "local retry = 0 if allowed == 0 then retry = math.ceil((1 - tokens) * 1000 / rate) end "
            + "return {allowed, math.floor(tokens), retry, full}";

    private final RedisClient client;
    private final TokenBuckets fallback;
    private final Clock clock;

    public RedisTokenBuckets(RedisClient client, TokenBuckets fallback, Clock clock) {
        this.client = client;
        this.fallback = fallback;
        this.clock = clock;
    }

    @Override
    public Take take(String key, int capacity, double perSecond) {
        String k = client.key("bucket:" + key);
        List<String> args =
                List.of(Integer.toString(capacity), Double.toString(perSecond), Long.toString(clock.millis()));
        Object v = client.call(j -> j.eval(TAKE, List.of(k), args), null);
        if (v instanceof List<?> r && r.size() == 4) {
            return new Take(
                    ((Long) r.get(0)) == 1L,
                    (Long) r.get(1),
                    Duration.ofMillis((Long) r.get(2)),
                    Duration.ofMillis((Long) r.get(3)));
        }
        return fallback.take(key, capacity, perSecond);
    }
}
