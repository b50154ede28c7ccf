package io.steadfast.redis.internal;

import io.steadfast.api.health.HealthIndicator;
import io.steadfast.api.health.HealthStatus;

/** Reports the Redis cache under {@code cache}, outranking the in-process cache. */
public final class RedisHealth implements HealthIndicator {

    private final RedisClient client;

    public RedisHealth(RedisClient client) {
        this.client = client;
    }

    @Override
    public String component() {
        return "cache";
    }

    @Override
    public HealthStatus check() {
        try {
            client.ping();
            return HealthStatus.healthy("redis " + client.settings().describe());
        } catch (RuntimeException e) {
            return HealthStatus.unhealthy("redis " + client.settings().describe() + " "
                    + (client.lastError() == null ? "unreachable" : client.lastError()));
        }
    }
}
