package io.steadfast.platform.internal.health;

import java.util.Objects;

/**
 * Decides when a starting node begins to serve its API: once it has been ready (every part that readiness needs
 * is healthy and every REST resource is served) for a settling period in which the set of served resources did
 * not change. From then on it stays open: a part that fails later shows in health, it does not take the API
 * away. Plain Java; {@link Readiness} feeds it observations.
 */
public final class StartupGate {

    private final long settleNanos;
    private long readySince = -1;
    private Object lastMark;
    private volatile boolean open;

    /** @param settleNanos how long readiness must hold, with an unchanged mark, before the gate opens */
    public StartupGate(long settleNanos) {
        this.settleNanos = settleNanos;
    }

    /**
     * One observation.
     *
     * @param ready whether the node is ready now
     * @param mark what changes whenever the served resources change (the JAX-RS runtime's change count)
     * @param nanos a monotonic time ({@link System#nanoTime()})
     * @return whether the gate is open
     */
    public synchronized boolean observe(boolean ready, Object mark, long nanos) {
        if (open) {
            return true;
        }
        if (!ready) {
            readySince = -1;
            return false;
        }
        if (readySince < 0 || !Objects.equals(mark, lastMark)) {
            readySince = nanos;
            lastMark = mark;
            return false;
        }
        if (nanos - readySince >= settleNanos) {
            open = true;
        }
        return open;
    }

    public boolean isOpen() {
        return open;
    }
}
