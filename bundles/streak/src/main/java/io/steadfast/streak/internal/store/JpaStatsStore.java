package io.steadfast.streak.internal.store;

import static io.steadfast.storage.Rows.fromDb;
import static io.steadfast.storage.Rows.toDb;

import java.util.Optional;
import java.util.UUID;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.steadfast.storage.Rows;
import io.steadfast.storage.SchemaReady;

@Component(service = StatsStore.class)
public class JpaStatsStore implements StatsStore {

    private final JpaTemplate jpa;

    @Activate
    public JpaStatsStore(
            @Reference(target = StreakPersistence.JPA) JpaTemplate jpa,
            @Reference(target = StreakPersistence.SCHEMA) SchemaReady schema) {
        this.jpa = jpa;
    }

    @Override
    public Optional<StatsRow> find(UUID habitId) {
        return Optional.ofNullable(jpa.txExpr(TransactionType.Supports, em -> {
            StatsEntity e = em.find(StatsEntity.class, habitId.toString());
            return e == null
                    ? null
                    : new StatsRow(habitId, e.state, e.computedThrough, fromDb(e.updatedAt), e.revision);
        }));
    }

    @Override
    public boolean put(StatsRow row) {
        for (int attempt = 1; ; attempt++) {
            try {
                return jpa.txExpr(TransactionType.Required, em -> {
                    StatsEntity e = em.find(
                            StatsEntity.class,
                            row.habitId().toString(),
                            javax.persistence.LockModeType.PESSIMISTIC_WRITE);
                    if (e != null && e.revision > row.revision()) {
                        return false; // a later revision was stored meanwhile (by another node): it stays
                    }
                    boolean fresh = e == null;
                    if (fresh) {
                        e = new StatsEntity();
                        e.habitId = row.habitId().toString();
                    }
                    e.state = row.state();
                    e.computedThrough = row.computedThrough();
                    e.updatedAt = toDb(row.updatedAt());
                    e.revision = row.revision();
                    if (fresh) {
                        em.persist(e);
                    }
                    em.flush();
                    return true;
                });
            } catch (RuntimeException e) {
                if (attempt >= 3 || !Rows.isConstraintViolation(e)) {
                    throw e;
                }
            }
        }
    }

    @Override
    public void delete(UUID habitId) {
        jpa.tx(TransactionType.Required, em -> em.createQuery("DELETE FROM HabitStats s WHERE s.habitId = :h")
                .setParameter("h", habitId.toString())
                .executeUpdate());
    }
}
