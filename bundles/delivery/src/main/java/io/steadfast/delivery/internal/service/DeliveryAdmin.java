package io.steadfast.delivery.internal.service;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.steadfast.api.error.ConflictException;
import io.steadfast.api.error.NotFoundException;
import io.steadfast.api.error.ValidationException;
import io.steadfast.delivery.internal.domain.Delivery;
import io.steadfast.delivery.internal.domain.UserChannel;
import io.steadfast.delivery.internal.store.ChannelStore;
import io.steadfast.delivery.internal.store.DeliveryStore;

/**
 * The outbox as operators see it ({@code steadfast:deliveries}, {@code steadfast:delivery-retry}): the newest
 * deliveries of every user, and a failed one sent again. A retry makes the delivery pending and due now with its
 * attempts from 0, in one conditional update: of two retries one wins, and a node's dispatcher claims it (a lease with
 * a claim token: one node sends it), so it goes out once, on whichever node picks it up first.
 */
@Component(service = DeliveryAdmin.class)
public class DeliveryAdmin {

    /** The statuses of a delivery, in the order of its life. */
    public static final List<String> STATUSES =
            List.of(Delivery.PENDING, Delivery.WAITING, Delivery.SENT, Delivery.FAILED);

    /** Another word operators use for {@link Delivery#SENT}. */
    static final String DELIVERED = "delivered";

    private static final Logger LOG = LoggerFactory.getLogger(DeliveryAdmin.class);

    /** A delivery with its channel's type and name ({@code null} when the channel is gone). */
    public record Listed(Delivery delivery, String channelType, String channelName) {}

    private final DeliveryStore store;
    private final ChannelStore channels;
    private final Dispatcher dispatcher;
    private final Clock clock;

    @Activate
    public DeliveryAdmin(
            @Reference DeliveryStore store,
            @Reference ChannelStore channels,
            @Reference Dispatcher dispatcher,
            @Reference Clock clock) {
        this.store = store;
        this.channels = channels;
        this.dispatcher = dispatcher;
        this.clock = clock;
    }

    /**
     * The status as stored: one of {@link #STATUSES}, or {@code delivered} for {@code sent}; {@code null} for any;
     * 422 for anything else.
     */
    public static String status(String given) {
        if (given == null || given.isBlank()) {
            return null;
        }
        String s = given.trim().toLowerCase(Locale.ROOT);
        if (DELIVERED.equals(s)) {
            return Delivery.SENT;
        }
        if (!STATUSES.contains(s)) {
            throw new ValidationException(
                    "status", "must be one of " + String.join(", ", STATUSES) + " (or delivered, for sent)");
        }
        return s;
    }

    /** The newest deliveries, newest first (see {@link DeliveryStore#recent}); {@code status} as {@link #status}. */
    public List<Listed> recent(UUID userId, String status, String channelType, int limit) {
        Map<UUID, Optional<UserChannel>> known = new HashMap<>();
        List<Listed> out = new ArrayList<>();
        for (Delivery d : store.recent(userId, status(status), channelType, limit)) {
            Optional<UserChannel> c = known.computeIfAbsent(d.channelId(), id -> channels.find(d.userId(), id));
            out.add(new Listed(
                    d,
                    c.map(UserChannel::type).orElse(null),
                    c.map(UserChannel::name).orElse(null)));
        }
        return out;
    }

    /**
     * Sends a failed delivery again, now; 404 for no such delivery, 409 (saying why) for one that is not failed or
     * that another retry took first.
     */
    public Delivery retry(UUID id) {
        Delivery d = store.find(id).orElseThrow(() -> new NotFoundException("Delivery"));
        if (!Delivery.FAILED.equals(d.status())) {
            throw new ConflictException("Delivery " + id + " is " + d.status() + ", not failed: " + why(d));
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        if (!store.retryNow(id, now)) {
            throw new ConflictException("Delivery " + id + " was retried meanwhile; see steadfast:deliveries");
        }
        dispatcher.wake();
        LOG.info("Delivery {} (failed after {} attempt(s)) is sent again by an operator", id, d.attempts());
        return store.find(id).orElse(d);
    }

    private static String why(Delivery d) {
        switch (d.status()) {
            case Delivery.PENDING:
                return "it is queued and goes out by itself (next attempt " + d.nextAt() + ")";
            case Delivery.SENT:
                return "it was delivered at " + d.sentAt();
            case Delivery.WAITING:
                return "its channel's type is not running; it goes out when the plugin is back (steadfast:plugins)";
            default:
                return "only a failed delivery can be retried";
        }
    }
}
