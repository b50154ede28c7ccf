package io.steadfast.platform.internal.limit;

import java.util.LinkedHashMap;
import java.util.Map;

import io.steadfast.api.cache.TokenBuckets.Take;

/**
 * A rate limit: a burst of {@code burst} requests, then {@code perSecond} a second (a token bucket). Written
 * {@code burst/perSecond}, e.g. {@code 300/20}. Plain Java.
 */
public record RatePolicy(int burst, double perSecond) {

    public RatePolicy {
        if (burst < 1 || !(perSecond > 0) || Double.isInfinite(perSecond)) {
            throw new IllegalArgumentException("must be burst/perSecond with both above zero, e.g. 300/20");
        }
    }

    /** Reads {@code burst/perSecond}; IllegalArgumentException saying what is wrong. */
    public static RatePolicy parse(String text) {
        String t = text == null ? "" : text.trim();
        int slash = t.indexOf('/');
        if (slash < 1) {
            throw new IllegalArgumentException("'" + t + "' must be burst/perSecond, e.g. 300/20");
        }
        try {
            return new RatePolicy(
                    Integer.parseInt(t.substring(0, slash).trim()),
                    Double.parseDouble(t.substring(slash + 1).trim()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + t + "' must be burst/perSecond, e.g. 300/20");
        }
    }

    /** Seconds, rounded up, at least 1 when {@code millis} is above zero. */
    static long seconds(long millis) {
        return (millis + 999) / 1000;
    }

    /**
     * The headers that tell a client where it stands (the IETF draft's {@code RateLimit-*} fields): the burst, what
     * is left, the seconds until the bucket is full again, and the policy with its window (the seconds a full burst
     * takes to come back); with {@code Retry-After} when refused.
     */
    public Map<String, String> headers(Take t) {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("RateLimit-Limit", Integer.toString(burst));
        h.put("RateLimit-Remaining", Long.toString(t.remaining()));
        h.put("RateLimit-Reset", Long.toString(seconds(t.untilFull().toMillis())));
        h.put("RateLimit-Policy", burst + ";w=" + Math.max(1, Math.round(burst / perSecond)));
        if (!t.allowed()) {
            h.put(
                    "Retry-After",
                    Long.toString(Math.max(1, seconds(t.retryAfter().toMillis()))));
        }
        return h;
    }

    @Override
    public String toString() {
        return burst + "/" + (perSecond == Math.rint(perSecond) ? Long.toString((long) perSecond) : perSecond);
    }
}
