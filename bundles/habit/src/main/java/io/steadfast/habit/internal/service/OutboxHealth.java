package io.steadfast.habit.internal.service;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.steadfast.api.health.HealthIndicator;
import io.steadfast.api.health.HealthStatus;
import io.steadfast.habit.internal.store.OutboxStore;

/**
 * The {@code changes} part of {@code /health}: how many changes wait for delivery after their commit. Unhealthy
 * when some have waited for more than a minute (no node delivers: every node has delivery switched off, a consumer
 * does not start, or a consumer keeps failing — see the WARN lines of the log). Not needed for readiness: the
 * reads stay correct while changes wait.
 */
@Component
public class OutboxHealth implements HealthIndicator {

    private final OutboxStore outbox;

    @Activate
    public OutboxHealth(@Reference OutboxStore outbox) {
        this.outbox = outbox;
    }

    @Override
    public String component() {
        return "changes";
    }

    @Override
    public HealthStatus check() {
        try {
            OutboxStore.Backlog b = outbox.backlog();
            String message = b.count() + " waiting for delivery, " + b.overAMinute() + " for more than a minute";
            return b.overAMinute() > 0 ? HealthStatus.unhealthy(message) : HealthStatus.healthy(message);
        } catch (RuntimeException e) {
            return HealthStatus.unhealthy("the outbox could not be read");
        }
    }
}
