package io.steadfast.cache.internal;

import java.time.Duration;

import io.steadfast.api.cache.TokenBuckets.Take;

/**
 * A token bucket's state and its arithmetic: tokens flow in at a steady rate up to the capacity, a take removes one.
 * Immutable; plain Java. The Redis buckets do the same in a Lua script.
 *
 * @param tokens    the tokens in the bucket at {@code updatedAt} (a fraction between takes)
 * @param updatedAt the clock's milliseconds of the last take
 */
public record Bucket(double tokens, long updatedAt) {

    /** A full bucket, as a key never used before. */
    public static Bucket full(int capacity, long now) {
        return new Bucket(capacity, now);
    }

    /** The bucket after refilling until {@code now} (a clock that went back refills nothing). */
    public Bucket refilled(int capacity, double perSecond, long now) {
        long elapsed = Math.max(0, now - updatedAt);
        return new Bucket(Math.min(capacity, tokens + elapsed * perSecond / 1000.0), Math.max(now, updatedAt));
    }

    /** The bucket after one take at {@code now}, and what the take found. */
    public Result take(int capacity, double perSecond, long now) {
        Bucket b = refilled(capacity, perSecond, now);
        boolean allowed = b.tokens >= 1;
        Bucket after = allowed ? new Bucket(b.tokens - 1, b.updatedAt) : b;
        Duration retry = allowed ? Duration.ZERO : millis((1 - after.tokens) * 1000.0 / perSecond);
        Duration full = millis((capacity - after.tokens) * 1000.0 / perSecond);
        return new Result(after, new Take(allowed, (long) Math.floor(after.tokens), retry, full));
    }

    private static Duration millis(double ms) {
        return Duration.ofMillis((long) Math.ceil(Math.max(0, ms)));
    }

    /** A take's bucket and answer. */
    public record Result(Bucket bucket, Take take) {}
}
