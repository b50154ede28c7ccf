package io.steadfast.accountability.internal.store;

import static io.steadfast.storage.Rows.fromDb;
import static io.steadfast.storage.Rows.toDb;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import javax.persistence.TypedQuery;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.steadfast.storage.Rows;
import io.steadfast.storage.SchemaReady;

@Component(service = NotificationStore.class)
public class JpaNotificationStore implements NotificationStore {

    private final JpaTemplate jpa;

    @Activate
    public JpaNotificationStore(
            @Reference(target = AccountabilityPersistence.JPA) JpaTemplate jpa,
            @Reference(target = AccountabilityPersistence.SCHEMA) SchemaReady schema) {
        this.jpa = jpa;
    }

    @Override
    public boolean add(NotificationRow n) {
        try {
            return jpa.txExpr(TransactionType.Required, em -> Notifications.insert(em, n));
        } catch (RuntimeException e) {
            if (Rows.isConstraintViolation(e)) {
                return false; // a concurrent twin was first
            }
            throw e;
        }
    }

    @Override
    public List<NotificationRow> list(UUID userId, boolean unreadOnly, Long beforeId, int limit) {
        return jpa.txExpr(TransactionType.Supports, em -> {
            TypedQuery<NotificationEntity> q = em.createQuery(
                            "SELECT n FROM Notification n WHERE n.userId = :u"
                                    + (unreadOnly ? " AND n.readAt IS NULL" : "")
                                    + (beforeId != null ? " AND n.id < :b" : "")
                                    + " ORDER BY n.id DESC",
                            NotificationEntity.class)
                    .setParameter("u", userId.toString());
            if (beforeId != null) {
                q.setParameter("b", beforeId);
            }
            return q.setMaxResults(limit).getResultList().stream()
                    .map(JpaNotificationStore::row)
                    .toList();
        });
    }

    @Override
    public List<NotificationRow> byActor(UUID actorId, String kind) {
        return jpa.txExpr(TransactionType.Supports, em -> em
                .createQuery(
                        "SELECT n FROM Notification n WHERE n.actorId = :a AND n.kind = :k ORDER BY n.id",
                        NotificationEntity.class)
                .setParameter("a", actorId.toString())
                .setParameter("k", kind)
                .getResultList()
                .stream()
                .map(JpaNotificationStore::row)
                .toList());
    }

    @Override
    public List<NotificationRow> since(UUID userId, long afterId, int limit) {
        return jpa.txExpr(TransactionType.Supports, em -> em
                .createQuery(
                        "SELECT n FROM Notification n WHERE n.userId = :u AND n.id > :a ORDER BY n.id",
                        NotificationEntity.class)
                .setParameter("u", userId.toString())
                .setParameter("a", afterId)
                .setMaxResults(limit)
                .getResultList()
                .stream()
                .map(JpaNotificationStore::row)
                .toList());
    }

    @Override
    public long unread(UUID userId) {
        return jpa.txExpr(TransactionType.Supports, em -> em.createQuery(
                        "SELECT COUNT(n) FROM Notification n WHERE n.userId = :u AND n.readAt IS NULL", Long.class)
                .setParameter("u", userId.toString())
                .getSingleResult());
    }

    @Override
    public int read(UUID userId, Collection<Long> ids, Instant at) {
        if (ids.isEmpty()) {
            return 0;
        }
        return jpa.txExpr(TransactionType.Required, em -> em.createQuery(
                        "UPDATE Notification n SET n.readAt = :t WHERE n.userId = :u AND n.id IN :ids "
                                + "AND n.readAt IS NULL")
                .setParameter("t", toDb(at))
                .setParameter("u", userId.toString())
                .setParameter("ids", List.copyOf(ids))
                .executeUpdate());
    }

    @Override
    public int readAll(UUID userId, Instant at) {
        return jpa.txExpr(TransactionType.Required, em -> em.createQuery(
                        "UPDATE Notification n SET n.readAt = :t WHERE n.userId = :u AND n.readAt IS NULL")
                .setParameter("t", toDb(at))
                .setParameter("u", userId.toString())
                .executeUpdate());
    }

    static NotificationRow row(NotificationEntity e) {
        return new NotificationRow(
                e.id,
                UUID.fromString(e.userId),
                e.kind,
                e.actorId == null ? null : UUID.fromString(e.actorId),
                e.habitId == null ? null : UUID.fromString(e.habitId),
                e.habitName,
                e.day,
                e.refId,
                e.comment,
                e.dedupeKey,
                fromDb(e.createdAt),
                fromDb(e.readAt));
    }
}
