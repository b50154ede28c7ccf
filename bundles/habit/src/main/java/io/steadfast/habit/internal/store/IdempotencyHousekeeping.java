package io.steadfast.habit.internal.store;

import java.time.Duration;
import java.time.Instant;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.steadfast.storage.Housekeeping;
import io.steadfast.storage.Rows;
import io.steadfast.storage.SchemaReady;

/** Deletes idempotency keys of increments older than a week (a client retries within minutes). */
@Component(service = Housekeeping.class)
public class IdempotencyHousekeeping implements Housekeeping {

    static final Duration KEEP_IDEMPOTENCY_KEYS = Duration.ofDays(7);

    private final JpaTemplate jpa;

    @Activate
    public IdempotencyHousekeeping(
            @Reference(target = HabitPersistence.JPA) JpaTemplate jpa,
            @Reference(target = HabitPersistence.SCHEMA) SchemaReady schema) {
        this.jpa = jpa;
    }

    @Override
    public String description() {
        return "idempotency keys older than " + KEEP_IDEMPOTENCY_KEYS.toDays() + " days";
    }

    @Override
    public int clean(Instant now) {
        return jpa.txExpr(
                TransactionType.Required, em -> em.createQuery("DELETE FROM IdempotencyKey k WHERE k.createdAt < :t")
                        .setParameter("t", Rows.toDb(now.minus(KEEP_IDEMPOTENCY_KEYS)))
                        .executeUpdate());
    }
}
