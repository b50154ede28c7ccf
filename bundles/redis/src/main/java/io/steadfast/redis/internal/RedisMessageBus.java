package io.steadfast.redis.internal;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.steadfast.api.cache.MessageBus;
import redis.clients.jedis.JedisPubSub;
import redis.clients.jedis.exceptions.JedisException;

/**
 * Publish/subscribe on Redis: one subscriber connection per node (pattern {@code <prefix>bus:*}) feeds the local
 * listeners, reconnecting with back-off when Redis goes away. While Redis is down, a message published on this
 * node still reaches this node's listeners.
 *
 * <p>A heartbeat PINGs on the subscriber connection every {@value #HEARTBEAT_MILLIS} ms; {@link #deliveryEpoch()}
 * is 0 unless the subscription is up and a PONG came back within the last {@value #LIVENESS_MILLIS} ms (Redis
 * answers in order, so every message published before that PING has been delivered), and a new value after each
 * reconnection (messages sent meanwhile are lost).
 */
public final class RedisMessageBus implements MessageBus, AutoCloseable {

    static final long HEARTBEAT_MILLIS = 250;
    static final long LIVENESS_MILLIS = 1000;
    private static final Logger LOG = LoggerFactory.getLogger(RedisMessageBus.class);

    private final RedisClient client;
    private final String prefix;
    private final Map<String, List<Consumer<String>>> listeners = new ConcurrentHashMap<>();
    private final Thread subscriber;
    private final ScheduledExecutorService heartbeat;
    private final AtomicLong subscriptions = new AtomicLong();
    private volatile boolean running = true;
    private volatile JedisPubSub pubSub;
    /** The number of the current subscription, 0 while there is none. */
    private volatile long epoch;
    /** When the subscription last answered, on the {@link System#nanoTime()} scale. */
    private volatile long lastAnswer;

    public RedisMessageBus(RedisClient client) {
        this.client = client;
        this.prefix = client.key("bus:");
        this.subscriber = new Thread(this::subscribeLoop, "steadfast-redis-subscriber");
        this.subscriber.setDaemon(true);
        this.subscriber.start();
        this.heartbeat = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "steadfast-redis-heartbeat");
            t.setDaemon(true);
            return t;
        });
        this.heartbeat.scheduleWithFixedDelay(this::ping, HEARTBEAT_MILLIS, HEARTBEAT_MILLIS, TimeUnit.MILLISECONDS);
    }

    @Override
    public void publish(String channel, String message) {
        Long receivers = client.call(j -> j.publish(prefix + channel, message), null);
        if (receivers == null) {
            deliver(channel, message);
        }
    }

    @Override
    public Subscription subscribe(String channel, Consumer<String> listener) {
        listeners.computeIfAbsent(channel, c -> new CopyOnWriteArrayList<>()).add(listener);
        return () -> {
            List<Consumer<String>> ls = listeners.get(channel);
            if (ls != null) {
                ls.remove(listener);
            }
        };
    }

    @Override
    public long deliveryEpoch() {
        long e = epoch;
        return e != 0 && System.nanoTime() - lastAnswer < LIVENESS_MILLIS * 1_000_000 ? e : 0;
    }

    private void ping() {
        JedisPubSub ps = pubSub;
        if (ps == null || epoch == 0) {
            return;
        }
        try {
            ps.ping();
        } catch (RuntimeException e) {
            // the subscriber thread sees the broken connection too, and reconnects
            LOG.debug("Redis subscriber heartbeat failed: {}", e.toString());
        }
    }

    private void deliver(String channel, String message) {
        List<Consumer<String>> ls = listeners.get(channel);
        if (ls == null) {
            return;
        }
        for (Consumer<String> l : ls) {
            try {
                l.accept(message);
            } catch (RuntimeException e) {
                LOG.warn("Listener on {} failed: {}", channel, e.toString());
            }
        }
    }

    private void subscribeLoop() {
        long backoff = 200;
        while (running) {
            JedisPubSub ps = new JedisPubSub() {
                @Override
                public void onPMessage(String pattern, String channel, String message) {
                    deliver(channel.substring(prefix.length()), message);
                }

                @Override
                public void onPSubscribe(String pattern, int subscribedChannels) {
                    lastAnswer = System.nanoTime();
                    epoch = subscriptions.incrementAndGet();
                }

                @Override
                public void onPong(String pattern) {
                    lastAnswer = System.nanoTime();
                }
            };
            pubSub = ps;
            try {
                client.jedis().psubscribe(ps, prefix + "*");
                backoff = 200;
            } catch (JedisException e) {
                if (running) {
                    LOG.debug("Redis subscriber disconnected ({}); retrying in {} ms", RedisClient.message(e), backoff);
                }
            } catch (RuntimeException e) {
                if (running) {
                    LOG.warn("Redis subscriber failed: {}", e.toString());
                }
            }
            epoch = 0;
            if (!running) {
                break;
            }
            try {
                Thread.sleep(backoff);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            backoff = Math.min(backoff * 2, 5000);
        }
    }

    @Override
    public void close() {
        running = false;
        heartbeat.shutdownNow();
        JedisPubSub ps = pubSub;
        if (ps != null) {
            try {
                if (ps.isSubscribed()) {
                    ps.punsubscribe();
                }
            } catch (RuntimeException ignored) {
                // connection already gone
            }
        }
        subscriber.interrupt();
        try {
            subscriber.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        listeners.clear();
    }
}
