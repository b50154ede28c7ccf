package io.steadfast.cache.internal;

import org.osgi.service.component.annotations.Component;

import io.steadfast.api.cache.CacheBackends;
import io.steadfast.api.ops.Check;

/**
 * {@code redis} for {@code steadfast:doctor} while Redis is not configured: nothing is wrong on a single node. The
 * redis bundle's check outranks this one when a URL is set.
 */
@Component(
        service = Check.class,
        property = {"service.ranking:Integer=0", CacheBackends.IN_PROCESS_PROPERTY})
public class LocalCacheCheck implements Check {

    @Override
    public String name() {
        return "redis";
    }

    @Override
    public Finding run() {
        return Finding.off(
                "not configured: this node keeps its cache, rate limits and messages in process (right for one node)",
                "for a cluster of nodes set STEADFAST_REDIS_URL (e.g. redis://redis.internal:6379) on every node");
    }
}
