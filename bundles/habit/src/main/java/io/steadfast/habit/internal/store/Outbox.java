package io.steadfast.habit.internal.store;

import java.sql.Connection;
import java.time.LocalDate;
import java.util.UUID;

import javax.persistence.EntityManager;

import io.steadfast.habit.api.HabitEvents;

/**
 * Records a change in the outbox, inside the transaction of the change itself ({@code em}'s): the habit's revision
 * goes up by one (which also locks the habit's row until the commit, so that the changes of one habit take their
 * turns), and a row for the {@link OutboxStore} to deliver after the commit. Either both the change and its record
 * commit, or neither.
 */
final class Outbox {

    private Outbox() {}

    /**
     * A day record of the habit changed on {@code date} (or, for a vacation, the days from {@code date} on). Two
     * statements on the transaction's connection: the revision, and the outbox row copying it.
     */
    static void checkinChanged(EntityManager em, UUID userId, UUID habitId, LocalDate date) {
        em.flush();
        Connection c = Jdbc.connection(em);
        Jdbc.update(c, "UPDATE habit SET revision = revision + 1 WHERE id = ?", habitId.toString());
        Jdbc.update(
                c,
                "INSERT INTO habit_outbox (topic, user_id, habit_id, change_date, revision, created_at) "
                        + "SELECT ?, ?, id, ?, revision, LOCALTIMESTAMP FROM habit WHERE id = ?",
                HabitEvents.TOPIC_CHECKIN_CHANGED,
                userId.toString(),
                Jdbc.date(date),
                habitId.toString());
    }

    /** The habit was created, changed or (about to be) deleted; answers its new revision. */
    static long habitChanged(EntityManager em, UUID userId, UUID habitId) {
        em.flush();
        em.createNativeQuery("UPDATE habit SET revision = revision + 1 WHERE id = ?")
                .setParameter(1, habitId.toString())
                .executeUpdate();
        Object found = em
                .createNativeQuery("SELECT revision FROM habit WHERE id = ?")
                .setParameter(1, habitId.toString())
                .getResultList()
                .stream()
                .findFirst()
                .orElse(null);
        long revision = found == null ? 0 : ((Number) found).longValue();
        em.createNativeQuery("INSERT INTO habit_outbox (topic, user_id, habit_id, revision, created_at) "
                        + "VALUES (?, ?, ?, ?, LOCALTIMESTAMP)")
                .setParameter(1, HabitEvents.TOPIC_HABIT_CHANGED)
                .setParameter(2, userId.toString())
                .setParameter(3, habitId.toString())
                .setParameter(4, revision)
                .executeUpdate();
        return revision;
    }

    /** Takes the habit's row lock (the revision) first: call before reading what the change depends on. */
    static void lock(EntityManager em, UUID habitId) {
        em.flush();
        Jdbc.update(Jdbc.connection(em), "UPDATE habit SET revision = revision WHERE id = ?", habitId.toString());
    }
}
