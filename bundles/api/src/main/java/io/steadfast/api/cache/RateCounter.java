package io.steadfast.api.cache;

import java.time.Duration;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Atomic counters in fixed windows, for rate limits and throttling. With Redis every node sees the same count.
 */
@ProviderType
public interface RateCounter {

    /**
     * Adds one to the counter {@code key} and returns the new value. The counter starts at zero and disappears
     * {@code window} after its first increment.
     */
    long increment(String key, Duration window);

    /** The current value, 0 when absent or expired. */
    long current(String key);

    /** Time until the counter expires; {@link Duration#ZERO} when absent. */
    Duration remaining(String key);

    /** Deletes the counter. */
    void reset(String key);
}
