package io.steadfast.habit.internal.store;

import static io.steadfast.storage.Rows.toDb;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.steadfast.storage.Rows;
import io.steadfast.storage.SchemaReady;

@Component(service = HabitCensus.class)
public class JpaHabitCensus implements HabitCensus {

    /** What may start a habit id: hex digits and dashes (anything else starts none). */
    private static final Pattern ID_PREFIX = Pattern.compile("[0-9a-f-]{0,36}");

    private final JpaTemplate jpa;

    @Activate
    public JpaHabitCensus(
            @Reference(target = HabitPersistence.JPA) JpaTemplate jpa,
            @Reference(target = HabitPersistence.SCHEMA) SchemaReady schema) {
        this.jpa = jpa;
    }

    @Override
    public Optional<HabitRow> find(UUID habitId) {
        return Optional.ofNullable(
                        jpa.txExpr(TransactionType.Supports, em -> em.find(HabitEntity.class, habitId.toString())))
                .map(JpaHabitStore::toRow);
    }

    @Override
    public List<HabitRow> page(UUID afterId, int limit) {
        return jpa.txExpr(TransactionType.Supports, em -> em
                .createQuery("SELECT h FROM Habit h WHERE h.id > :after ORDER BY h.id", HabitEntity.class)
                .setParameter("after", afterId == null ? "" : afterId.toString())
                .setMaxResults(limit)
                .setHint("eclipselink.read-only", "true")
                .getResultList()
                .stream()
                .map(JpaHabitStore::toRow)
                .toList());
    }

    @Override
    public List<UUID> idsStartingWith(String prefix, int limit) {
        String p = prefix == null ? "" : prefix.trim().toLowerCase(java.util.Locale.ROOT);
        if (!ID_PREFIX.matcher(p).matches()) {
            return List.of();
        }
        return jpa.txExpr(TransactionType.Supports, em -> em
                .createQuery("SELECT h.id FROM Habit h WHERE h.id LIKE :p ORDER BY h.id", String.class)
                .setParameter("p", p + "%")
                .setMaxResults(limit)
                .getResultList()
                .stream()
                .map(s -> UUID.fromString(s.trim()))
                .toList());
    }

    @Override
    public long habits() {
        return jpa.txExpr(TransactionType.Supports, em -> em.createQuery("SELECT COUNT(h) FROM Habit h", Long.class)
                .getSingleResult());
    }

    @Override
    public long checkinsWrittenSince(Instant since) {
        return jpa.txExpr(TransactionType.Supports, em -> em.createQuery(
                        "SELECT COUNT(c) FROM Checkin c WHERE c.updatedAt >= :s", Long.class)
                .setParameter("s", toDb(since))
                .getSingleResult());
    }

    @Override
    public Optional<Instant> lastCheckinWritten(UUID userId) {
        LocalDateTime at = jpa.txExpr(TransactionType.Supports, em -> em.createQuery(
                        "SELECT MAX(c.updatedAt) FROM Checkin c WHERE c.habitId IN "
                                + "(SELECT h.id FROM Habit h WHERE h.userId = :u)",
                        LocalDateTime.class)
                .setParameter("u", userId.toString())
                .getSingleResult());
        return Optional.ofNullable(at).map(Rows::fromDb);
    }
}
