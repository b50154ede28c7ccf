package io.steadfast.api.cache;

import java.util.function.Consumer;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Fire-and-forget publish/subscribe between the nodes of a cluster (in-process when Redis is not configured).
 * Messages are not persisted: a node that is down when a message is sent does not see it.
 */
@ProviderType
public interface MessageBus {

    /** Sends {@code message} to every subscriber of {@code channel} on every node, this one included. */
    void publish(String channel, String message);

    /**
     * Calls {@code listener} for each message on {@code channel} until the returned handle is closed.
     * Listeners run on a bus thread and must not block for long.
     */
    Subscription subscribe(String channel, Consumer<String> listener);

    /**
     * Whether messages published on other nodes reach this node now, as a number: {@code 0} while they may be
     * missed (the Redis subscription is down, or its heartbeat has not answered for about a second), otherwise a
     * value that changes each time delivery resumes after an interruption. State kept fresh by messages (a local
     * cache that drops what other nodes invalidate) is to be trusted only while this is the same non-zero value as
     * when the state was taken. The in-process bus misses nothing: {@code 1}, always.
     *
     * @since 1.2
     */
    default long deliveryEpoch() {
        return 1;
    }

    /** A subscription; closing it stops delivery. */
    interface Subscription extends AutoCloseable {
        @Override
        void close();
    }
}
