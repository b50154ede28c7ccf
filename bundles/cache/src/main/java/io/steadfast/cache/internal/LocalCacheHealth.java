package io.steadfast.cache.internal;

import org.osgi.service.component.annotations.Component;

import io.steadfast.api.cache.CacheBackends;
import io.steadfast.api.health.HealthIndicator;
import io.steadfast.api.health.HealthStatus;

/** Reports the in-process cache, which is always there; the Redis cache outranks it when configured. */
@Component(
        service = HealthIndicator.class,
        property = {"service.ranking:Integer=0", CacheBackends.IN_PROCESS_PROPERTY})
public class LocalCacheHealth implements HealthIndicator {

    @Override
    public String component() {
        return "cache";
    }

    @Override
    public HealthStatus check() {
        return HealthStatus.healthy("in-process cache (single node)");
    }
}
