package io.steadfast.calendar.internal.store;

import static io.steadfast.storage.Rows.fromDb;
import static io.steadfast.storage.Rows.toDb;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import javax.persistence.EntityManager;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.steadfast.storage.SchemaReady;

/**
 * The timers in portable SQL (PostgreSQL and H2). A claim is a conditional update per batch: of two nodes claiming
 * one timer, one changes the row, and each then reads back only the rows that carry its own claim token. Times are
 * the platform clock's (a simulated clock moves every node's schedule alike), never the database's.
 */
@Component(service = TimerStore.class)
public class JpaTimerStore implements TimerStore {

    private static final String COLUMNS = "id, kind, ref_id, user_id, due_at, local_date, attempts";

    private final JpaTemplate jpa;

    @Activate
    public JpaTimerStore(
            @Reference(target = CalendarPersistence.JPA) JpaTemplate jpa,
            @Reference(target = CalendarPersistence.SCHEMA) SchemaReady schema) {
        this.jpa = jpa;
    }

    @Override
    public boolean ensure(String kind, UUID refId, UUID userId, Instant dueAt, LocalDate date) {
        try {
            return insertIfMissing(kind, refId, userId, dueAt, date);
        } catch (RuntimeException e) {
            if (io.steadfast.storage.Rows.isConstraintViolation(e)) {
                return false; // another node added it at the same moment
            }
            throw e;
        }
    }

    private boolean insertIfMissing(String kind, UUID refId, UUID userId, Instant dueAt, LocalDate date) {
        return jpa.txExpr(TransactionType.Required, em -> em.createNativeQuery(
                                "INSERT INTO schedule_timer (kind, ref_id, user_id, due_at, "
                                        + "local_date, attempts) SELECT ?, ?, ?, ?, ?, 0 WHERE NOT EXISTS (SELECT 1 "
                                        + "FROM schedule_timer WHERE kind = ? AND ref_id = ?)")
                        .setParameter(1, kind)
                        .setParameter(2, refId.toString())
                        .setParameter(3, userId.toString())
                        .setParameter(4, toDb(dueAt))
                        .setParameter(5, date)
                        .setParameter(6, kind)
                        .setParameter(7, refId.toString())
                        .executeUpdate())
                > 0;
    }

    @Override
    public void put(String kind, UUID refId, UUID userId, Instant dueAt, LocalDate date) {
        jpa.tx(TransactionType.Required, em -> put(em, kind, refId, userId, dueAt, date));
    }

    static void put(EntityManager em, String kind, UUID refId, UUID userId, Instant dueAt, LocalDate date) {
        int n = em.createNativeQuery("UPDATE schedule_timer SET due_at = ?, local_date = ?, attempts = 0, "
                        + "claimed_by = NULL, claimed_until = NULL WHERE kind = ? AND ref_id = ?")
                .setParameter(1, toDb(dueAt))
                .setParameter(2, date)
                .setParameter(3, kind)
                .setParameter(4, refId.toString())
                .executeUpdate();
        if (n == 0) {
            em.createNativeQuery("INSERT INTO schedule_timer (kind, ref_id, user_id, due_at, local_date, attempts) "
                            + "VALUES (?, ?, ?, ?, ?, 0)")
                    .setParameter(1, kind)
                    .setParameter(2, refId.toString())
                    .setParameter(3, userId.toString())
                    .setParameter(4, toDb(dueAt))
                    .setParameter(5, date)
                    .executeUpdate();
        }
    }

    @Override
    public boolean delete(String kind, UUID refId) {
        return jpa.txExpr(TransactionType.Required, em -> em.createNativeQuery(
                                "DELETE FROM schedule_timer WHERE kind = ? AND ref_id = ?")
                        .setParameter(1, kind)
                        .setParameter(2, refId.toString())
                        .executeUpdate())
                > 0;
    }

    @Override
    public Optional<TimerRow> find(String kind, UUID refId) {
        return jpa
                .txExpr(
                        TransactionType.Supports,
                        em -> rows(em.createNativeQuery(
                                        "SELECT " + COLUMNS + " FROM schedule_timer WHERE kind = ? AND ref_id = ?")
                                .setParameter(1, kind)
                                .setParameter(2, refId.toString())
                                .getResultList()))
                .stream()
                .findFirst();
    }

    @Override
    public List<TimerRow> ofUser(UUID userId) {
        return jpa.txExpr(
                TransactionType.Supports,
                em -> rows(em.createNativeQuery(
                                "SELECT " + COLUMNS + " FROM schedule_timer WHERE user_id = ? ORDER BY due_at, id")
                        .setParameter(1, userId.toString())
                        .getResultList()));
    }

    @Override
    public List<TimerRow> claim(String claim, Instant now, Instant until, int max) {
        LocalDateTime at = toDb(now);
        List<Long> ids = jpa.txExpr(TransactionType.Supports, em -> em
                .createNativeQuery(
                        "SELECT id FROM schedule_timer WHERE due_at <= ? AND (claimed_until IS NULL OR claimed_until "
                                + "< ?) ORDER BY due_at, id")
                .setParameter(1, at)
                .setParameter(2, at)
                .setMaxResults(max)
                .getResultList()
                .stream()
                .map(o -> ((Number) o).longValue())
                .toList());
        if (ids.isEmpty()) {
            return List.of();
        }
        String in = ids.stream().map(String::valueOf).collect(Collectors.joining(","));
        return jpa.txExpr(TransactionType.Required, em -> {
            em.createNativeQuery("UPDATE schedule_timer SET claimed_by = ?, claimed_until = ?, attempts = attempts + 1 "
                            + "WHERE id IN (" + in
                            + ") AND due_at <= ? AND (claimed_until IS NULL OR claimed_until < ?)")
                    .setParameter(1, claim)
                    .setParameter(2, toDb(until))
                    .setParameter(3, at)
                    .setParameter(4, at)
                    .executeUpdate();
            return rows(em.createNativeQuery(
                            "SELECT " + COLUMNS + " FROM schedule_timer WHERE claimed_by = ? ORDER BY due_at, id")
                    .setParameter(1, claim)
                    .getResultList());
        });
    }

    @Override
    public boolean advance(long id, String claim, Instant dueAt, LocalDate date) {
        return jpa.txExpr(TransactionType.Required, em -> em.createNativeQuery(
                                "UPDATE schedule_timer SET due_at = ?, local_date = ?, attempts = 0, "
                                        + "claimed_by = NULL, claimed_until = NULL WHERE id = ? AND claimed_by = ?")
                        .setParameter(1, toDb(dueAt))
                        .setParameter(2, date)
                        .setParameter(3, id)
                        .setParameter(4, claim)
                        .executeUpdate())
                > 0;
    }

    @Override
    public void retry(long id, String claim, Instant retryAt) {
        jpa.tx(TransactionType.Required, em -> em.createNativeQuery(
                        "UPDATE schedule_timer SET claimed_by = NULL, claimed_until = ? WHERE id = ? "
                                + "AND claimed_by = ?")
                .setParameter(1, toDb(retryAt))
                .setParameter(2, id)
                .setParameter(3, claim)
                .executeUpdate());
    }

    @Override
    public void remove(long id, String claim) {
        jpa.tx(TransactionType.Required, em -> em.createNativeQuery(
                        "DELETE FROM schedule_timer WHERE id = ? AND claimed_by = ?")
                .setParameter(1, id)
                .setParameter(2, claim)
                .executeUpdate());
    }

    @SuppressWarnings("unchecked")
    private static List<TimerRow> rows(List<?> result) {
        return ((List<Object[]>) result)
                .stream()
                        .map(r -> new TimerRow(
                                ((Number) r[0]).longValue(),
                                ((String) r[1]).trim(),
                                UUID.fromString(((String) r[2]).trim()),
                                UUID.fromString(((String) r[3]).trim()),
                                fromDb(dateTime(r[4])),
                                date(r[5]),
                                ((Number) r[6]).intValue()))
                        .toList();
    }

    private static LocalDateTime dateTime(Object o) {
        return o instanceof Timestamp t ? t.toLocalDateTime() : (LocalDateTime) o;
    }

    private static LocalDate date(Object o) {
        return o instanceof Date d ? d.toLocalDate() : (LocalDate) o;
    }
}
