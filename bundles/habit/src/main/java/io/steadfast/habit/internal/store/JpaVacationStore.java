package io.steadfast.habit.internal.store;

import static io.steadfast.storage.Rows.fromDb;
import static io.steadfast.storage.Rows.toDb;

import java.time.LocalDate;
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

@Component(service = VacationStore.class)
public class JpaVacationStore implements VacationStore {

    private final JpaTemplate jpa;

    @Activate
    public JpaVacationStore(
            @Reference(target = HabitPersistence.JPA) JpaTemplate jpa,
            @Reference(target = HabitPersistence.SCHEMA) SchemaReady schema) {
        this.jpa = jpa;
    }

    @Override
    public VacationRow create(VacationRow v) {
        return jpa.txExpr(TransactionType.Required, em -> {
            VacationEntity e = new VacationEntity();
            e.id = v.id().toString();
            e.userId = v.userId().toString();
            e.from = v.from();
            e.to = v.to();
            e.allHabits = v.habitIds() == null;
            if (v.habitIds() != null) {
                v.habitIds().forEach(h -> e.habitIds.add(h.toString()));
            }
            e.createdAt = toDb(v.createdAt());
            em.persist(e);
            paused(em, v.userId(), v.habitIds(), v.from());
            return toRow(e);
        });
    }

    @Override
    public List<VacationRow> list(UUID userId) {
        return jpa.txExpr(TransactionType.Supports, em -> em
                .createQuery(
                        "SELECT v FROM Vacation v WHERE v.userId = :u ORDER BY v.from, v.createdAt",
                        VacationEntity.class)
                .setParameter("u", userId.toString())
                .getResultList()
                .stream()
                .map(JpaVacationStore::toRow)
                .collect(Collectors.toList()));
    }

    @Override
    public Optional<VacationRow> find(UUID userId, UUID vacationId) {
        return Optional.ofNullable(jpa.txExpr(TransactionType.Supports, em -> {
            VacationEntity e = em.find(VacationEntity.class, vacationId.toString());
            return e != null && e.userId.equals(userId.toString()) ? toRow(e) : null;
        }));
    }

    @Override
    public Optional<VacationRow> endOn(UUID userId, UUID vacationId, LocalDate to) {
        return Optional.ofNullable(jpa.txExpr(TransactionType.Required, em -> {
            VacationEntity e = em.find(VacationEntity.class, vacationId.toString());
            if (e == null || !e.userId.equals(userId.toString())) {
                return null;
            }
            e.to = to;
            paused(em, userId, toRow(e).habitIds(), to.plusDays(1));
            return toRow(e);
        }));
    }

    @Override
    public boolean delete(UUID userId, UUID vacationId) {
        return jpa.txExpr(TransactionType.Required, em -> {
            VacationEntity e = em.find(VacationEntity.class, vacationId.toString());
            if (e == null || !e.userId.equals(userId.toString())) {
                return false;
            }
            VacationRow gone = toRow(e);
            em.remove(e);
            paused(em, userId, gone.habitIds(), gone.from());
            return true;
        });
    }

    /** Records that the paused days of the habits ({@code null}: all the owner's) changed from {@code from} on. */
    private static void paused(EntityManager em, UUID userId, java.util.Set<UUID> habitIds, LocalDate from) {
        List<String> ids = em.createQuery("SELECT h.id FROM Habit h WHERE h.userId = :u ORDER BY h.id", String.class)
                .setParameter("u", userId.toString())
                .getResultList();
        for (String id : ids) {
            UUID habitId = UUID.fromString(id);
            if (habitIds == null || habitIds.contains(habitId)) {
                Outbox.checkinChanged(em, userId, habitId, from);
            }
        }
    }

    static VacationRow toRow(VacationEntity e) {
        return new VacationRow(
                UUID.fromString(e.id),
                UUID.fromString(e.userId),
                e.from,
                e.to,
                e.allHabits ? null : e.habitIds.stream().map(UUID::fromString).collect(Collectors.toSet()),
                fromDb(e.createdAt));
    }
}
