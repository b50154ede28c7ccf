package io.steadfast.accountability.internal.rest;

import java.util.UUID;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

import io.steadfast.api.cache.MessageBus;
import io.steadfast.api.event.UserEvents;

/**
 * {@link UserEvents} over the {@link MessageBus}: every node's {@link EventStreams} sends the event to the user's
 * streams it holds. Fire and forget, like the bus.
 */
@Component(service = UserEvents.class)
public class LiveEvents implements UserEvents {

    /** The bus channel; a message is {@code <userId> <name> <json>}. */
    static final String CHANNEL = "accountability.live";

    private static final int MAX_DATA = 8 * 1024;

    private volatile MessageBus bus;

    @Reference(policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    void setBus(MessageBus b) {
        this.bus = b;
    }

    void unsetBus(MessageBus b) {
        // replaced before unset
    }

    @Override
    public void publish(UUID userId, String name, String json) {
        if (name == null || !name.matches(NAME_PATTERN)) {
            throw new IllegalArgumentException("event name must match " + NAME_PATTERN);
        }
        if (json == null || json.length() > MAX_DATA || !json.startsWith("{")) {
            throw new IllegalArgumentException("event data must be a JSON object of at most 8 KB");
        }
        MessageBus b = bus;
        if (b != null) {
            try {
                b.publish(CHANNEL, userId + " " + name + " " + json.replace('\n', ' '));
            } catch (RuntimeException e) {
                // not durable by design: the state is readable from the API
            }
        }
    }
}
