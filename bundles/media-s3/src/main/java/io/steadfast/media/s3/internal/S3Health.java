package io.steadfast.media.s3.internal;

import java.io.IOException;
import java.time.Duration;
import java.util.function.LongSupplier;

import io.steadfast.api.health.HealthIndicator;
import io.steadfast.api.health.HealthStatus;

/**
 * {@code media} in {@code /health} when S3 is configured (outranking the file system store's): whether the bucket
 * answers a listing of one key within a second. An answer is kept for {@link #KEEP_MILLIS}, so that a load
 * balancer's polling costs one request every few seconds, not one per poll. Not required for readiness: without its
 * storage a node still serves everything but photos and files (those answer 503).
 */
final class S3Health implements HealthIndicator {

    static final String COMPONENT = "media";
    static final Duration TIMEOUT = Duration.ofMillis(900);
    static final long KEEP_MILLIS = 5000;

    private final S3MediaStore store;
    private final S3Settings settings;
    private final LongSupplier nanos;
    private HealthStatus last;
    private long lastAt;

    S3Health(S3MediaStore store, S3Settings settings) {
        this(store, settings, System::nanoTime);
    }

    S3Health(S3MediaStore store, S3Settings settings, LongSupplier nanos) {
        this.store = store;
        this.settings = settings;
        this.nanos = nanos;
    }

    @Override
    public String component() {
        return COMPONENT;
    }

    @Override
    public synchronized HealthStatus check() {
        long now = nanos.getAsLong();
        if (last != null && now - lastAt < KEEP_MILLIS * 1_000_000) {
            return last;
        }
        try {
            long ms = store.probe(TIMEOUT);
            last = HealthStatus.healthy(settings.describe() + " answered in " + ms + " ms");
        } catch (IOException | RuntimeException e) {
            last = HealthStatus.unhealthy(settings.describe() + ": " + S3Failures.reason(rootOf(e)));
        }
        lastAt = now;
        return last;
    }

    /** The SDK's exception behind an IOException of the store (its reason), or the exception itself. */
    static Throwable rootOf(Exception e) {
        return e instanceof IOException && e.getCause() instanceof RuntimeException r ? r : e;
    }
}
