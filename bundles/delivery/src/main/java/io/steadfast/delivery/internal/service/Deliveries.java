package io.steadfast.delivery.internal.service;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.steadfast.api.delivery.Outbound;
import io.steadfast.api.error.ConflictException;
import io.steadfast.api.error.NotFoundException;
import io.steadfast.api.reminder.spi.ReminderChannel;
import io.steadfast.delivery.internal.domain.Delivery;
import io.steadfast.delivery.internal.domain.UserChannel;
import io.steadfast.delivery.internal.store.DeliveryStore;

/**
 * Queues messages in the outbox, one delivery per channel that takes the message's type (the type's
 * {@link ReminderChannel#events} or, by default, the messages for people), and shows the user's delivery log.
 * Queuing is idempotent per channel and message key; the dispatcher is woken to send at once.
 */
@Component(service = {Outbound.class, Deliveries.class})
public class Deliveries implements Outbound {

    private final DeliveryStore store;
    private final Channels channels;
    private final ChannelTypes types;
    private final Dispatcher dispatcher;
    private final Clock clock;

    @Activate
    public Deliveries(
            @Reference DeliveryStore store,
            @Reference Channels channels,
            @Reference ChannelTypes types,
            @Reference Dispatcher dispatcher,
            @Reference Clock clock) {
        this.store = store;
        this.channels = channels;
        this.types = types;
        this.dispatcher = dispatcher;
        this.clock = clock;
    }

    @Override
    public int queue(UUID userId, Message message, Collection<UUID> channelIds) {
        int n = 0;
        for (UserChannel c : channels.targets(userId, channelIds == null ? List.of() : channelIds)) {
            if (takes(c, message.type())) {
                n += queueFor(c, message) ? 1 : 0;
            }
        }
        if (n > 0) {
            dispatcher.wake();
        }
        return n;
    }

    @Override
    public List<UUID> unknownChannels(UUID userId, Collection<UUID> channelIds) {
        return channels.unknown(userId, channelIds);
    }

    /**
     * The types among {@code types} that one of the user's enabled channels takes (one look-up of the channels, so
     * that a consumer on the check-in path asks once before it makes any message).
     */
    public java.util.Set<String> subscribed(UUID userId, String... types) {
        List<UserChannel> mine = channels.targets(userId, List.of());
        java.util.Set<String> out = new java.util.HashSet<>();
        for (String type : types) {
            if (mine.stream().anyMatch(c -> takes(c, type))) {
                out.add(type);
            }
        }
        return out;
    }

    /** Sends a test message to one channel now (whatever types it takes); answers the delivery's id. */
    public UUID test(UUID userId, UUID channelId) {
        UserChannel c = channels.find(userId, channelId);
        if (!c.enabled()) {
            throw new ConflictException("The channel is turned off; turn it on with {\"enabled\": true} first");
        }
        UUID id = UUID.randomUUID();
        Instant now = now();
        store.queue(new Delivery(
                id,
                userId,
                c.id(),
                "test:" + id,
                ReminderChannel.Message.CHANNEL_TEST,
                "Steadfast test message",
                "This is a test of your channel \"" + c.name() + "\". If you can read it, it works.",
                "/settings/channels",
                Map.of("channelId", c.id().toString()),
                types.get(c.type()).isPresent() ? Delivery.PENDING : Delivery.WAITING,
                0,
                null,
                now,
                now,
                null));
        dispatcher.wake();
        return id;
    }

    public List<Delivery> list(UUID userId, String status, Instant before, UUID beforeId, int limit) {
        return store.ofUser(userId, status, before, beforeId, limit);
    }

    public Delivery get(UUID userId, UUID id) {
        return store.find(userId, id).orElseThrow(() -> new NotFoundException("Delivery"));
    }

    /** Sends a failed delivery again, now. */
    public Delivery retry(UUID userId, UUID id) {
        Delivery d = get(userId, id);
        if (!Delivery.FAILED.equals(d.status())) {
            throw new ConflictException("Only a failed delivery can be retried; this one is " + d.status());
        }
        store.retryNow(userId, id, now());
        dispatcher.wake();
        return get(userId, id);
    }

    private boolean queueFor(UserChannel c, Message m) {
        Instant now = now();
        return store.queue(new Delivery(
                UUID.randomUUID(),
                c.userId(),
                c.id(),
                m.key(),
                m.type(),
                m.title() == null ? m.type() : m.title(),
                m.body(),
                m.link(),
                m.data(),
                types.get(c.type()).isPresent() ? Delivery.PENDING : Delivery.WAITING,
                0,
                null,
                now,
                now,
                null));
    }

    /** Whether a channel takes messages of a type: as its type says, or as its saved events list, or for people. */
    boolean takes(UserChannel c, String type) {
        Optional<ReminderChannel> kind = types.get(c.type());
        Set<String> events = null;
        if (kind.isPresent()) {
            events = kind.get().events(c.config());
        } else if (c.config().get("events") instanceof List<?> l) {
            events = Set.copyOf(l.stream().map(String::valueOf).toList());
        }
        return events == null ? ReminderChannel.Message.FOR_PEOPLE.contains(type) : events.contains(type);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
