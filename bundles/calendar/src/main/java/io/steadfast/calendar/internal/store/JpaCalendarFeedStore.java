package io.steadfast.calendar.internal.store;

import static io.steadfast.storage.Rows.fromDb;
import static io.steadfast.storage.Rows.toDb;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.steadfast.storage.SchemaReady;

@Component(service = CalendarFeedStore.class)
public class JpaCalendarFeedStore implements CalendarFeedStore {

    private final JpaTemplate jpa;

    @Activate
    public JpaCalendarFeedStore(
            @Reference(target = CalendarPersistence.JPA) JpaTemplate jpa,
            @Reference(target = CalendarPersistence.SCHEMA) SchemaReady schema) {
        this.jpa = jpa;
    }

    @Override
    public void put(UUID userId, String tokenHash, Instant now, long epoch) {
        jpa.tx(TransactionType.Required, em -> {
            CalendarFeedEntity e = em.find(CalendarFeedEntity.class, userId.toString());
            if (e == null) {
                e = new CalendarFeedEntity();
                e.userId = userId.toString();
                e.tokenHash = tokenHash;
                e.createdAt = toDb(now);
                e.credentialsEpoch = epoch;
                em.persist(e);
            } else {
                e.tokenHash = tokenHash;
                e.createdAt = toDb(now);
                e.credentialsEpoch = epoch;
            }
        });
    }

    @Override
    public boolean delete(UUID userId) {
        return jpa.txExpr(
                        TransactionType.Required, em -> em.createQuery("DELETE FROM CalendarFeed f WHERE f.userId = :u")
                                .setParameter("u", userId.toString())
                                .executeUpdate())
                > 0;
    }

    @Override
    public Optional<Feed> find(String tokenHash) {
        return jpa.txExpr(TransactionType.Supports, em -> em
                .createQuery("SELECT f FROM CalendarFeed f WHERE f.tokenHash = :t", CalendarFeedEntity.class)
                .setParameter("t", tokenHash)
                .getResultList()
                .stream()
                .findFirst()
                .map(f -> new Feed(UUID.fromString(f.userId), fromDb(f.createdAt), f.credentialsEpoch)));
    }
}
