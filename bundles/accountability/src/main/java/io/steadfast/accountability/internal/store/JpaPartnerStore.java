package io.steadfast.accountability.internal.store;

import static io.steadfast.storage.Rows.fromDb;
import static io.steadfast.storage.Rows.toDb;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import javax.persistence.EntityManager;
import javax.persistence.LockModeType;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.steadfast.storage.Rows;
import io.steadfast.storage.SchemaReady;

@Component(service = PartnerStore.class)
public class JpaPartnerStore implements PartnerStore {

    private static final int ATTEMPTS = 3;

    private final JpaTemplate jpa;

    @Activate
    public JpaPartnerStore(
            @Reference(target = AccountabilityPersistence.JPA) JpaTemplate jpa,
            @Reference(target = AccountabilityPersistence.SCHEMA) SchemaReady schema) {
        this.jpa = jpa;
    }

    @Override
    public List<PartnershipRow> partners(UUID userId) {
        return jpa.txExpr(TransactionType.Supports, em -> em
                .createQuery(
                        "SELECT p FROM Partnership p WHERE p.userId = :u ORDER BY p.since, p.partnerId",
                        PartnershipEntity.class)
                .setParameter("u", userId.toString())
                .getResultList()
                .stream()
                .map(JpaPartnerStore::row)
                .toList());
    }

    @Override
    public Optional<PartnershipRow> partnership(UUID userId, UUID partnerId) {
        return Optional.ofNullable(jpa.txExpr(
                        TransactionType.Supports,
                        em -> em.find(
                                PartnershipEntity.class,
                                new PartnershipEntity.Key(userId.toString(), partnerId.toString()))))
                .map(JpaPartnerStore::row);
    }

    @Override
    public boolean end(UUID userId, UUID partnerId) {
        return jpa.txExpr(
                TransactionType.Required,
                em -> em.createQuery("DELETE FROM Partnership p WHERE (p.userId = :a AND p.partnerId = :b) "
                                        + "OR (p.userId = :b AND p.partnerId = :a)")
                                .setParameter("a", userId.toString())
                                .setParameter("b", partnerId.toString())
                                .executeUpdate()
                        > 0);
    }

    @Override
    public void invite(InvitationRow row, NotificationRow notice) {
        jpa.tx(TransactionType.Required, em -> {
            InvitationEntity e = new InvitationEntity();
            e.id = row.id().toString();
            e.senderId = row.senderId().toString();
            e.email = row.email();
            e.status = row.status();
            e.createdAt = toDb(row.createdAt());
            e.answeredAt = toDb(row.answeredAt());
            em.persist(e);
            em.flush();
            notify(em, notice);
        });
    }

    @Override
    public Optional<InvitationRow> invitation(UUID id) {
        return Optional.ofNullable(
                        jpa.txExpr(TransactionType.Supports, em -> em.find(InvitationEntity.class, id.toString())))
                .map(JpaPartnerStore::row);
    }

    @Override
    public List<InvitationRow> sent(UUID senderId) {
        return jpa.txExpr(TransactionType.Supports, em -> em
                .createQuery(
                        "SELECT i FROM PartnerInvitation i WHERE i.senderId = :s ORDER BY i.createdAt DESC, i.id",
                        InvitationEntity.class)
                .setParameter("s", senderId.toString())
                .getResultList()
                .stream()
                .map(JpaPartnerStore::row)
                .toList());
    }

    @Override
    public List<InvitationRow> received(String email) {
        return jpa.txExpr(TransactionType.Supports, em -> em
                .createQuery(
                        "SELECT i FROM PartnerInvitation i WHERE i.email = :e AND i.status = :p "
                                + "ORDER BY i.createdAt DESC, i.id",
                        InvitationEntity.class)
                .setParameter("e", email)
                .setParameter("p", InvitationRow.PENDING)
                .getResultList()
                .stream()
                .map(JpaPartnerStore::row)
                .toList());
    }

    @Override
    public int pendingCount(UUID senderId) {
        return jpa.txExpr(TransactionType.Supports, em -> em.createQuery(
                                "SELECT COUNT(i) FROM PartnerInvitation i WHERE i.senderId = :s AND i.status = :p",
                                Long.class)
                        .setParameter("s", senderId.toString())
                        .setParameter("p", InvitationRow.PENDING)
                        .getSingleResult())
                .intValue();
    }

    @Override
    public Optional<PartnershipRow> accept(UUID invitationId, UUID invitee, Instant at, NotificationRow notice) {
        return retried(() -> Optional.ofNullable(jpa.txExpr(TransactionType.Required, em -> {
            InvitationEntity e =
                    em.find(InvitationEntity.class, invitationId.toString(), LockModeType.PESSIMISTIC_WRITE);
            if (e == null || !InvitationRow.PENDING.equals(e.status)) {
                return null;
            }
            e.status = InvitationRow.ACCEPTED;
            e.answeredAt = toDb(at);
            PartnershipRow p = join(em, invitee, UUID.fromString(e.senderId), at);
            notify(em, notice);
            return p;
        })));
    }

    @Override
    public boolean decline(UUID invitationId, Instant at) {
        return jpa.txExpr(
                TransactionType.Required,
                em -> em.createQuery("UPDATE PartnerInvitation i SET i.status = :d, i.answeredAt = :t "
                                        + "WHERE i.id = :id AND i.status = :p")
                                .setParameter("d", InvitationRow.DECLINED)
                                .setParameter("t", toDb(at))
                                .setParameter("id", invitationId.toString())
                                .setParameter("p", InvitationRow.PENDING)
                                .executeUpdate()
                        > 0);
    }

    @Override
    public boolean withdraw(UUID senderId, UUID invitationId) {
        return jpa.txExpr(
                TransactionType.Required,
                em -> em.createQuery("DELETE FROM PartnerInvitation i WHERE i.id = :id AND i.senderId = :s")
                                .setParameter("id", invitationId.toString())
                                .setParameter("s", senderId.toString())
                                .executeUpdate()
                        > 0);
    }

    @Override
    public void createCode(InviteCodeRow row) {
        jpa.tx(TransactionType.Required, em -> {
            InviteCodeEntity e = new InviteCodeEntity();
            e.codeHash = row.codeHash();
            e.userId = row.userId().toString();
            e.createdAt = toDb(row.createdAt());
            e.expiresAt = toDb(row.expiresAt());
            em.persist(e);
        });
    }

    @Override
    public Optional<InviteCodeRow> code(String codeHash) {
        return Optional.ofNullable(
                        jpa.txExpr(TransactionType.Supports, em -> em.find(InviteCodeEntity.class, codeHash)))
                .map(JpaPartnerStore::row);
    }

    @Override
    public List<InviteCodeRow> codes(UUID userId, Instant now) {
        return jpa.txExpr(TransactionType.Supports, em -> em
                .createQuery(
                        "SELECT c FROM PartnerCode c WHERE c.userId = :u AND c.expiresAt > :n "
                                + "ORDER BY c.createdAt DESC, c.codeHash",
                        InviteCodeEntity.class)
                .setParameter("u", userId.toString())
                .setParameter("n", toDb(now))
                .getResultList()
                .stream()
                .map(JpaPartnerStore::row)
                .toList());
    }

    @Override
    public Optional<PartnershipRow> redeem(String codeHash, UUID redeemer, Instant now, NotificationRow notice) {
        return retried(() -> Optional.ofNullable(jpa.txExpr(TransactionType.Required, em -> {
            InviteCodeEntity c = em.find(InviteCodeEntity.class, codeHash, LockModeType.PESSIMISTIC_WRITE);
            if (c == null || !fromDb(c.expiresAt).isAfter(now)) {
                return null;
            }
            em.remove(c);
            PartnershipRow p = join(em, redeemer, UUID.fromString(c.userId), now);
            notify(em, notice);
            return p;
        })));
    }

    private static void notify(EntityManager em, NotificationRow notice) {
        if (notice != null) {
            em.flush();
            Notifications.insert(em, notice);
        }
    }

    /** Makes {@code a} and {@code b} partners unless they are; the partnership as {@code a} sees it. */
    private static PartnershipRow join(EntityManager em, UUID a, UUID b, Instant since) {
        PartnershipEntity mine =
                em.find(PartnershipEntity.class, new PartnershipEntity.Key(a.toString(), b.toString()));
        if (mine != null) {
            return row(mine);
        }
        PartnershipEntity ab = side(a, b, since);
        em.persist(ab);
        if (em.find(PartnershipEntity.class, new PartnershipEntity.Key(b.toString(), a.toString())) == null) {
            em.persist(side(b, a, since));
        }
        em.flush();
        return row(ab);
    }

    private static PartnershipEntity side(UUID user, UUID partner, Instant since) {
        PartnershipEntity e = new PartnershipEntity();
        e.userId = user.toString();
        e.partnerId = partner.toString();
        e.since = toDb(since);
        return e;
    }

    /** Runs a write again when a concurrent one made the same partnership first (a unique key). */
    private static <T> T retried(java.util.function.Supplier<T> write) {
        for (int attempt = 1; ; attempt++) {
            try {
                return write.get();
            } catch (RuntimeException e) {
                if (attempt >= ATTEMPTS || !Rows.isConstraintViolation(e)) {
                    throw e;
                }
            }
        }
    }

    private static PartnershipRow row(PartnershipEntity e) {
        return new PartnershipRow(UUID.fromString(e.userId), UUID.fromString(e.partnerId), fromDb(e.since));
    }

    private static InvitationRow row(InvitationEntity e) {
        return new InvitationRow(
                UUID.fromString(e.id),
                UUID.fromString(e.senderId),
                e.email,
                e.status,
                fromDb(e.createdAt),
                fromDb(e.answeredAt));
    }

    private static InviteCodeRow row(InviteCodeEntity e) {
        return new InviteCodeRow(e.codeHash, UUID.fromString(e.userId), fromDb(e.createdAt), fromDb(e.expiresAt));
    }
}
