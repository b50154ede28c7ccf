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

    /** A subscription; closing it stops delivery. */
    interface Subscription extends AutoCloseable {
        @Override
        void close();
    }
}
