package io.steadfast.redis.internal;

import io.steadfast.api.ops.Check;

/**
 * {@code redis} for {@code steadfast:doctor}, when Redis is configured (outranking the in-process cache's "not
 * configured"): a PING and its latency, and whether this node's subscription delivers the other nodes' messages
 * (revocations, evictions) now.
 */
public final class RedisCheck implements Check {

    /** A PING slower than this is worth a warning: every cache miss and rate limit pays it. */
    static final long SLOW_MS = 50;

    private final RedisClient client;
    private final RedisMessageBus bus;

    public RedisCheck(RedisClient client, RedisMessageBus bus) {
        this.client = client;
        this.bus = bus;
    }

    @Override
    public String name() {
        return "redis";
    }

    @Override
    public Finding run() {
        String where = client.settings().describe();
        long started = System.nanoTime();
        try {
            client.ping();
        } catch (RuntimeException e) {
            return Finding.problem(
                    "redis " + where + " " + (client.lastError() == null ? "does not answer" : client.lastError()),
                    "is Redis running and reachable from this node (STEADFAST_REDIS_URL, its password, a firewall)? "
                            + "Meanwhile each node counts rate limits alone and reads tokens from the database; "
                            + "it recovers by itself");
        }
        long ms = (System.nanoTime() - started) / 1_000_000;
        String detail = "redis " + where + " answered PING in " + ms + " ms";
        if (bus.deliveryEpoch() == 0) {
            return Finding.warning(
                    detail + ", but this node's subscription is not delivering now",
                    "revocations from other nodes reach this node only through it: it re-subscribes by itself "
                            + "within seconds; if this stays, check the Redis server's client limit and its log");
        }
        if (ms > SLOW_MS) {
            return Finding.warning(
                    detail + "; the subscription delivers",
                    "a PING over " + SLOW_MS + " ms slows every request: put Redis near the nodes, or check its load");
        }
        return Finding.ok(detail + "; the subscription delivers the other nodes' messages");
    }
}
