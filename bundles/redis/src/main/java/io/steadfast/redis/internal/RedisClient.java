package io.steadfast.redis.internal;

import java.util.function.Function;

import org.apache.commons.pool2.impl.GenericObjectPoolConfig;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Metrics;
import redis.clients.jedis.Connection;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.exceptions.JedisConnectionException;
import redis.clients.jedis.exceptions.JedisException;

/**
 * The pooled Jedis client with a short circuit breaker: after a failure, commands are not tried for a moment
 * (they fall back at once instead of each waiting for a timeout); after that the next command tries again, so
 * Redis is used again as soon as it is back, without a restart.
 */
public final class RedisClient implements AutoCloseable {

    static final long OPEN_MILLIS = 1000;

    // steadfast_redis_errors_total{kind} (docs/operations.md, Metrics): commands that failed, Redis out of reach
    // ("connection") or refusing the command ("command"); commands skipped while the breaker is open are not counted
    private static final Counter CONNECTION_ERRORS = Metrics.counter("steadfast.redis.errors", "kind", "connection");
    private static final Counter COMMAND_ERRORS = Metrics.counter("steadfast.redis.errors", "kind", "command");

    private final RedisSettings settings;
    private final JedisPooled jedis;
    /** While the breaker is open: until when, on the monotonic {@link System#nanoTime()} scale. */
    private volatile long openUntil;

    private volatile boolean open;
    private volatile String lastError;

    public RedisClient(RedisSettings settings) {
        this.settings = settings;
        DefaultJedisClientConfig.Builder cfg = DefaultJedisClientConfig.builder()
                .connectionTimeoutMillis(settings.timeoutMillis())
                .socketTimeoutMillis(settings.timeoutMillis())
                .database(settings.database())
                .clientName("steadfast")
                .ssl(settings.tls());
        if (settings.user() != null) {
            cfg.user(settings.user());
        }
        if (settings.password() != null) {
            cfg.password(settings.password());
        }
        GenericObjectPoolConfig<Connection> pool = new GenericObjectPoolConfig<>();
        pool.setMaxTotal(settings.maxConnections());
        pool.setMaxIdle(settings.maxConnections());
        pool.setMinIdle(0);
        pool.setTestWhileIdle(true);
        pool.setMaxWait(java.time.Duration.ofMillis(settings.timeoutMillis()));
        pool.setJmxEnabled(false);
        this.jedis = new JedisPooled(new HostAndPort(settings.host(), settings.port()), cfg.build(), pool);
    }

    public RedisSettings settings() {
        return settings;
    }

    public String key(String name) {
        return settings.keyPrefix() + name;
    }

    /** Runs a command; on a Redis failure returns {@code fallback} (and opens the breaker). */
    public <T> T call(Function<JedisPooled, T> command, T fallback) {
        if (breakerOpen()) {
            return fallback;
        }
        try {
            T result = command.apply(jedis);
            lastError = null;
            return result;
        } catch (JedisException e) {
            failed(e);
            return fallback;
        }
    }

    /** Whether the breaker is closed, i.e. Redis answered the last command. */
    public boolean available() {
        return !breakerOpen();
    }

    private boolean breakerOpen() {
        return open && System.nanoTime() - openUntil < 0;
    }

    /** Sends PING now, regardless of the breaker. */
    public String ping() {
        try {
            String pong = jedis.ping();
            open = false;
            lastError = null;
            return pong;
        } catch (JedisException e) {
            failed(e);
            throw e;
        }
    }

    public String lastError() {
        return lastError;
    }

    JedisPooled jedis() {
        return jedis;
    }

    void failed(JedisException e) {
        (e instanceof JedisConnectionException ? CONNECTION_ERRORS : COMMAND_ERRORS).increment();
        lastError = e instanceof JedisConnectionException ? "unreachable: " + message(e) : message(e);
        openUntil = System.nanoTime() + OPEN_MILLIS * 1_000_000;
        open = true;
    }

    static String message(Throwable e) {
        Throwable r = e;
        while (r.getCause() != null && r.getCause() != r) {
            r = r.getCause();
        }
        return r.getMessage() == null ? r.getClass().getSimpleName() : r.getMessage();
    }

    @Override
    public void close() {
        jedis.close();
    }
}
