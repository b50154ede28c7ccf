package io.steadfast.platform.internal.health;

import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;
import java.util.function.LongSupplier;

/**
 * How a stopping node leaves: first it says it is not ready (so that a load balancer or Kubernetes stops sending it
 * new requests) and keeps serving for the drain delay while they notice, then it waits — at most until the timeout —
 * for the requests still being served to finish. Plain Java over a request count, a monotonic time source and a
 * sleep, so that it is tested without a server.
 */
public final class Drain {

    /** Sleeps a number of nanoseconds. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(long nanos) throws InterruptedException;
    }

    /** What happened: how long the node kept serving and waited, and how many requests it left unfinished. */
    public record Outcome(long drainedMillis, long waitedMillis, int unfinished) {}

    private final long delayNanos;
    private final long timeoutNanos;
    private final LongSupplier nanoTime;
    private final Sleeper sleeper;

    public Drain(long delayMillis, long timeoutMillis, LongSupplier nanoTime, Sleeper sleeper) {
        if (delayMillis < 0 || timeoutMillis < 0) {
            throw new IllegalArgumentException("delay and timeout must be 0 or more");
        }
        this.delayNanos = TimeUnit.MILLISECONDS.toNanos(delayMillis);
        this.timeoutNanos = TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        this.nanoTime = nanoTime;
        this.sleeper = sleeper;
    }

    /**
     * Keeps serving for the delay, then waits for {@code inFlight} to reach 0, polling every 50 ms, for at most
     * the timeout. Returns early (reporting what was left) when interrupted.
     */
    public Outcome run(IntSupplier inFlight) {
        long start = nanoTime.getAsLong();
        try {
            if (delayNanos > 0) {
                sleeper.sleep(delayNanos);
            }
            long drained = nanoTime.getAsLong();
            long deadline = drained + timeoutNanos;
            while (inFlight.getAsInt() > 0 && nanoTime.getAsLong() - deadline < 0) {
                sleeper.sleep(TimeUnit.MILLISECONDS.toNanos(50));
            }
            return outcome(start, drained, inFlight.getAsInt());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            long now = nanoTime.getAsLong();
            return outcome(start, now, inFlight.getAsInt());
        }
    }

    private Outcome outcome(long start, long drained, int unfinished) {
        long now = nanoTime.getAsLong();
        return new Outcome(
                TimeUnit.NANOSECONDS.toMillis(drained - start),
                TimeUnit.NANOSECONDS.toMillis(now - drained),
                unfinished);
    }

    /**
     * Seconds from an environment variable: its value when it is a whole number of 0 to 600, else the default
     * (a wrong value is reported by the caller).
     */
    public static long seconds(String value, long fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            long s = Long.parseLong(value.trim());
            return s >= 0 && s <= 600 ? s : fallback;
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
