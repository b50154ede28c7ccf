package io.steadfast.delivery.internal.service;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Metrics;
import io.steadfast.delivery.internal.domain.Delivery;
import io.steadfast.delivery.internal.store.JpaDeliveryBacklog;

/**
 * The delivery outbox as gauges and the dispatcher's outcomes as counters (docs/operations.md, Metrics): {@code
 * steadfast_deliveries_queued{status="pending"|"waiting"}}, read from the database when scraped (at most once every
 * few seconds; NaN while it cannot be read), and {@code steadfast_deliveries_total{channel_type, outcome}} counted
 * by {@link Dispatcher} through {@link #outcome}.
 */
@Component(immediate = true)
public class DeliveryMetrics {

    /** Sent, and the receiver took it. */
    static final String DELIVERED = "delivered";
    /** Not taken this time; tried again later. */
    static final String RETRIED = "retried";
    /** Given up (the receiver refused it, the attempts ran out, the channel is gone or off). */
    static final String FAILED = "failed";
    /** Put aside until the channel's type runs again. */
    static final String WAITING = "waiting";

    private static final long FRESH_NANOS = TimeUnit.SECONDS.toNanos(5);

    private final JpaDeliveryBacklog backlog;
    private final List<Gauge> gauges;
    private Map<String, Long> last;
    private long readAt;
    private boolean read;

    @Activate
    public DeliveryMetrics(@Reference JpaDeliveryBacklog backlog) {
        this.backlog = backlog;
        this.gauges = List.of(queued(Delivery.PENDING), queued(Delivery.WAITING));
    }

    /** Counts one outcome of a delivery to a channel of this type (a plugin's key: few). */
    static void outcome(String channelType, String outcome) {
        Counter.builder("steadfast.deliveries")
                .description("Deliveries handed to their channel type, by outcome")
                .tag("channel_type", channelType == null ? "unknown" : channelType)
                .tag("outcome", outcome)
                .register(Metrics.globalRegistry)
                .increment();
    }

    private Gauge queued(String status) {
        return Gauge.builder("steadfast.deliveries.queued", () -> {
                    Map<String, Long> counts = counts();
                    return counts == null ? null : counts.get(status);
                })
                .description("Deliveries in the outbox not sent yet: pending, or waiting for their channel type")
                .tag("status", status)
                .register(Metrics.globalRegistry);
    }

    private synchronized Map<String, Long> counts() {
        long now = System.nanoTime();
        if (!read || now - readAt > FRESH_NANOS) {
            try {
                last = backlog.byStatus();
            } catch (RuntimeException unreadable) {
                last = null;
            }
            readAt = now;
            read = true;
        }
        return last;
    }

    @Deactivate
    void deactivate() {
        gauges.forEach(Metrics.globalRegistry::remove);
    }
}
