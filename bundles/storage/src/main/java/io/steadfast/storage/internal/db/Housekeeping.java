package io.steadfast.storage.internal.db;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes what has served its purpose, every few hours: idempotency keys older than a week (a client retries within
 * minutes) and tokens that expired or were revoked more than 30 days ago. Safe on several nodes at once (plain
 * deletes by age).
 */
@Component(immediate = true)
public class Housekeeping {

    static final Duration KEEP_IDEMPOTENCY_KEYS = Duration.ofDays(7);
    static final Duration KEEP_DEAD_TOKENS = Duration.ofDays(30);
    private static final Logger LOG = LoggerFactory.getLogger(Housekeeping.class);

    private final JpaTemplate jpa;
    private final ScheduledExecutorService executor;
    private final Clock clock;

    @Activate
    public Housekeeping(@Reference(target = "(osgi.unit.name=steadfast)") JpaTemplate jpa,
            @Reference SchemaReady schema, @Reference Clock clock) {
        this(jpa, clock, true);
    }

    Housekeeping(JpaTemplate jpa, Clock clock, boolean schedule) {
        this.jpa = jpa;
        this.clock = clock;
        if (schedule) {
            this.executor = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "steadfast-housekeeping");
                t.setDaemon(true);
                return t;
            });
            executor.scheduleWithFixedDelay(this::runSafely, 5, 6 * 60, TimeUnit.MINUTES);
        } else {
            this.executor = null;
        }
    }

    @Deactivate
    void deactivate() {
        if (executor != null) {
            executor.shutdownNow();
        }
    }

    private void runSafely() {
        try {
            int[] n = run();
            if (n[0] + n[1] > 0) {
                LOG.info("Housekeeping: {} idempotency keys and {} dead tokens deleted", n[0], n[1]);
            }
        } catch (RuntimeException e) {
            LOG.warn("Housekeeping failed: {}", e.toString());
        }
    }

    /** Deletes now; returns the numbers of idempotency keys and tokens deleted. */
    int[] run() {
        Instant now = clock.instant();
        int keys = jpa.txExpr(TransactionType.Required, em -> em.createQuery(
                "DELETE FROM IdempotencyKey k WHERE k.createdAt < :t")
                .setParameter("t", Persistence.toDb(now.minus(KEEP_IDEMPOTENCY_KEYS))).executeUpdate());
        java.time.LocalDateTime cut = Persistence.toDb(now.minus(KEEP_DEAD_TOKENS));
        int tokens = jpa.txExpr(TransactionType.Required, em -> em.createQuery(
                "DELETE FROM Token t WHERE t.revokedAt < :c OR t.expiresAt < :c").setParameter("c", cut)
                .executeUpdate());
        return new int[] { keys, tokens };
    }
}
