package io.steadfast.calendar.internal.store;

import static io.steadfast.storage.Rows.fromDb;
import static io.steadfast.storage.Rows.toDb;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import javax.persistence.EntityManager;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.steadfast.calendar.internal.domain.ReminderRule;
import io.steadfast.storage.SchemaReady;

@Component(service = ReminderStore.class)
public class JpaReminderStore implements ReminderStore {

    private final JpaTemplate jpa;

    @Activate
    public JpaReminderStore(
            @Reference(target = CalendarPersistence.JPA) JpaTemplate jpa,
            @Reference(target = CalendarPersistence.SCHEMA) SchemaReady schema) {
        this.jpa = jpa;
    }

    @Override
    public void create(ReminderRule r, Instant nextAt, LocalDate nextDate) {
        jpa.tx(TransactionType.Required, em -> {
            ReminderEntity e = new ReminderEntity();
            e.id = r.id().toString();
            copy(r, e);
            e.createdAt = toDb(r.createdAt());
            em.persist(e);
            em.flush();
            JpaTimerStore.put(em, TimerRow.REMINDER, r.id(), r.userId(), nextAt, nextDate);
        });
    }

    @Override
    public boolean update(ReminderRule r, Instant nextAt, LocalDate nextDate) {
        return jpa.txExpr(TransactionType.Required, em -> {
            ReminderEntity e = em.find(ReminderEntity.class, r.id().toString());
            if (e == null || !e.userId.equals(r.userId().toString())) {
                return false;
            }
            copy(r, e);
            em.flush();
            JpaTimerStore.put(em, TimerRow.REMINDER, r.id(), r.userId(), nextAt, nextDate);
            return true;
        });
    }

    @Override
    public Optional<ReminderRule> find(UUID id) {
        return Optional.ofNullable(
                        jpa.txExpr(TransactionType.Supports, em -> em.find(ReminderEntity.class, id.toString())))
                .map(JpaReminderStore::row);
    }

    @Override
    public List<ReminderRule> ofHabit(UUID userId, UUID habitId) {
        return jpa.txExpr(TransactionType.Supports, em -> em
                .createQuery("SELECT r FROM Reminder r WHERE r.userId = :u AND r.habitId = :h", ReminderEntity.class)
                .setParameter("u", userId.toString())
                .setParameter("h", habitId.toString())
                .getResultList()
                .stream()
                .map(JpaReminderStore::row)
                .sorted(ORDER)
                .toList());
    }

    @Override
    public List<ReminderRule> ofUser(UUID userId) {
        return jpa.txExpr(TransactionType.Supports, em -> em
                .createQuery("SELECT r FROM Reminder r WHERE r.userId = :u", ReminderEntity.class)
                .setParameter("u", userId.toString())
                .getResultList()
                .stream()
                .map(JpaReminderStore::row)
                .sorted(ORDER)
                .toList());
    }

    @Override
    public int countOfHabit(UUID userId, UUID habitId) {
        return jpa.txExpr(TransactionType.Supports, em -> em.createQuery(
                        "SELECT COUNT(r) FROM Reminder r WHERE r.userId = :u AND r.habitId = :h", Long.class)
                .setParameter("u", userId.toString())
                .setParameter("h", habitId.toString())
                .getSingleResult()
                .intValue());
    }

    @Override
    public boolean delete(UUID userId, UUID habitId, UUID id) {
        return jpa.txExpr(TransactionType.Required, em -> {
            ReminderEntity e = em.find(ReminderEntity.class, id.toString());
            if (e == null || !e.userId.equals(userId.toString()) || !e.habitId.equals(habitId.toString())) {
                return false;
            }
            em.remove(e);
            deleteTimer(em, id);
            return true;
        });
    }

    @Override
    public int deleteOfHabit(UUID userId, UUID habitId) {
        return jpa.txExpr(TransactionType.Required, em -> {
            List<ReminderEntity> all = em.createQuery(
                            "SELECT r FROM Reminder r WHERE r.userId = :u AND r.habitId = :h", ReminderEntity.class)
                    .setParameter("u", userId.toString())
                    .setParameter("h", habitId.toString())
                    .getResultList();
            for (ReminderEntity e : all) {
                em.remove(e);
                deleteTimer(em, UUID.fromString(e.id));
            }
            return all.size();
        });
    }

    private static void deleteTimer(EntityManager em, UUID reminderId) {
        em.createNativeQuery("DELETE FROM schedule_timer WHERE kind = ? AND ref_id = ?")
                .setParameter(1, TimerRow.REMINDER)
                .setParameter(2, reminderId.toString())
                .executeUpdate();
    }

    private static final Comparator<ReminderRule> ORDER =
            Comparator.comparing(ReminderRule::time).thenComparing(ReminderRule::createdAt);

    private static void copy(ReminderRule r, ReminderEntity e) {
        e.userId = r.userId().toString();
        e.habitId = r.habitId().toString();
        e.localTime = r.time().toString().substring(0, 5);
        e.days = r.days() == null
                ? null
                : r.days().stream().sorted().map(d -> d.name().substring(0, 3)).collect(Collectors.joining(","));
        e.onlyIfNotDone = r.onlyIfNotDone();
        e.channelIds = r.channelIds().isEmpty()
                ? null
                : r.channelIds().stream().map(UUID::toString).collect(Collectors.joining(","));
        e.updatedAt = toDb(r.updatedAt());
    }

    private static ReminderRule row(ReminderEntity e) {
        Set<DayOfWeek> days = null;
        if (e.days != null) {
            EnumSet<DayOfWeek> s = EnumSet.noneOf(DayOfWeek.class);
            for (String d : e.days.split(",")) {
                for (DayOfWeek w : DayOfWeek.values()) {
                    if (w.name().startsWith(d)) {
                        s.add(w);
                    }
                }
            }
            days = s;
        }
        List<UUID> channels = e.channelIds == null
                ? List.of()
                : Arrays.stream(e.channelIds.split(",")).map(UUID::fromString).toList();
        return new ReminderRule(
                UUID.fromString(e.id),
                UUID.fromString(e.userId),
                UUID.fromString(e.habitId),
                LocalTime.parse(e.localTime),
                days,
                e.onlyIfNotDone,
                channels,
                fromDb(e.createdAt),
                fromDb(e.updatedAt));
    }
}
