package io.steadfast.streak.internal.store;

import static io.steadfast.storage.Rows.fromDb;
import static io.steadfast.storage.Rows.toDb;

import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.steadfast.storage.Rows;
import io.steadfast.storage.SchemaReady;

@Component(service = AchievementStore.class)
public class JpaAchievementStore implements AchievementStore {

    private final JpaTemplate jpa;

    @Activate
    public JpaAchievementStore(
            @Reference(target = StreakPersistence.JPA) JpaTemplate jpa,
            @Reference(target = StreakPersistence.SCHEMA) SchemaReady schema) {
        this.jpa = jpa;
    }

    @Override
    public boolean award(AchievementRow row) {
        boolean exists = jpa.txExpr(TransactionType.Supports, em -> !em.createQuery(
                        "SELECT a.id FROM Achievement a WHERE a.userId = :u AND a.scope = :s AND a.code = :c",
                        String.class)
                .setParameter("u", row.userId().toString())
                .setParameter("s", row.scope())
                .setParameter("c", row.code())
                .getResultList()
                .isEmpty());
        if (exists) {
            return false;
        }
        try {
            jpa.tx(TransactionType.Required, em -> {
                AchievementEntity e = new AchievementEntity();
                e.id = row.id().toString();
                e.userId = row.userId().toString();
                e.scope = row.scope();
                e.code = row.code();
                e.reachedOn = row.reachedOn();
                e.createdAt = toDb(row.createdAt());
                em.persist(e);
                em.flush();
            });
            return true;
        } catch (RuntimeException e) {
            if (Rows.isConstraintViolation(e)) {
                return false;
            }
            throw e;
        }
    }

    @Override
    public List<AchievementRow> list(UUID userId) {
        return jpa.txExpr(TransactionType.Supports, em -> em
                .createQuery(
                        "SELECT a FROM Achievement a WHERE a.userId = :u ORDER BY a.reachedOn, a.createdAt",
                        AchievementEntity.class)
                .setParameter("u", userId.toString())
                .getResultList()
                .stream()
                .map(e -> new AchievementRow(
                        UUID.fromString(e.id),
                        UUID.fromString(e.userId),
                        e.scope,
                        e.code,
                        e.reachedOn,
                        fromDb(e.createdAt)))
                .collect(Collectors.toList()));
    }
}
