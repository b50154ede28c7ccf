package io.steadfast.habit.internal.store;

import static io.steadfast.storage.Rows.toDb;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import javax.persistence.EntityManager;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.steadfast.storage.SchemaReady;

@Component(service = RefereeStore.class)
public class JpaRefereeStore implements RefereeStore {

    private final JpaTemplate jpa;

    @Activate
    public JpaRefereeStore(
            @Reference(target = HabitPersistence.JPA) JpaTemplate jpa,
            @Reference(target = HabitPersistence.SCHEMA) SchemaReady schema) {
        this.jpa = jpa;
    }

    @Override
    public List<Waiting> waiting(UUID refereeId, int limit) {
        return jpa.txExpr(TransactionType.Supports, em -> em
                .createQuery(
                        "SELECT " + JpaCheckinStore.COLUMNS + ", h.userId, h.name, h.shareNotes "
                                + "FROM Checkin c, Habit h WHERE c.habitId = h.id AND h.refereeUserId = :r "
                                + "AND c.verification = :p ORDER BY c.date, c.habitId",
                        Object[].class)
                .setParameter("r", refereeId.toString())
                .setParameter("p", CheckinRow.Verification.PENDING)
                .setMaxResults(limit)
                .getResultList()
                .stream()
                .map(r -> new Waiting(
                        UUID.fromString((String) r[JpaCheckinStore.WIDTH]),
                        UUID.fromString((String) r[0]),
                        (String) r[JpaCheckinStore.WIDTH + 1],
                        (Boolean) r[JpaCheckinStore.WIDTH + 2],
                        JpaCheckinStore.row(r)))
                .toList());
    }

    @Override
    public List<Asked> asked(UUID ownerId, UUID habitId, LocalDate from) {
        return jpa.txExpr(TransactionType.Supports, em -> em
                .createQuery(
                        "SELECT " + JpaCheckinStore.COLUMNS + ", h.name, h.refereeUserId "
                                + "FROM Checkin c, Habit h WHERE c.habitId = h.id AND h.id = :h AND h.userId = :u "
                                + "AND c.date >= :f AND c.verification IS NOT NULL ORDER BY c.date",
                        Object[].class)
                .setParameter("h", habitId.toString())
                .setParameter("u", ownerId.toString())
                .setParameter("f", from)
                .getResultList()
                .stream()
                .map(r -> new Asked(
                        (String) r[JpaCheckinStore.WIDTH],
                        r[JpaCheckinStore.WIDTH + 1] == null
                                ? null
                                : UUID.fromString((String) r[JpaCheckinStore.WIDTH + 1]),
                        JpaCheckinStore.row(r)))
                .toList());
    }

    @Override
    public Optional<UUID> ownerOf(UUID refereeId, UUID habitId) {
        return jpa.txExpr(TransactionType.Supports, em -> em
                .createQuery("SELECT h.userId FROM Habit h WHERE h.id = :h AND h.refereeUserId = :r", String.class)
                .setParameter("h", habitId.toString())
                .setParameter("r", refereeId.toString())
                .getResultList()
                .stream()
                .findFirst()
                .map(UUID::fromString));
    }

    @Override
    public Optional<CheckinRow> decide(UUID refereeId, UUID habitId, LocalDate date, CheckinRow.Verification verdict) {
        return Optional.ofNullable(jpa.txExpr(TransactionType.Required, em -> {
            // the habit's row first, as every write of its days: they take their turns
            Outbox.lock(em, habitId);
            Optional<UUID> owner = ownerIn(em, refereeId, habitId);
            if (owner.isEmpty()) {
                return null;
            }
            int updated = Jdbc.update(
                    Jdbc.connection(em),
                    "UPDATE checkin SET verification = ?, verification_comment = ?, verified_at = ? "
                            + "WHERE habit_id = ? AND check_date = ? AND status = ? AND verification IS NOT NULL",
                    verdict.state(),
                    Jdbc.text(verdict.comment()),
                    Jdbc.timestamp(toDb(verdict.at())),
                    habitId.toString(),
                    date,
                    CheckinRow.DONE);
            if (updated == 0) {
                return null;
            }
            Outbox.checkinChanged(em, owner.get(), habitId, date);
            return JpaCheckinStore.rows(em.createQuery(
                                    "SELECT " + JpaCheckinStore.COLUMNS
                                            + " FROM Checkin c WHERE c.habitId = :h AND c.date = :d",
                                    Object[].class)
                            .setParameter("h", habitId.toString())
                            .setParameter("d", date)
                            .getResultList())
                    .get(0);
        }));
    }

    private static Optional<UUID> ownerIn(EntityManager em, UUID refereeId, UUID habitId) {
        return em
                .createQuery("SELECT h.userId FROM Habit h WHERE h.id = :h AND h.refereeUserId = :r", String.class)
                .setParameter("h", habitId.toString())
                .setParameter("r", refereeId.toString())
                .getResultList()
                .stream()
                .findFirst()
                .map(UUID::fromString);
    }

    @Override
    public int release(UUID ownerId, UUID refereeId, Instant at) {
        return jpa.txExpr(TransactionType.Required, em -> {
            List<String> ids = em.createQuery(
                            "SELECT h.id FROM Habit h WHERE h.userId = :u AND h.refereeUserId = :r", String.class)
                    .setParameter("u", ownerId.toString())
                    .setParameter("r", refereeId.toString())
                    .getResultList();
            if (ids.isEmpty()) {
                return 0;
            }
            em.createQuery("UPDATE Habit h SET h.refereeUserId = NULL WHERE h.id IN :ids")
                    .setParameter("ids", ids)
                    .executeUpdate();
            confirm(em, ids, at);
            return ids.size();
        });
    }

    @Override
    public int confirmWaiting(UUID habitId, Instant at) {
        return jpa.txExpr(TransactionType.Required, em -> confirm(em, List.of(habitId.toString()), at));
    }

    /**
     * Pending days count as done already: confirming them changes no statistics, so no change is recorded. They are
     * confirmed without a verdict's time (no referee answered: nobody is told).
     */
    private static int confirm(EntityManager em, List<String> habitIds, Instant at) {
        return em.createQuery("UPDATE Checkin c SET c.verification = :c, c.verifiedAt = NULL "
                        + "WHERE c.habitId IN :ids AND c.verification = :p")
                .setParameter("c", CheckinRow.Verification.CONFIRMED)
                .setParameter("ids", habitIds)
                .setParameter("p", CheckinRow.Verification.PENDING)
                .executeUpdate();
    }
}
