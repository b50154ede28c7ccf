package io.steadfast.delivery.internal.service;

import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.steadfast.api.auth.Secrets;
import io.steadfast.delivery.internal.store.ChannelStore;
import io.steadfast.delivery.internal.store.DeliveryStore;

/** Unsubscribe links: each message's own secret (only its hash is stored) turns its channel off. */
@Component(service = Unsubscribes.class)
public class Unsubscribes {

    private final DeliveryStore deliveries;
    private final ChannelStore channels;
    private final Clock clock;

    @Activate
    public Unsubscribes(@Reference DeliveryStore deliveries, @Reference ChannelStore channels, @Reference Clock clock) {
        this.deliveries = deliveries;
        this.channels = channels;
        this.clock = clock;
    }

    /** Turns off the channel of the message that carried {@code token}; {@code false} for an unknown link. */
    public boolean unsubscribe(String token) {
        Optional<UUID> channel = deliveries.channelOfUnsubscribe(Secrets.sha256Hex(token));
        channel.ifPresent(c -> channels.disable(c, "turned off by the unsubscribe link of a message", clock.instant()));
        return channel.isPresent();
    }
}
