package io.steadfast.delivery.internal.store;

import static io.steadfast.storage.Rows.fromDb;
import static io.steadfast.storage.Rows.toDb;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import javax.persistence.TypedQuery;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.steadfast.delivery.internal.domain.Delivery;
import io.steadfast.storage.Rows;
import io.steadfast.storage.SchemaReady;

/**
 * The outbox in portable SQL (PostgreSQL and H2). A claim is one conditional update per batch (of two nodes, one
 * changes each row), then a read of the rows that carry this claim's token; an outcome is recorded only under the
 * token (the fence: a node whose lease ran out cannot overwrite what the next holder did). Times are the platform
 * clock's.
 */
@Component(service = DeliveryStore.class)
public class JpaDeliveryStore implements DeliveryStore {

    private static final String FREE = "(claimed_until IS NULL OR claimed_until < ?)";

    private final JpaTemplate jpa;

    @Activate
    public JpaDeliveryStore(
            @Reference(target = DeliveryPersistence.JPA) JpaTemplate jpa,
            @Reference(target = DeliveryPersistence.SCHEMA) SchemaReady schema) {
        this.jpa = jpa;
    }

    @Override
    public boolean queue(Delivery d) {
        try {
            return jpa.txExpr(TransactionType.Required, em -> {
                Long exists = em.createQuery(
                                "SELECT COUNT(d) FROM Delivery d WHERE d.channelId = :c AND d.dedupeKey = :k",
                                Long.class)
                        .setParameter("c", d.channelId().toString())
                        .setParameter("k", d.dedupeKey())
                        .getSingleResult();
                if (exists > 0) {
                    return false;
                }
                DeliveryEntity e = new DeliveryEntity();
                e.id = d.id().toString();
                e.userId = d.userId().toString();
                e.channelId = d.channelId().toString();
                e.dedupeKey = d.dedupeKey();
                e.type = d.type();
                e.title = cut(d.title(), 200);
                e.body = cut(d.body(), 2000);
                e.link = cut(d.link(), 500);
                e.data = Json.write(d.data());
                e.status = d.status();
                e.attempts = 0;
                e.nextAt = toDb(d.nextAt());
                e.createdAt = toDb(d.createdAt());
                em.persist(e);
                em.flush();
                return true;
            });
        } catch (RuntimeException e) {
            if (Rows.isConstraintViolation(e)) {
                return false; // another node queued the same message for the channel at the same moment
            }
            throw e;
        }
    }

    @Override
    public List<Delivery> claim(String claim, Instant now, Instant until, int max) {
        LocalDateTime at = toDb(now);
        List<String> ids = jpa.txExpr(TransactionType.Supports, em -> em
                .createNativeQuery("SELECT id FROM delivery WHERE status = ? AND next_at <= ? AND " + FREE
                        + " ORDER BY next_at, id")
                .setParameter(1, Delivery.PENDING)
                .setParameter(2, at)
                .setParameter(3, at)
                .setMaxResults(max)
                .getResultList()
                .stream()
                .map(o -> o.toString().trim())
                .toList());
        if (ids.isEmpty()) {
            return List.of();
        }
        String in = ids.stream().map(i -> "'" + UUID.fromString(i) + "'").collect(Collectors.joining(","));
        return jpa.txExpr(TransactionType.Required, em -> {
            em.createNativeQuery("UPDATE delivery SET claimed_by = ?, claimed_until = ?, attempts = attempts + 1 WHERE "
                            + "id IN (" + in + ") AND status = ? AND next_at <= ? AND " + FREE)
                    .setParameter(1, claim)
                    .setParameter(2, toDb(until))
                    .setParameter(3, Delivery.PENDING)
                    .setParameter(4, at)
                    .setParameter(5, at)
                    .executeUpdate();
            em.flush();
            return em
                    .createQuery(
                            "SELECT d FROM Delivery d WHERE d.claimedBy = :c ORDER BY d.nextAt, d.id",
                            DeliveryEntity.class)
                    .setParameter("c", claim)
                    .getResultList()
                    .stream()
                    .map(JpaDeliveryStore::row)
                    .toList();
        });
    }

    @Override
    public void unsubscribeHash(UUID id, String claim, String hash) {
        update("UPDATE delivery SET unsubscribe_hash = ? WHERE id = ? AND claimed_by = ?", hash, id.toString(), claim);
    }

    @Override
    public boolean sent(UUID id, String claim, Instant at, String detail) {
        return update(
                        "UPDATE delivery SET status = ?, sent_at = ?, last_error = NULL, claimed_by = NULL, "
                                + "claimed_until = NULL WHERE id = ? AND claimed_by = ?",
                        Delivery.SENT,
                        toDb(at),
                        id.toString(),
                        claim)
                > 0;
    }

    @Override
    public boolean retry(UUID id, String claim, Instant nextAt, String error) {
        return update(
                        "UPDATE delivery SET next_at = ?, last_error = ?, claimed_by = NULL, claimed_until = NULL "
                                + "WHERE id = ? AND claimed_by = ?",
                        toDb(nextAt),
                        cut(error, 500),
                        id.toString(),
                        claim)
                > 0;
    }

    @Override
    public boolean failed(UUID id, String claim, String error) {
        return update(
                        "UPDATE delivery SET status = ?, last_error = ?, claimed_by = NULL, claimed_until = NULL "
                                + "WHERE id = ? AND claimed_by = ?",
                        Delivery.FAILED,
                        cut(error, 500),
                        id.toString(),
                        claim)
                > 0;
    }

    @Override
    public boolean waiting(UUID id, String claim, String reason) {
        return update(
                        "UPDATE delivery SET status = ?, last_error = ?, attempts = attempts - 1, claimed_by = NULL, "
                                + "claimed_until = NULL WHERE id = ? AND claimed_by = ?",
                        Delivery.WAITING,
                        cut(reason, 500),
                        id.toString(),
                        claim)
                > 0;
    }

    @Override
    public int resume(Collection<String> types, Instant now) {
        if (types.isEmpty()) {
            return 0;
        }
        return jpa.txExpr(TransactionType.Required, em -> {
            int n = 0;
            for (String type : types) {
                n += em.createNativeQuery("UPDATE delivery SET status = ?, next_at = ? WHERE status = ? AND "
                                + "channel_id IN (SELECT id FROM channel WHERE type = ?)")
                        .setParameter(1, Delivery.PENDING)
                        .setParameter(2, toDb(now))
                        .setParameter(3, Delivery.WAITING)
                        .setParameter(4, type)
                        .executeUpdate();
            }
            return n;
        });
    }

    @Override
    public Optional<Delivery> find(UUID userId, UUID id) {
        return Optional.ofNullable(
                        jpa.txExpr(TransactionType.Supports, em -> em.find(DeliveryEntity.class, id.toString())))
                .filter(e -> e.userId.equals(userId.toString()))
                .map(JpaDeliveryStore::row);
    }

    @Override
    public List<Delivery> ofUser(UUID userId, String status, Instant before, UUID beforeId, int limit) {
        return jpa.txExpr(TransactionType.Supports, em -> {
            TypedQuery<DeliveryEntity> q = em.createQuery(
                            "SELECT d FROM Delivery d WHERE d.userId = :u"
                                    + (status != null ? " AND d.status = :s" : "")
                                    + (before != null
                                            ? " AND (d.createdAt < :b OR (d.createdAt = :b AND d.id < :i))"
                                            : "")
                                    + " ORDER BY d.createdAt DESC, d.id DESC",
                            DeliveryEntity.class)
                    .setParameter("u", userId.toString());
            if (status != null) {
                q.setParameter("s", status);
            }
            if (before != null) {
                q.setParameter("b", toDb(before)).setParameter("i", beforeId.toString());
            }
            return q.setMaxResults(limit).getResultList().stream()
                    .map(JpaDeliveryStore::row)
                    .toList();
        });
    }

    @Override
    public boolean retryNow(UUID userId, UUID id, Instant now) {
        return update(
                        "UPDATE delivery SET status = ?, attempts = 0, next_at = ? WHERE id = ? AND user_id = ? AND "
                                + "status = ?",
                        Delivery.PENDING,
                        toDb(now),
                        id.toString(),
                        userId.toString(),
                        Delivery.FAILED)
                > 0;
    }

    @Override
    public Optional<Delivery> find(UUID id) {
        return Optional.ofNullable(
                        jpa.txExpr(TransactionType.Supports, em -> em.find(DeliveryEntity.class, id.toString())))
                .map(JpaDeliveryStore::row);
    }

    @Override
    public List<Delivery> recent(UUID userId, String status, String channelType, int limit) {
        return jpa.txExpr(TransactionType.Supports, em -> {
            StringBuilder q = new StringBuilder("SELECT d FROM Delivery d WHERE 1 = 1");
            if (userId != null) {
                q.append(" AND d.userId = :u");
            }
            if (status != null) {
                q.append(" AND d.status = :s");
            }
            if (channelType != null) {
                q.append(" AND d.channelId IN (SELECT c.id FROM Channel c WHERE c.type = :t)");
            }
            q.append(" ORDER BY d.createdAt DESC, d.id DESC");
            TypedQuery<DeliveryEntity> query = em.createQuery(q.toString(), DeliveryEntity.class);
            if (userId != null) {
                query.setParameter("u", userId.toString());
            }
            if (status != null) {
                query.setParameter("s", status);
            }
            if (channelType != null) {
                query.setParameter("t", channelType);
            }
            return query.setMaxResults(limit).getResultList().stream()
                    .map(JpaDeliveryStore::row)
                    .toList();
        });
    }

    @Override
    public boolean retryNow(UUID id, Instant now) {
        return update(
                        "UPDATE delivery SET status = ?, attempts = 0, next_at = ?, claimed_by = NULL, "
                                + "claimed_until = NULL WHERE id = ? AND status = ?",
                        Delivery.PENDING,
                        toDb(now),
                        id.toString(),
                        Delivery.FAILED)
                > 0;
    }

    @Override
    public Optional<UUID> channelOfUnsubscribe(String hash) {
        return jpa
                .txExpr(TransactionType.Supports, em -> em.createQuery(
                                "SELECT d.channelId FROM Delivery d WHERE d.unsubscribeHash = :h", String.class)
                        .setParameter("h", hash)
                        .setMaxResults(1)
                        .getResultList())
                .stream()
                .findFirst()
                .map(s -> UUID.fromString(s.trim()));
    }

    @Override
    public int purge(Instant before) {
        return update(
                "DELETE FROM delivery WHERE status IN (?, ?) AND created_at < ?",
                Delivery.SENT,
                Delivery.FAILED,
                toDb(before));
    }

    private int update(String sql, Object... params) {
        return jpa.txExpr(TransactionType.Required, em -> {
            var q = em.createNativeQuery(sql);
            for (int i = 0; i < params.length; i++) {
                q.setParameter(i + 1, params[i]);
            }
            return q.executeUpdate();
        });
    }

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }

    private static Delivery row(DeliveryEntity e) {
        return new Delivery(
                UUID.fromString(e.id),
                UUID.fromString(e.userId),
                UUID.fromString(e.channelId),
                e.dedupeKey,
                e.type,
                e.title,
                e.body,
                e.link,
                Json.read(e.data),
                e.status,
                e.attempts,
                e.lastError,
                fromDb(e.nextAt),
                fromDb(e.createdAt),
                e.sentAt == null ? null : fromDb(e.sentAt));
    }
}
