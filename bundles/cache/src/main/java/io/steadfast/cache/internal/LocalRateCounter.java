package io.steadfast.cache.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.steadfast.api.cache.CacheBackends;
import io.steadfast.api.cache.RateCounter;

/** Fixed-window counters in this process. Also the fallback of the Redis counters while Redis is down. */
@Component(
        service = RateCounter.class,
        property = {"service.ranking:Integer=0", CacheBackends.IN_PROCESS_PROPERTY})
public class LocalRateCounter implements RateCounter {

    private record Window(long count, long expiresAt) {}

    private final Map<String, Window> windows = new ConcurrentHashMap<>();
    private final LongSupplier clock;

    /** Windows are measured on the platform's clock (its milliseconds). */
    @Activate
    public LocalRateCounter(@Reference Clock clock) {
        this(() -> clock.millis() * 1_000_000);
    }

    LocalRateCounter(LongSupplier nanoClock) {
        this.clock = nanoClock;
    }

    @Override
    public long increment(String key, Duration window) {
        long now = clock.getAsLong();
        if (windows.size() > 10_000) {
            windows.values().removeIf(w -> now - w.expiresAt >= 0);
        }
        return windows.compute(key, (k, w) -> {
                    if (w == null || now - w.expiresAt >= 0) {
                        return new Window(1, now + window.toNanos());
                    }
                    return new Window(w.count + 1, w.expiresAt);
                })
                .count;
    }

    @Override
    public long current(String key) {
        Window w = live(key);
        return w == null ? 0 : w.count;
    }

    @Override
    public Duration remaining(String key) {
        Window w = live(key);
        return w == null ? Duration.ZERO : Duration.ofNanos(w.expiresAt - clock.getAsLong());
    }

    @Override
    public void reset(String key) {
        windows.remove(key);
    }

    private Window live(String key) {
        Window w = windows.get(key);
        if (w != null && clock.getAsLong() - w.expiresAt >= 0) {
            windows.remove(key, w);
            return null;
        }
        return w;
    }
}
