package io.steadfast.habit.internal.service;

import java.util.List;
import java.util.concurrent.TimeUnit;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Metrics;
import io.steadfast.habit.internal.store.OutboxStore;

/**
 * The habit outbox as gauges (docs/operations.md, Metrics): {@code steadfast_outbox_changes} waiting for delivery
 * to the consumers, and {@code steadfast_outbox_changes_late} of them waiting for more than a minute (what makes
 * the {@code changes} part of {@code /health} unhealthy). Read from the database when scraped, at most once every
 * few seconds; NaN while the outbox cannot be read.
 */
@Component(immediate = true)
public class OutboxMetrics {

    private static final long FRESH_NANOS = TimeUnit.SECONDS.toNanos(5);

    private final OutboxStore outbox;
    private final List<Gauge> gauges;
    private OutboxStore.Backlog last;
    private long readAt;
    private boolean read;

    @Activate
    public OutboxMetrics(@Reference OutboxStore outbox) {
        this.outbox = outbox;
        this.gauges = List.of(
                Gauge.builder(
                                "steadfast.outbox.changes",
                                () -> backlog() == null ? null : backlog().count())
                        .description("Habit changes waiting for delivery to their consumers")
                        .register(Metrics.globalRegistry),
                Gauge.builder(
                                "steadfast.outbox.changes.late",
                                () -> backlog() == null ? null : backlog().overAMinute())
                        .description("Habit changes waiting for delivery for more than a minute")
                        .register(Metrics.globalRegistry));
    }

    private synchronized OutboxStore.Backlog backlog() {
        long now = System.nanoTime();
        if (!read || now - readAt > FRESH_NANOS) {
            try {
                last = outbox.backlog();
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
