package io.steadfast.habit.internal.store;

import static io.steadfast.storage.Rows.fromDb;
import static io.steadfast.storage.Rows.toDb;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import javax.persistence.EntityManager;
import javax.persistence.LockModeType;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.steadfast.storage.Rows;
import io.steadfast.storage.SchemaReady;

@Component(service = CheckinStore.class)
public class JpaCheckinStore implements CheckinStore {

    private static final int ATTEMPTS = 5;

    private final JpaTemplate jpa;

    @Activate
    public JpaCheckinStore(
            @Reference(target = HabitPersistence.JPA) JpaTemplate jpa,
            @Reference(target = HabitPersistence.SCHEMA) SchemaReady schema) {
        this.jpa = jpa;
    }

    @Override
    public Optional<CheckinRow> find(UUID habitId, LocalDate date) {
        return jpa.txExpr(TransactionType.Supports, em -> rows(em.createQuery(
                                "SELECT " + COLUMNS + " FROM Checkin c WHERE c.habitId = :h AND c.date = :d",
                                Object[].class)
                        .setParameter("h", habitId.toString())
                        .setParameter("d", date)
                        .getResultList())
                .stream()
                .findFirst());
    }

    @Override
    public CheckinRow put(UUID userId, CheckinRow row) {
        for (int attempt = 1; ; attempt++) {
            try {
                return jpa.txExpr(TransactionType.Required, em -> {
                    // the habit's row first: writes of one habit's days take their turns
                    Outbox.checkinChanged(em, userId, row.habitId(), row.date());
                    java.sql.Connection c = Jdbc.connection(em);
                    CheckinRow.Verification v = row.verification();
                    int updated = Jdbc.update(
                            c,
                            // a record changed here is no longer as the import wrote it
                            "UPDATE checkin SET amount = ?, note = ?, status = ?, backfilled = ?, updated_at = ?, "
                                    + "verification = ?, verification_comment = ?, verified_at = ?, origin = NULL "
                                    + "WHERE habit_id = ? AND check_date = ?",
                            Jdbc.decimal(row.value()),
                            Jdbc.text(row.note()),
                            row.status(),
                            row.backfilled(),
                            toDb(row.updatedAt()),
                            Jdbc.text(v == null ? null : v.state()),
                            Jdbc.text(v == null ? null : v.comment()),
                            Jdbc.timestamp(v == null ? null : toDb(v.at())),
                            row.habitId().toString(),
                            row.date());
                    if (updated == 0) {
                        Jdbc.update(
                                c,
                                "INSERT INTO checkin (habit_id, check_date, amount, note, status, backfilled, "
                                        + "created_at, updated_at, verification, verification_comment, verified_at) "
                                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                                row.habitId().toString(),
                                row.date(),
                                Jdbc.decimal(row.value()),
                                Jdbc.text(row.note()),
                                row.status(),
                                row.backfilled(),
                                toDb(row.createdAt()),
                                toDb(row.updatedAt()),
                                Jdbc.text(v == null ? null : v.state()),
                                Jdbc.text(v == null ? null : v.comment()),
                                Jdbc.timestamp(v == null ? null : toDb(v.at())));
                    }
                    return new CheckinRow(
                            row.habitId(),
                            row.date(),
                            Rows.plain(row.value()),
                            row.note(),
                            row.status(),
                            row.backfilled(),
                            row.createdAt(),
                            row.updatedAt(),
                            v);
                });
            } catch (RuntimeException e) {
                if (attempt >= ATTEMPTS || !Rows.isConstraintViolation(e)) {
                    throw e;
                }
            }
        }
    }

    @Override
    public boolean delete(UUID userId, UUID habitId, LocalDate date) {
        return jpa.txExpr(TransactionType.Required, em -> {
            Outbox.lock(em, habitId);
            boolean deleted = em.createQuery("DELETE FROM Checkin c WHERE c.habitId = :h AND c.date = :d")
                            .setParameter("h", habitId.toString())
                            .setParameter("d", date)
                            .executeUpdate()
                    > 0;
            if (deleted) {
                Outbox.checkinChanged(em, userId, habitId, date);
            }
            return deleted;
        });
    }

    @Override
    public List<CheckinRow> range(UUID habitId, LocalDate from, LocalDate to) {
        return jpa.txExpr(
                TransactionType.Supports,
                em -> rows(em.createQuery(
                                "SELECT " + COLUMNS
                                        + " FROM Checkin c WHERE c.habitId = :h AND c.date >= :f AND c.date <= :t "
                                        + "ORDER BY c.date",
                                Object[].class)
                        .setParameter("h", habitId.toString())
                        .setParameter("f", from)
                        .setParameter("t", to)
                        .getResultList()));
    }

    /**
     * The columns of a record as a projection: the hot reads (the agenda, the calendar, statistics) read plain
     * values, not managed entities (no change tracking, no identity map for rows nobody writes).
     */
    static final String COLUMNS = "c.habitId, c.date, c.value, c.note, c.status, c.backfilled, c.createdAt, "
            + "c.updatedAt, c.verification, c.verificationComment, c.verifiedAt, c.origin";

    /** How many values {@link #COLUMNS} selects: a query that selects more after them reads those from here on. */
    static final int WIDTH = 12;

    static List<CheckinRow> rows(List<Object[]> result) {
        List<CheckinRow> out = new java.util.ArrayList<>(result.size());
        for (Object[] r : result) {
            out.add(row(r));
        }
        return out;
    }

    /** A record from the columns of {@link #COLUMNS}, in that order. */
    static CheckinRow row(Object[] r) {
        return new CheckinRow(
                UUID.fromString((String) r[0]),
                (LocalDate) r[1],
                io.steadfast.storage.Rows.plain((BigDecimal) r[2]),
                (String) r[3],
                (String) r[4],
                (Boolean) r[5],
                fromDb((java.time.LocalDateTime) r[6]),
                fromDb((java.time.LocalDateTime) r[7]),
                verification((String) r[8], (String) r[9], (java.time.LocalDateTime) r[10]),
                ImportStore.IMPORTED.equals(r[11]));
    }

    static CheckinRow.Verification verification(String state, String comment, java.time.LocalDateTime at) {
        return state == null ? null : new CheckinRow.Verification(state, comment, fromDb(at));
    }

    @Override
    public List<CheckinRow> range(Collection<UUID> habitIds, LocalDate from, LocalDate to) {
        if (habitIds.isEmpty()) {
            return List.of();
        }
        List<String> ids = habitIds.stream().map(UUID::toString).collect(Collectors.toList());
        return jpa.txExpr(
                TransactionType.Supports,
                em -> rows(em.createQuery(
                                "SELECT " + COLUMNS + " FROM Checkin c WHERE c.habitId IN :h AND c.date >= :f "
                                        + "AND c.date <= :t ORDER BY c.habitId, c.date",
                                Object[].class)
                        .setParameter("h", ids)
                        .setParameter("f", from)
                        .setParameter("t", to)
                        .getResultList()));
    }

    @Override
    public Optional<CheckinRow> valueAtEnd(UUID habitId, LocalDate from, LocalDate to, boolean latest) {
        return jpa.txExpr(TransactionType.Supports, em -> em
                .createQuery(
                        "SELECT c FROM Checkin c WHERE c.habitId = :h AND c.date >= :f AND c.date <= :t "
                                + "AND c.value IS NOT NULL AND c.status = :s ORDER BY c.date "
                                + (latest ? "DESC" : "ASC"),
                        CheckinEntity.class)
                .setParameter("h", habitId.toString())
                .setParameter("f", from)
                .setParameter("t", to)
                .setParameter("s", CheckinRow.DONE)
                .setMaxResults(1)
                .getResultList()
                .stream()
                .findFirst()
                .map(JpaCheckinStore::toRow));
    }

    @Override
    public List<CheckinRow> all(Collection<UUID> habitIds) {
        if (habitIds.isEmpty()) {
            return List.of();
        }
        List<String> ids = habitIds.stream().map(UUID::toString).collect(Collectors.toList());
        return jpa.txExpr(TransactionType.Supports, em -> em
                .createQuery(
                        "SELECT c FROM Checkin c WHERE c.habitId IN :h ORDER BY c.habitId, c.date", CheckinEntity.class)
                .setParameter("h", ids)
                .getResultList()
                .stream()
                .map(JpaCheckinStore::toRow)
                .collect(Collectors.toList()));
    }

    @Override
    public List<CheckinRow> page(UUID habitId, LocalDate after, int limit) {
        return jpa.txExpr(TransactionType.Supports, em -> {
            javax.persistence.TypedQuery<Object[]> q = em.createQuery(
                            "SELECT " + COLUMNS + " FROM Checkin c WHERE c.habitId = :h"
                                    + (after == null ? "" : " AND c.date > :a") + " ORDER BY c.date",
                            Object[].class)
                    .setParameter("h", habitId.toString())
                    .setMaxResults(Math.max(1, limit));
            if (after != null) {
                q.setParameter("a", after);
            }
            return rows(q.getResultList());
        });
    }

    @Override
    public IncrementResult increment(
            UUID userId,
            UUID habitId,
            LocalDate date,
            BigDecimal delta,
            boolean backfilled,
            String idempotencyKey,
            String requestHash,
            Instant now,
            boolean refereed) {
        for (int attempt = 1; ; attempt++) {
            if (idempotencyKey != null) {
                Optional<IncrementResult> replay = replay(userId, idempotencyKey);
                if (replay.isPresent()) {
                    return replay.get();
                }
            }
            try {
                return jpa.txExpr(TransactionType.Required, em -> {
                    Outbox.checkinChanged(em, userId, habitId, date);
                    if (idempotencyKey != null) {
                        IdempotencyEntity k = new IdempotencyEntity();
                        k.userId = userId.toString();
                        k.key = idempotencyKey;
                        k.requestHash = requestHash;
                        k.habitId = habitId.toString();
                        k.date = date;
                        k.status = CheckinRow.DONE;
                        k.createdAt = toDb(now);
                        em.persist(k);
                        em.flush();
                    }
                    CheckinRow row = add(em, habitId, date, delta, backfilled, now, refereed);
                    if (idempotencyKey != null) {
                        IdempotencyEntity k = em.find(
                                IdempotencyEntity.class, new IdempotencyEntity.Key(userId.toString(), idempotencyKey));
                        k.value = row.value();
                        k.note = row.note();
                        k.status = row.status();
                        k.backfilled = row.backfilled();
                    }
                    return new IncrementResult(row, false, requestHash);
                });
            } catch (RuntimeException e) {
                if (attempt >= ATTEMPTS || !Rows.isConstraintViolation(e)) {
                    throw e;
                }
            }
        }
    }

    private Optional<IncrementResult> replay(UUID userId, String key) {
        return Optional.ofNullable(jpa.txExpr(TransactionType.Supports, em -> {
            IdempotencyEntity k = em.find(IdempotencyEntity.class, new IdempotencyEntity.Key(userId.toString(), key));
            if (k == null) {
                return null;
            }
            CheckinRow row = new CheckinRow(
                    UUID.fromString(k.habitId),
                    k.date,
                    io.steadfast.storage.Rows.plain(k.value),
                    k.note,
                    k.status,
                    k.backfilled,
                    fromDb(k.createdAt),
                    fromDb(k.createdAt));
            return new IncrementResult(row, true, k.requestHash);
        }));
    }

    private static CheckinRow add(
            EntityManager em,
            UUID habitId,
            LocalDate date,
            BigDecimal delta,
            boolean backfilled,
            Instant now,
            boolean refereed) {
        CheckinEntity e = em.find(
                CheckinEntity.class, new CheckinEntity.Key(habitId.toString(), date), LockModeType.PESSIMISTIC_WRITE);
        if (e == null) {
            e = new CheckinEntity();
            e.habitId = habitId.toString();
            e.date = date;
            e.value = delta.signum() < 0 ? BigDecimal.ZERO : delta;
            e.status = CheckinRow.DONE;
            e.backfilled = backfilled;
            e.createdAt = toDb(now);
            e.updatedAt = toDb(now);
            em.persist(e);
        } else {
            // a decrement never takes a day below zero
            e.value = (e.value == null ? BigDecimal.ZERO : e.value).add(delta).max(BigDecimal.ZERO);
            e.status = CheckinRow.DONE;
            e.backfilled = e.backfilled || backfilled;
            e.updatedAt = toDb(now);
            e.origin = null;
        }
        // a changed done day of a refereed habit waits for the referee again
        e.verification = refereed ? CheckinRow.Verification.PENDING : null;
        e.verificationComment = null;
        e.verifiedAt = null;
        em.flush();
        return toRow(e);
    }

    static CheckinRow toRow(CheckinEntity e) {
        if (e == null) {
            return null;
        }
        return new CheckinRow(
                UUID.fromString(e.habitId),
                e.date,
                io.steadfast.storage.Rows.plain(e.value),
                e.note,
                e.status,
                e.backfilled,
                fromDb(e.createdAt),
                fromDb(e.updatedAt),
                verification(e.verification, e.verificationComment, e.verifiedAt),
                ImportStore.IMPORTED.equals(e.origin));
    }
}
