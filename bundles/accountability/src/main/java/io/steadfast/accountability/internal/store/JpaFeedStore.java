package io.steadfast.accountability.internal.store;

import static io.steadfast.storage.Rows.fromDb;
import static io.steadfast.storage.Rows.toDb;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import javax.persistence.PersistenceException;
import javax.persistence.TypedQuery;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.steadfast.storage.Rows;
import io.steadfast.storage.SchemaReady;

@Component(service = FeedStore.class)
public class JpaFeedStore implements FeedStore {

    private final JpaTemplate jpa;

    @Activate
    public JpaFeedStore(
            @Reference(target = AccountabilityPersistence.JPA) JpaTemplate jpa,
            @Reference(target = AccountabilityPersistence.SCHEMA) SchemaReady schema) {
        this.jpa = jpa;
    }

    @Override
    public boolean add(FeedItemRow item) {
        try {
            return jpa.txExpr(TransactionType.Required, em -> {
                Connection c = em.unwrap(Connection.class);
                try (PreparedStatement s = c.prepareStatement(
                        "INSERT INTO feed_item (actor_id, kind, habit_id, habit_name, on_day, backfilled, detail, "
                                + "dedupe_key, created_at) SELECT ?, ?, ?, ?, ?, ?, ?, ?, ? WHERE NOT EXISTS "
                                + "(SELECT 1 FROM feed_item WHERE actor_id = ? AND dedupe_key = ?)")) {
                    s.setString(1, item.actorId().toString());
                    s.setString(2, item.kind());
                    if (item.habitId() == null) {
                        s.setNull(3, Types.VARCHAR);
                    } else {
                        s.setString(3, item.habitId().toString());
                    }
                    if (item.habitName() == null) {
                        s.setNull(4, Types.VARCHAR);
                    } else {
                        s.setString(4, item.habitName());
                    }
                    if (item.day() == null) {
                        s.setNull(5, Types.DATE);
                    } else {
                        s.setObject(5, item.day());
                    }
                    s.setBoolean(6, item.backfilled());
                    if (item.detail() == null) {
                        s.setNull(7, Types.VARCHAR);
                    } else {
                        s.setString(7, item.detail());
                    }
                    s.setString(8, item.dedupeKey());
                    s.setObject(9, toDb(item.createdAt()));
                    s.setString(10, item.actorId().toString());
                    s.setString(11, item.dedupeKey());
                    return s.executeUpdate() > 0;
                } catch (SQLException e) {
                    throw new PersistenceException(e);
                }
            });
        } catch (RuntimeException e) {
            if (Rows.isConstraintViolation(e)) {
                return false;
            }
            throw e;
        }
    }

    @Override
    public boolean remove(UUID actorId, String dedupeKey) {
        return jpa.txExpr(
                TransactionType.Required,
                em -> em.createQuery("DELETE FROM FeedItem f WHERE f.actorId = :a AND f.dedupeKey = :k")
                                .setParameter("a", actorId.toString())
                                .setParameter("k", dedupeKey)
                                .executeUpdate()
                        > 0);
    }

    @Override
    public Optional<FeedItemRow> find(long id) {
        return Optional.ofNullable(jpa.txExpr(TransactionType.Supports, em -> em.find(FeedItemEntity.class, id)))
                .map(JpaFeedStore::row);
    }

    @Override
    public List<FeedItemRow> page(Collection<UUID> actorIds, Long beforeId, int limit) {
        if (actorIds.isEmpty()) {
            return List.of();
        }
        return jpa.txExpr(TransactionType.Supports, em -> {
            TypedQuery<FeedItemEntity> q = em.createQuery(
                            "SELECT f FROM FeedItem f WHERE f.actorId IN :a"
                                    + (beforeId != null ? " AND f.id < :b" : "")
                                    + " ORDER BY f.id DESC",
                            FeedItemEntity.class)
                    .setParameter("a", actorIds.stream().map(UUID::toString).toList());
            if (beforeId != null) {
                q.setParameter("b", beforeId);
            }
            return q.setMaxResults(limit).getResultList().stream()
                    .map(JpaFeedStore::row)
                    .toList();
        });
    }

    @Override
    public List<FeedItemRow> since(Collection<UUID> actorIds, long afterId, int limit) {
        if (actorIds.isEmpty()) {
            return List.of();
        }
        return jpa.txExpr(TransactionType.Supports, em -> em
                .createQuery(
                        "SELECT f FROM FeedItem f WHERE f.actorId IN :a AND f.id > :b ORDER BY f.id",
                        FeedItemEntity.class)
                .setParameter("a", actorIds.stream().map(UUID::toString).toList())
                .setParameter("b", afterId)
                .setMaxResults(limit)
                .getResultList()
                .stream()
                .map(JpaFeedStore::row)
                .toList());
    }

    @Override
    public List<FeedItemRow> byActor(UUID actorId) {
        return jpa.txExpr(TransactionType.Supports, em -> em
                .createQuery("SELECT f FROM FeedItem f WHERE f.actorId = :a ORDER BY f.id DESC", FeedItemEntity.class)
                .setParameter("a", actorId.toString())
                .getResultList()
                .stream()
                .map(JpaFeedStore::row)
                .toList());
    }

    @Override
    public Map<Long, Cheers> cheers(Collection<Long> itemIds, UUID userId) {
        Map<Long, Cheers> out = new HashMap<>();
        if (itemIds.isEmpty()) {
            return out;
        }
        jpa.tx(TransactionType.Supports, em -> {
            List<Object[]> counts = em.createQuery(
                            "SELECT c.itemId, COUNT(c) FROM Cheer c WHERE c.itemId IN :ids GROUP BY c.itemId",
                            Object[].class)
                    .setParameter("ids", List.copyOf(itemIds))
                    .getResultList();
            List<Long> mine = em.createQuery(
                            "SELECT c.itemId FROM Cheer c WHERE c.itemId IN :ids AND c.userId = :u", Long.class)
                    .setParameter("ids", List.copyOf(itemIds))
                    .setParameter("u", userId.toString())
                    .getResultList();
            for (Object[] r : counts) {
                long id = ((Number) r[0]).longValue();
                out.put(id, new Cheers(((Number) r[1]).longValue(), mine.contains(id)));
            }
        });
        return out;
    }

    @Override
    public boolean cheer(long itemId, UUID userId, Instant at, NotificationRow notice) {
        try {
            return jpa.txExpr(TransactionType.Required, em -> {
                if (em.find(CheerEntity.class, new CheerEntity.Key(itemId, userId.toString())) != null) {
                    return false;
                }
                CheerEntity e = new CheerEntity();
                e.itemId = itemId;
                e.userId = userId.toString();
                e.createdAt = toDb(at);
                em.persist(e);
                em.flush();
                if (notice != null) {
                    Notifications.insert(em, notice);
                }
                return true;
            });
        } catch (RuntimeException e) {
            if (Rows.isConstraintViolation(e)) {
                return false; // a concurrent twin cheered first
            }
            throw e;
        }
    }

    @Override
    public boolean uncheer(long itemId, UUID userId) {
        return jpa.txExpr(
                TransactionType.Required,
                em -> em.createQuery("DELETE FROM Cheer c WHERE c.itemId = :i AND c.userId = :u")
                                .setParameter("i", itemId)
                                .setParameter("u", userId.toString())
                                .executeUpdate()
                        > 0);
    }

    @Override
    public Map<Long, Instant> cheersBy(UUID userId) {
        Map<Long, Instant> out = new LinkedHashMap<>();
        jpa.tx(TransactionType.Supports, em -> em.createQuery(
                        "SELECT c FROM Cheer c WHERE c.userId = :u ORDER BY c.createdAt", CheerEntity.class)
                .setParameter("u", userId.toString())
                .getResultList()
                .forEach(c -> out.put(c.itemId, fromDb(c.createdAt))));
        return out;
    }

    static FeedItemRow row(FeedItemEntity e) {
        return new FeedItemRow(
                e.id,
                UUID.fromString(e.actorId),
                e.kind,
                e.habitId == null ? null : UUID.fromString(e.habitId),
                e.habitName,
                e.day,
                e.backfilled,
                e.detail,
                e.dedupeKey,
                fromDb(e.createdAt));
    }
}
