package io.steadfast.habit.internal.store;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.steadfast.habit.api.HabitEvents;
import io.steadfast.storage.SchemaReady;

/**
 * The outbox table through the habit unit's JPA template, with portable SQL (PostgreSQL and H2). Leases are in the
 * database's own time ({@code LOCALTIMESTAMP}), so nodes agree on them whatever their clocks (or a simulated
 * domain clock) say. A claim is one conditional update: of two nodes claiming the same row, one wins.
 */
@Component(service = OutboxStore.class)
public class JpaOutboxStore implements OutboxStore {

    private final JpaTemplate jpa;

    @Activate
    public JpaOutboxStore(
            @Reference(target = HabitPersistence.JPA) JpaTemplate jpa,
            @Reference(target = HabitPersistence.SCHEMA) SchemaReady schema) {
        this.jpa = jpa;
    }

    private static final String FREE = "(claimed_until IS NULL OR claimed_until < LOCALTIMESTAMP)";

    @Override
    public List<Change> claim(String node, int max, int leaseSeconds) {
        return jpa.txExpr(TransactionType.Required, em -> {
            @SuppressWarnings("unchecked")
            List<Object> ids = em.createNativeQuery("SELECT id FROM habit_outbox WHERE " + FREE + " ORDER BY id")
                    .setMaxResults(max)
                    .getResultList();
            if (ids.isEmpty()) {
                return List.of();
            }
            String token = node + ":" + UUID.randomUUID();
            em.createNativeQuery("UPDATE habit_outbox SET claimed_by = ?, claimed_until = LOCALTIMESTAMP + INTERVAL '"
                            + Math.max(1, leaseSeconds) + "' SECOND, attempts = attempts + 1 WHERE id IN ("
                            + idList(ids) + ") AND " + FREE)
                    .setParameter(1, token)
                    .executeUpdate();
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery(
                            "SELECT id, topic, user_id, habit_id, change_date, revision, attempts FROM habit_outbox "
                                    + "WHERE claimed_by = ? ORDER BY id")
                    .setParameter(1, token)
                    .getResultList();
            List<Change> out = new ArrayList<>(rows.size());
            for (Object[] r : rows) {
                out.add(new Change(
                        ((Number) r[0]).longValue(),
                        ((String) r[1]).trim(),
                        UUID.fromString(((String) r[2]).trim()),
                        UUID.fromString(((String) r[3]).trim()),
                        date(r[4]),
                        ((Number) r[5]).longValue(),
                        ((Number) r[6]).intValue()));
            }
            return out;
        });
    }

    @Override
    public void delivered(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return;
        }
        jpa.tx(TransactionType.Required, em -> em.createNativeQuery(
                        "DELETE FROM habit_outbox WHERE id IN (" + idList(ids) + ")")
                .executeUpdate());
    }

    @Override
    public void release(Collection<Long> ids, int retrySeconds) {
        if (ids.isEmpty()) {
            return;
        }
        jpa.tx(TransactionType.Required, em -> em.createNativeQuery(
                        "UPDATE habit_outbox SET claimed_by = NULL, claimed_until = LOCALTIMESTAMP + INTERVAL '"
                                + Math.max(0, retrySeconds) + "' SECOND WHERE id IN (" + idList(ids) + ")")
                .executeUpdate());
    }

    @Override
    public Optional<Pending> pending(UUID habitId) {
        return jpa.txExpr(TransactionType.Supports, em -> {
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery(
                            "SELECT topic, MIN(change_date), COUNT(*) FROM habit_outbox WHERE habit_id = ? GROUP BY topic")
                    .setParameter(1, habitId.toString())
                    .getResultList();
            if (rows.isEmpty()) {
                return Optional.empty();
            }
            boolean habitChanged = false;
            LocalDate earliest = null;
            long count = 0;
            for (Object[] r : rows) {
                count += ((Number) r[2]).longValue();
                if (HabitEvents.TOPIC_HABIT_CHANGED.equals(((String) r[0]).trim())) {
                    habitChanged = true;
                }
                LocalDate d = date(r[1]);
                if (d != null && (earliest == null || d.isBefore(earliest))) {
                    earliest = d;
                }
            }
            return Optional.of(new Pending(habitChanged, earliest, count));
        });
    }

    @Override
    public Backlog backlog() {
        return jpa.txExpr(TransactionType.Supports, em -> {
            Object[] r = (Object[]) em.createNativeQuery("SELECT COUNT(*), COALESCE(SUM(CASE WHEN created_at < "
                            + "LOCALTIMESTAMP - INTERVAL '60' SECOND THEN 1 ELSE 0 END), 0) FROM habit_outbox")
                    .getSingleResult();
            return new Backlog(((Number) r[0]).longValue(), ((Number) r[1]).longValue());
        });
    }

    private static String idList(Collection<?> ids) {
        return ids.stream().map(i -> Long.toString(((Number) i).longValue())).collect(Collectors.joining(","));
    }

    private static LocalDate date(Object o) {
        if (o == null) {
            return null;
        }
        if (o instanceof LocalDate d) {
            return d;
        }
        if (o instanceof java.sql.Date d) {
            return d.toLocalDate();
        }
        return LocalDate.parse(o.toString().substring(0, 10));
    }
}
