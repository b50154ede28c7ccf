package io.steadfast.cache.internal;

import java.time.Duration;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;

import org.osgi.service.component.annotations.Component;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Metrics;
import io.steadfast.api.cache.CacheBackends;
import io.steadfast.api.cache.KeyValueCache;

/**
 * The in-process cache: a bounded map with per-entry expiry. Used when Redis is not configured (one node), and
 * outranked by the Redis cache when it is.
 */
@Component(
        service = KeyValueCache.class,
        property = {"service.ranking:Integer=0", CacheBackends.IN_PROCESS_PROPERTY})
public class LocalKeyValueCache implements KeyValueCache {

    static final int DEFAULT_MAX_ENTRIES = 100_000;

    // steadfast_cache_requests_total{backend, result} (docs/operations.md, Metrics): the hit ratio
    private static final Counter HITS =
            Metrics.counter("steadfast.cache.requests", "backend", "in-process", "result", "hit");
    private static final Counter MISSES =
            Metrics.counter("steadfast.cache.requests", "backend", "in-process", "result", "miss");

    private record Entry(String value, long expiresAt) {}

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final LongSupplier clock;
    private final int maxEntries;
    private final AtomicInteger writes = new AtomicInteger();

    public LocalKeyValueCache() {
        this(System::nanoTime, DEFAULT_MAX_ENTRIES);
    }

    LocalKeyValueCache(LongSupplier nanoClock, int maxEntries) {
        this.clock = nanoClock;
        this.maxEntries = maxEntries;
    }

    @Override
    public Optional<String> get(String key) {
        Entry e = entries.get(key);
        if (e == null) {
            MISSES.increment();
            return Optional.empty();
        }
        if (clock.getAsLong() - e.expiresAt >= 0) {
            entries.remove(key, e);
            MISSES.increment();
            return Optional.empty();
        }
        HITS.increment();
        return Optional.of(e.value);
    }

    @Override
    public void put(String key, String value, Duration ttl) {
        if (ttl.isZero() || ttl.isNegative()) {
            entries.remove(key);
            return;
        }
        entries.put(key, new Entry(value, clock.getAsLong() + ttl.toNanos()));
        if (entries.size() > maxEntries || (writes.incrementAndGet() & 1023) == 0) {
            evict(key);
        }
    }

    @Override
    public void remove(String key) {
        entries.remove(key);
    }

    @Override
    public String backend() {
        return "in-process";
    }

    int size() {
        return entries.size();
    }

    /** Drops expired entries, then, if still too many, arbitrary others down to 90% (never {@code keep}). */
    private void evict(String keep) {
        long now = clock.getAsLong();
        entries.values().removeIf(e -> now - e.expiresAt >= 0);
        if (entries.size() <= maxEntries) {
            return;
        }
        int target = Math.max(1, maxEntries * 9 / 10);
        Iterator<String> it = entries.keySet().iterator();
        while (entries.size() > target && it.hasNext()) {
            if (!it.next().equals(keep)) {
                it.remove();
            }
        }
    }
}
