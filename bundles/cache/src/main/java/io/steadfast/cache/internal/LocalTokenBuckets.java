package io.steadfast.cache.internal;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.steadfast.api.cache.CacheBackends;
import io.steadfast.api.cache.TokenBuckets;

/**
 * Token buckets in this process (one node). Also the fallback of the Redis buckets while Redis is down. At most
 * {@value #MAX_BUCKETS} buckets are kept: past that, the full ones (which hold nothing a new bucket would not) are
 * dropped, and if all are in use, all are — a limit that forgets under a flood of keys rather than a node that runs
 * out of memory.
 */
@Component(
        service = TokenBuckets.class,
        property = {"service.ranking:Integer=0", CacheBackends.IN_PROCESS_PROPERTY})
public class LocalTokenBuckets implements TokenBuckets {

    static final int MAX_BUCKETS = 100_000;

    private record Entry(Bucket bucket, int capacity, double perSecond) {}

    private final Map<String, Entry> buckets = new ConcurrentHashMap<>();
    private final LongSupplier millis;

    @Activate
    public LocalTokenBuckets(@Reference Clock clock) {
        this(clock::millis);
    }

    LocalTokenBuckets(LongSupplier millis) {
        this.millis = millis;
    }

    @Override
    public Take take(String key, int capacity, double perSecond) {
        long now = millis.getAsLong();
        if (buckets.size() >= MAX_BUCKETS) {
            buckets.values()
                    .removeIf(
                            e -> e.bucket.refilled(e.capacity, e.perSecond, now).tokens() >= e.capacity);
            if (buckets.size() >= MAX_BUCKETS) {
                buckets.clear();
            }
        }
        Take[] out = new Take[1];
        buckets.compute(key, (k, e) -> {
            Bucket b = e == null ? Bucket.full(capacity, now) : e.bucket;
            Bucket.Result r = b.take(capacity, perSecond, now);
            out[0] = r.take();
            return new Entry(r.bucket(), capacity, perSecond);
        });
        return out[0];
    }

    int size() {
        return buckets.size();
    }
}
