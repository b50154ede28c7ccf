package io.steadfast.api.cache;

import java.time.Duration;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Token buckets, for rate limits that allow a burst and then a steady rate. With Redis every node takes from the
 * same bucket; while Redis is down each node keeps its own. Measured on the platform's clock.
 *
 * @since 1.3
 */
@ProviderType
public interface TokenBuckets {

    /**
     * Takes one token from the bucket {@code key}, which holds at most {@code capacity} tokens and gains {@code
     * perSecond} tokens a second; a bucket never used before is full.
     */
    Take take(String key, int capacity, double perSecond);

    /**
     * What a take found.
     *
     * @param allowed    whether a token was taken
     * @param remaining  the whole tokens left
     * @param retryAfter when refused, how long until a token is there; zero when allowed
     * @param untilFull  how long until the bucket is full again
     */
    record Take(boolean allowed, long remaining, Duration retryAfter, Duration untilFull) {}
}
