package io.steadfast.accountability.internal.service;

import java.util.UUID;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

import io.steadfast.api.cache.MessageBus;

/**
 * Tells every node's event streams that something new was committed: a notification for a user, a feed item of an
 * actor. A wake-up, not the content (the streams read it from the database), and not durable: a stream that missed
 * one catches up at its next heartbeat.
 */
@Component(service = Signals.class)
public class Signals {

    /** The {@link MessageBus} channel; a message is {@code n:<userId>} or {@code f:<actorId>}. */
    public static final String CHANNEL = "accountability.events";

    private volatile MessageBus bus;

    @Reference(policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    void setBus(MessageBus b) {
        this.bus = b;
    }

    void unsetBus(MessageBus b) {
        // replaced before unset
    }

    /** A notification for {@code userId} was committed. */
    public void notified(UUID userId) {
        publish("n:" + userId);
    }

    /** A feed item of {@code actorId}'s was committed. */
    public void fed(UUID actorId) {
        publish("f:" + actorId);
    }

    private void publish(String message) {
        MessageBus b = bus;
        if (b != null) {
            try {
                b.publish(CHANNEL, message);
            } catch (RuntimeException e) {
                // a lost wake-up is caught up by the streams' heartbeat
            }
        }
    }
}
