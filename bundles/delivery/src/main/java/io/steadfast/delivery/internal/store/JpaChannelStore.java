package io.steadfast.delivery.internal.store;

import static io.steadfast.storage.Rows.fromDb;
import static io.steadfast.storage.Rows.toDb;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.steadfast.delivery.internal.domain.UserChannel;
import io.steadfast.storage.SchemaReady;

@Component(service = ChannelStore.class)
public class JpaChannelStore implements ChannelStore {

    private final JpaTemplate jpa;

    @Activate
    public JpaChannelStore(
            @Reference(target = DeliveryPersistence.JPA) JpaTemplate jpa,
            @Reference(target = DeliveryPersistence.SCHEMA) SchemaReady schema) {
        this.jpa = jpa;
    }

    @Override
    public void create(UserChannel c) {
        jpa.tx(TransactionType.Required, em -> {
            ChannelEntity e = new ChannelEntity();
            e.id = c.id().toString();
            e.userId = c.userId().toString();
            e.createdAt = toDb(c.createdAt());
            copy(c, e);
            em.persist(e);
            // a duplicate id (two nodes making the in-app channel at once) fails here, in the statement, where the
            // caller handles it; not later in the commit, where the transaction manager would log it
            em.flush();
        });
    }

    @Override
    public boolean update(UserChannel c) {
        return jpa.txExpr(TransactionType.Required, em -> {
            ChannelEntity e = em.find(ChannelEntity.class, c.id().toString());
            if (e == null || !e.userId.equals(c.userId().toString())) {
                return false;
            }
            copy(c, e);
            return true;
        });
    }

    private static void copy(UserChannel c, ChannelEntity e) {
        e.type = c.type();
        e.name = c.name();
        e.config = Json.write(c.config());
        e.secretFields =
                c.secretFields().isEmpty() ? null : String.join(",", new java.util.TreeSet<>(c.secretFields()));
        e.enabled = c.enabled();
        e.disabledReason = c.disabledReason();
        e.failingSince = c.failingSince() == null ? null : toDb(c.failingSince());
        e.updatedAt = toDb(c.updatedAt());
    }

    @Override
    public Optional<UserChannel> find(UUID userId, UUID channelId) {
        return Optional.ofNullable(
                        jpa.txExpr(TransactionType.Supports, em -> em.find(ChannelEntity.class, channelId.toString())))
                .filter(e -> e.userId.equals(userId.toString()))
                .map(JpaChannelStore::row);
    }

    @Override
    public List<UserChannel> ofUser(UUID userId) {
        return jpa.txExpr(TransactionType.Supports, em -> em
                .createQuery(
                        "SELECT c FROM Channel c WHERE c.userId = :u ORDER BY c.createdAt, c.id", ChannelEntity.class)
                .setParameter("u", userId.toString())
                .getResultList()
                .stream()
                .map(JpaChannelStore::row)
                .toList());
    }

    @Override
    public int count(UUID userId) {
        return jpa.txExpr(TransactionType.Supports, em -> em.createQuery(
                        "SELECT COUNT(c) FROM Channel c WHERE c.userId = :u", Long.class)
                .setParameter("u", userId.toString())
                .getSingleResult()
                .intValue());
    }

    @Override
    public boolean delete(UUID userId, UUID channelId) {
        return jpa.txExpr(TransactionType.Required, em -> {
            ChannelEntity e = em.find(ChannelEntity.class, channelId.toString());
            if (e == null || !e.userId.equals(userId.toString())) {
                return false;
            }
            em.createNativeQuery("DELETE FROM delivery WHERE channel_id = ?")
                    .setParameter(1, e.id)
                    .executeUpdate();
            em.remove(e);
            return true;
        });
    }

    @Override
    public boolean disable(UUID channelId, String reason, Instant at) {
        return jpa.txExpr(TransactionType.Required, em -> em.createNativeQuery(
                                "UPDATE channel SET enabled = ?, disabled_reason = ?, updated_at = ? "
                                        + "WHERE id = ? AND enabled = ?")
                        .setParameter(1, false)
                        .setParameter(2, reason)
                        .setParameter(3, toDb(at))
                        .setParameter(4, channelId.toString())
                        .setParameter(5, true)
                        .executeUpdate())
                > 0;
    }

    @Override
    public Instant failed(UUID channelId, Instant at) {
        return jpa.txExpr(TransactionType.Required, em -> {
            em.createNativeQuery("UPDATE channel SET failing_since = ? WHERE id = ? AND failing_since IS NULL")
                    .setParameter(1, toDb(at))
                    .setParameter(2, channelId.toString())
                    .executeUpdate();
            ChannelEntity e = em.find(ChannelEntity.class, channelId.toString());
            return e == null || e.failingSince == null ? at : fromDb(e.failingSince);
        });
    }

    @Override
    public void succeeded(UUID channelId) {
        jpa.tx(TransactionType.Required, em -> em.createNativeQuery(
                        "UPDATE channel SET failing_since = NULL WHERE id = ? AND failing_since IS NOT NULL")
                .setParameter(1, channelId.toString())
                .executeUpdate());
    }

    private static UserChannel row(ChannelEntity e) {
        return new UserChannel(
                UUID.fromString(e.id),
                UUID.fromString(e.userId),
                e.type,
                e.name,
                Json.read(e.config),
                e.secretFields == null ? java.util.Set.of() : java.util.Set.of(e.secretFields.split(",")),
                e.enabled,
                e.disabledReason,
                e.failingSince == null ? null : fromDb(e.failingSince),
                fromDb(e.createdAt),
                fromDb(e.updatedAt));
    }
}
