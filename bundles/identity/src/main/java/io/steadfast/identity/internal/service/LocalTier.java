package io.steadfast.identity.internal.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import io.steadfast.api.cache.MessageBus;

/**
 * This node's copy of values read often (principals by token hash, profiles by user id) in front of the shared cache
 * or the database: a bounded concurrent map whose entries live a few seconds on the platform clock (a clock set back
 * drops them). It is kept fresh through the {@link MessageBus}: whoever changes a value calls {@link #invalidate},
 * which drops the key here and publishes it on the tier's channel; every node drops it on receipt.
 *
 * <p>Messages are fire-and-forget, so entries are served only while the bus delivers: while its
 * {@link MessageBus#deliveryEpoch()} is 0 (e.g. the Redis subscription is down) the tier is bypassed, and an entry
 * stored under an earlier epoch (before an interruption, when a message may have been lost) is never served.
 *
 * <p>A reader takes a {@link #stamp()} before it reads the source and passes it to {@link #put}: a value read
 * while an invalidation arrived is not kept, so a look-up racing with a revocation cannot bring the old value back.
 * When full, the tier drops expired entries and then about a tenth of the others (arbitrary ones: hash order).
 */
final class LocalTier<V> {

    /** What a reader saw before reading the source. */
    record Stamp(long invalidations, long epoch) {}

    private record Entry<V>(V value, Instant storedAt, Instant expiresAt, long epoch) {
        boolean servable(Instant now, long currentEpoch) {
            return epoch == currentEpoch && !now.isBefore(storedAt) && now.isBefore(expiresAt);
        }
    }

    private final String channel;
    private final Clock clock;
    private final Consumer<String> onReceived;
    private final ConcurrentHashMap<String, Entry<V>> entries = new ConcurrentHashMap<>();
    private final AtomicLong invalidations = new AtomicLong();
    private final Object sweeping = new Object();
    private volatile Duration ttl = Duration.ZERO;
    private volatile int maxEntries;
    private volatile MessageBus bus;
    private MessageBus.Subscription subscription;

    /**
     * @param channel    the bus channel on which keys to drop are sent
     * @param onReceived what else to do when a key arrives, after it was dropped here (e.g. drop the shared copy)
     */
    LocalTier(String channel, Clock clock, Consumer<String> onReceived) {
        this.channel = channel;
        this.clock = clock;
        this.onReceived = onReceived;
    }

    /** Sets the time to live and the bound (either 0 turns the tier off) and empties the tier. */
    void configure(Duration ttl, int maxEntries) {
        this.ttl = ttl.isNegative() ? Duration.ZERO : ttl;
        this.maxEntries = Math.max(0, maxEntries);
        clear();
    }

    /** Listens on {@code next} (a new bus replaces the one before) and empties the tier. */
    synchronized void bind(MessageBus next) {
        MessageBus.Subscription previous = subscription;
        subscription = next.subscribe(channel, this::received);
        bus = next;
        if (previous != null) {
            previous.close();
        }
        clear();
    }

    /** Stops listening on {@code gone} if it is the current bus. */
    synchronized void unbind(MessageBus gone) {
        if (bus == gone) {
            bus = null;
            subscription.close();
            subscription = null;
            clear();
        }
    }

    Stamp stamp() {
        return new Stamp(invalidations.get(), epoch());
    }

    Optional<V> get(String key) {
        Entry<V> e = entries.get(key);
        if (e == null) {
            return Optional.empty();
        }
        if (!e.servable(clock.instant(), epoch())) {
            entries.remove(key, e);
            return Optional.empty();
        }
        return Optional.of(e.value());
    }

    /**
     * Keeps {@code value} for the tier's time to live, or until {@code notAfter} when that is sooner (null for no
     * limit), if the bus has delivered without interruption since {@code seen}. False when some key was invalidated
     * since {@code seen}: the value may be stale and is not kept.
     */
    boolean put(String key, V value, Instant notAfter, Stamp seen) {
        Instant now = clock.instant();
        Instant expires = now.plus(ttl);
        if (notAfter != null && notAfter.isBefore(expires)) {
            expires = notAfter;
        }
        if (seen.epoch() != 0 && seen.epoch() == epoch() && expires.isAfter(now) && maxEntries > 0) {
            makeRoom(now);
            entries.put(key, new Entry<>(value, now, expires, seen.epoch()));
        }
        if (invalidations.get() != seen.invalidations()) {
            entries.remove(key);
            return false;
        }
        return true;
    }

    /** Drops {@code key} here and on every other node. */
    void invalidate(String key) {
        drop(key);
        MessageBus b = bus;
        if (b != null) {
            b.publish(channel, key);
        }
    }

    int size() {
        return entries.size();
    }

    private void received(String key) {
        drop(key);
        onReceived.accept(key);
    }

    private void drop(String key) {
        invalidations.incrementAndGet();
        entries.remove(key);
    }

    private void clear() {
        invalidations.incrementAndGet();
        entries.clear();
    }

    private long epoch() {
        MessageBus b = bus;
        return b == null ? 0 : b.deliveryEpoch();
    }

    private void makeRoom(Instant now) {
        int max = maxEntries;
        if (entries.size() < max) {
            return;
        }
        synchronized (sweeping) {
            if (entries.size() < max) {
                return;
            }
            long current = epoch();
            entries.values().removeIf(e -> !e.servable(now, current));
            int target = max - Math.max(1, max / 10);
            Iterator<String> keys = entries.keySet().iterator();
            while (entries.size() > target && keys.hasNext()) {
                keys.next();
                keys.remove();
            }
        }
    }
}
