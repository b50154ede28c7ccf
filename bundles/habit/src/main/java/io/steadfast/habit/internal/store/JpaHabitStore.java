package io.steadfast.habit.internal.store;

import static io.steadfast.storage.Rows.fromDb;
import static io.steadfast.storage.Rows.toDb;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import javax.persistence.EntityManager;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.steadfast.habit.api.Goal;
import io.steadfast.habit.api.Sharing;
import io.steadfast.storage.SchemaReady;

@Component(service = HabitStore.class)
public class JpaHabitStore implements HabitStore {

    private final JpaTemplate jpa;

    @Activate
    public JpaHabitStore(
            @Reference(target = HabitPersistence.JPA) JpaTemplate jpa,
            @Reference(target = HabitPersistence.SCHEMA) SchemaReady schema) {
        this.jpa = jpa;
    }

    /** How often a create is tried when the owner's first order row was inserted concurrently. */
    static final int ATTEMPTS = 3;

    @Override
    public HabitRow create(HabitRow h) {
        return create(h, null);
    }

    private HabitRow create(HabitRow h, String sourceKey) {
        for (int attempt = 1; ; attempt++) {
            try {
                return jpa.txExpr(TransactionType.Required, em -> {
                    HabitEntity e = new HabitEntity();
                    e.id = h.id().toString();
                    e.userId = h.userId().toString();
                    e.createdAt = toDb(h.createdAt());
                    e.createdOn = java.util.Objects.requireNonNull(h.createdOn(), "createdOn");
                    copy(h, e);
                    e.sortOrder = nextOrder(em, e.userId);
                    em.persist(e);
                    if (sourceKey != null) {
                        em.flush();
                        Jdbc.update(
                                Jdbc.connection(em), "UPDATE habit SET source_key = ? WHERE id = ?", sourceKey, e.id);
                    }
                    long revision = Outbox.habitChanged(em, h.userId(), h.id());
                    return toRow(e, revision);
                });
            } catch (RuntimeException e) {
                if (attempt >= ATTEMPTS || !io.steadfast.storage.Rows.isConstraintViolation(e)) {
                    throw e;
                }
            }
        }
    }

    @Override
    public HabitRow createImported(HabitRow h, String sourceKey) {
        return create(h, java.util.Objects.requireNonNull(sourceKey, "sourceKey"));
    }

    /**
     * Takes the owner's next sort order. The update locks the owner's order row until the transaction ends, so
     * concurrent creates (and reorders) of one owner take their turns; the owner's very first create inserts the row,
     * and a concurrent first insert fails on its key and is retried.
     */
    private static int nextOrder(EntityManager em, String userId) {
        int updated = em.createNativeQuery("UPDATE habit_order SET next_order = next_order + 1 WHERE user_id = ?")
                .setParameter(1, userId)
                .executeUpdate();
        if (updated == 0) {
            Integer max = em.createQuery("SELECT MAX(h.sortOrder) FROM Habit h WHERE h.userId = :u", Integer.class)
                    .setParameter("u", userId)
                    .getSingleResult();
            int next = max == null ? 0 : max + 1;
            em.createNativeQuery("INSERT INTO habit_order (user_id, next_order) VALUES (?, ?)")
                    .setParameter(1, userId)
                    .setParameter(2, next + 1)
                    .executeUpdate();
            return next;
        }
        Number next = (Number) em.createNativeQuery("SELECT next_order FROM habit_order WHERE user_id = ?")
                .setParameter(1, userId)
                .getSingleResult();
        return next.intValue() - 1;
    }

    @Override
    public Optional<HabitRow> find(UUID userId, UUID habitId) {
        // read-only: the hottest read of all (every request about a habit) builds no change-tracking copy
        return jpa.txExpr(TransactionType.Supports, em -> em
                .createQuery("SELECT h FROM Habit h WHERE h.id = :id AND h.userId = :u", HabitEntity.class)
                .setParameter("id", habitId.toString())
                .setParameter("u", userId.toString())
                .setHint("eclipselink.read-only", "true")
                .getResultList()
                .stream()
                .findFirst()
                .map(JpaHabitStore::toRow));
    }

    @Override
    public List<HabitRow> list(UUID userId, boolean archived) {
        return jpa.txExpr(TransactionType.Supports, em -> em
                .createQuery(
                        "SELECT h FROM Habit h WHERE h.userId = :u AND h.archived = :a ORDER BY h.sortOrder, h.createdAt",
                        HabitEntity.class)
                .setParameter("u", userId.toString())
                .setParameter("a", archived)
                .setHint("eclipselink.read-only", "true")
                .getResultList()
                .stream()
                .map(JpaHabitStore::toRow)
                .collect(Collectors.toList()));
    }

    @Override
    public List<HabitRow> listAll(UUID userId) {
        return jpa.txExpr(TransactionType.Supports, em -> em
                .createQuery(
                        "SELECT h FROM Habit h WHERE h.userId = :u ORDER BY h.sortOrder, h.createdAt",
                        HabitEntity.class)
                .setParameter("u", userId.toString())
                .getResultList()
                .stream()
                .map(JpaHabitStore::toRow)
                .collect(Collectors.toList()));
    }

    @Override
    public long count(UUID userId) {
        return jpa.txExpr(TransactionType.Supports, em -> em.createQuery(
                        "SELECT COUNT(h) FROM Habit h WHERE h.userId = :u", Long.class)
                .setParameter("u", userId.toString())
                .getSingleResult());
    }

    @Override
    public Optional<HabitRow> update(HabitRow h) {
        return Optional.ofNullable(jpa.txExpr(TransactionType.Required, em -> {
            HabitEntity e = em.find(HabitEntity.class, h.id().toString());
            if (e == null || !e.userId.equals(h.userId().toString())) {
                return null;
            }
            int order = e.sortOrder;
            copy(h, e);
            e.sortOrder = order;
            long revision = Outbox.habitChanged(em, h.userId(), h.id());
            return toRow(e, revision);
        }));
    }

    @Override
    public boolean delete(UUID userId, UUID habitId) {
        return jpa.txExpr(TransactionType.Required, em -> {
            HabitEntity e = em.find(HabitEntity.class, habitId.toString());
            if (e == null || !e.userId.equals(userId.toString())) {
                return false;
            }
            Outbox.habitChanged(em, userId, habitId);
            em.createQuery("DELETE FROM Checkin c WHERE c.habitId = :h")
                    .setParameter("h", e.id)
                    .executeUpdate();
            em.remove(e);
            return true;
        });
    }

    @Override
    public void reorder(UUID userId, List<UUID> habitIds) {
        jpa.tx(TransactionType.Required, em -> {
            // take the owner's order lock first, so that a concurrent create waits and numbers after the new order
            em.createNativeQuery("UPDATE habit_order SET next_order = next_order WHERE user_id = ?")
                    .setParameter(1, userId.toString())
                    .executeUpdate();
            Map<String, HabitEntity> mine = new LinkedHashMap<>();
            for (HabitEntity e : em.createQuery(
                            "SELECT h FROM Habit h WHERE h.userId = :u ORDER BY h.sortOrder, h.createdAt",
                            HabitEntity.class)
                    .setParameter("u", userId.toString())
                    .getResultList()) {
                mine.put(e.id, e);
            }
            List<HabitEntity> ordered = new ArrayList<>();
            for (UUID id : habitIds) {
                HabitEntity e = mine.remove(id.toString());
                if (e != null) {
                    ordered.add(e);
                }
            }
            ordered.addAll(mine.values());
            for (int i = 0; i < ordered.size(); i++) {
                ordered.get(i).sortOrder = i;
            }
            em.createNativeQuery("UPDATE habit_order SET next_order = ? WHERE user_id = ?")
                    .setParameter(1, ordered.size())
                    .setParameter(2, userId.toString())
                    .executeUpdate();
        });
    }

    private static void copy(HabitRow h, HabitEntity e) {
        e.name = h.name();
        e.description = h.description();
        e.typeKey = h.typeKey();
        e.target = h.target();
        e.unit = h.unit();
        e.schedule = h.schedule();
        e.startDate = h.startDate();
        e.color = h.color();
        e.icon = h.icon();
        e.archived = h.archived();
        e.sortOrder = h.sortOrder();
        Goal g = h.goal();
        e.goalValue = g == null ? null : g.value();
        e.goalDirection = g == null ? null : g.direction().code();
        e.goalBy = g == null ? null : g.by();
        e.visibility = h.sharing().visibility().code();
        e.shareNotes = h.sharing().shareNotes();
        e.refereeUserId = h.sharing().refereeUserId() == null
                ? null
                : h.sharing().refereeUserId().toString();
        e.shareGroups = h.sharing().groupIds().isEmpty()
                ? null
                : h.sharing().groupIds().stream().map(UUID::toString).collect(Collectors.joining(","));
        e.updatedAt = toDb(java.util.Objects.requireNonNull(h.updatedAt(), "updatedAt (from the clock)"));
    }

    static HabitRow toRow(HabitEntity e) {
        return toRow(e, e.revision);
    }

    static HabitRow toRow(HabitEntity e, long revision) {
        return new HabitRow(
                UUID.fromString(e.id),
                UUID.fromString(e.userId),
                e.name,
                e.description,
                e.typeKey,
                io.steadfast.storage.Rows.plain(e.target),
                e.unit,
                e.schedule,
                e.startDate,
                e.color,
                e.icon,
                e.archived,
                e.sortOrder,
                fromDb(e.createdAt),
                fromDb(e.updatedAt),
                goal(e),
                e.createdOn,
                revision,
                sharing(e));
    }

    /** The stored sharing; private (with its referee) for a visibility this version does not know. */
    private static Sharing sharing(HabitEntity e) {
        Sharing.Visibility v = Sharing.Visibility.parse(e.visibility);
        UUID referee = e.refereeUserId == null ? null : UUID.fromString(e.refereeUserId);
        List<UUID> groups = e.shareGroups == null || e.shareGroups.isBlank()
                ? List.of()
                : java.util.Arrays.stream(e.shareGroups.split(","))
                        .map(UUID::fromString)
                        .toList();
        return new Sharing(v == null ? Sharing.Visibility.PRIVATE : v, v != null && e.shareNotes, referee, groups);
    }

    /** The stored goal; none when a column is empty or the direction is not one this version knows. */
    private static Goal goal(HabitEntity e) {
        Goal.Direction d = Goal.Direction.parse(e.goalDirection);
        if (e.goalValue == null || d == null || e.goalBy == null) {
            return null;
        }
        return new Goal(io.steadfast.storage.Rows.plain(e.goalValue), d, e.goalBy);
    }
}
