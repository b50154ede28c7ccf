package io.steadfast.media.internal.store;

import static io.steadfast.storage.Rows.fromDb;
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

import io.steadfast.media.internal.domain.Attachment;
import io.steadfast.storage.SchemaReady;

@Component(service = AttachmentStore.class)
public class JpaAttachmentStore implements AttachmentStore {

    private final JpaTemplate jpa;

    @Activate
    public JpaAttachmentStore(
            @Reference(target = MediaPersistence.JPA) JpaTemplate jpa,
            @Reference(target = MediaPersistence.SCHEMA) SchemaReady schema) {
        this.jpa = jpa;
    }

    @Override
    public int countOfDay(UUID userId, UUID habitId, LocalDate date) {
        return jpa.txExpr(TransactionType.Supports, em -> count(em, userId, habitId, date));
    }

    private static int count(EntityManager em, UUID userId, UUID habitId, LocalDate date) {
        return em.createQuery(
                        "SELECT COUNT(a) FROM Attachment a WHERE a.habitId = :h AND a.checkDate = :d AND a.userId = :u",
                        Long.class)
                .setParameter("h", habitId.toString())
                .setParameter("d", date)
                .setParameter("u", userId.toString())
                .getSingleResult()
                .intValue();
    }

    @Override
    public boolean create(Attachment a, int maxPerDay, String sourceHash) {
        return jpa.txExpr(TransactionType.Required, em -> {
            // the user's row is the lock: the uploads of one user take turns between counting and writing
            List<?> user = em.createNativeQuery("SELECT id FROM app_user WHERE id = ? FOR UPDATE")
                    .setParameter(1, a.userId().toString())
                    .getResultList();
            if (user.isEmpty() || count(em, a.userId(), a.habitId(), a.date()) >= maxPerDay) {
                return false;
            }
            AttachmentEntity e = new AttachmentEntity();
            e.id = a.id().toString();
            e.userId = a.userId().toString();
            e.habitId = a.habitId().toString();
            e.checkDate = a.date();
            e.contentType = a.contentType();
            e.size = a.size();
            e.width = a.width();
            e.height = a.height();
            e.originalKey = a.originalKey();
            e.thumbKey = a.thumbKey();
            e.fileName = a.fileName();
            e.createdAt = toDb(a.createdAt());
            e.sourceHash = sourceHash;
            em.persist(e);
            em.flush();
            return true;
        });
    }

    @Override
    public List<Attachment> ofDay(UUID userId, UUID habitId, LocalDate date) {
        return jpa.txExpr(TransactionType.Supports, em -> em
                .createQuery(
                        "SELECT a FROM Attachment a WHERE a.habitId = :h AND a.checkDate = :d AND a.userId = :u "
                                + "ORDER BY a.createdAt, a.id",
                        AttachmentEntity.class)
                .setParameter("h", habitId.toString())
                .setParameter("d", date)
                .setParameter("u", userId.toString())
                .getResultList()
                .stream()
                .map(JpaAttachmentStore::row)
                .toList());
    }

    @Override
    public Optional<Attachment> find(UUID userId, UUID attachmentId) {
        return Optional.ofNullable(jpa.txExpr(
                        TransactionType.Supports, em -> em.find(AttachmentEntity.class, attachmentId.toString())))
                .filter(e -> e.userId.equals(userId.toString()))
                .map(JpaAttachmentStore::row);
    }

    @Override
    public Optional<Attachment> findBySource(UUID userId, UUID habitId, LocalDate date, String sourceHash) {
        return jpa.txExpr(TransactionType.Supports, em -> em
                .createQuery(
                        "SELECT a FROM Attachment a WHERE a.habitId = :h AND a.checkDate = :d AND a.sourceHash = :s "
                                + "AND a.userId = :u ORDER BY a.createdAt, a.id",
                        AttachmentEntity.class)
                .setParameter("h", habitId.toString())
                .setParameter("d", date)
                .setParameter("s", sourceHash)
                .setParameter("u", userId.toString())
                .setMaxResults(1)
                .getResultList()
                .stream()
                .findFirst()
                .map(JpaAttachmentStore::row));
    }

    @Override
    public boolean delete(UUID userId, UUID attachmentId) {
        return jpa.txExpr(TransactionType.Required, em -> em.createQuery(
                                "DELETE FROM Attachment a WHERE a.id = :id AND a.userId = :u")
                        .setParameter("id", attachmentId.toString())
                        .setParameter("u", userId.toString())
                        .executeUpdate())
                > 0;
    }

    @Override
    public List<LocalDate> days(UUID userId, UUID habitId, LocalDate from) {
        return jpa.txExpr(TransactionType.Supports, em -> em.createQuery(
                        "SELECT DISTINCT a.checkDate FROM Attachment a WHERE a.habitId = :h AND a.userId = :u "
                                + "AND a.checkDate >= :f ORDER BY a.checkDate",
                        LocalDate.class)
                .setParameter("h", habitId.toString())
                .setParameter("u", userId.toString())
                .setParameter("f", from)
                .getResultList());
    }

    @Override
    public List<Attachment> ofHabit(UUID userId, UUID habitId) {
        return jpa.txExpr(TransactionType.Supports, em -> em
                .createQuery(
                        "SELECT a FROM Attachment a WHERE a.habitId = :h AND a.userId = :u "
                                + "ORDER BY a.checkDate, a.createdAt, a.id",
                        AttachmentEntity.class)
                .setParameter("h", habitId.toString())
                .setParameter("u", userId.toString())
                .getResultList()
                .stream()
                .map(JpaAttachmentStore::row)
                .toList());
    }

    @Override
    public int deleteOfDay(UUID userId, UUID habitId, LocalDate date) {
        return jpa.txExpr(TransactionType.Required, em -> em.createQuery(
                        "DELETE FROM Attachment a WHERE a.habitId = :h AND a.checkDate = :d AND a.userId = :u")
                .setParameter("h", habitId.toString())
                .setParameter("d", date)
                .setParameter("u", userId.toString())
                .executeUpdate());
    }

    @Override
    public int deleteOfHabit(UUID userId, UUID habitId) {
        return jpa.txExpr(TransactionType.Required, em -> {
            em.createNativeQuery("DELETE FROM attachment_sharing WHERE habit_id = ? AND user_id = ?")
                    .setParameter(1, habitId.toString())
                    .setParameter(2, userId.toString())
                    .executeUpdate();
            return em.createQuery("DELETE FROM Attachment a WHERE a.habitId = :h AND a.userId = :u")
                    .setParameter("h", habitId.toString())
                    .setParameter("u", userId.toString())
                    .executeUpdate();
        });
    }

    @Override
    public List<Attachment> ofUser(UUID userId) {
        return jpa.txExpr(TransactionType.Supports, em -> em
                .createQuery(
                        "SELECT a FROM Attachment a WHERE a.userId = :u ORDER BY a.habitId, a.checkDate, a.createdAt, a.id",
                        AttachmentEntity.class)
                .setParameter("u", userId.toString())
                .getResultList()
                .stream()
                .map(JpaAttachmentStore::row)
                .toList());
    }

    @Override
    public long[] usage(UUID userId) {
        return jpa.txExpr(TransactionType.Supports, em -> {
            Object[] r = em.createQuery(
                            "SELECT COUNT(a), SUM(a.size) FROM Attachment a WHERE a.userId = :u", Object[].class)
                    .setParameter("u", userId.toString())
                    .getSingleResult();
            return new long[] {
                r[0] == null ? 0 : ((Number) r[0]).longValue(), r[1] == null ? 0 : ((Number) r[1]).longValue()
            };
        });
    }

    @Override
    public boolean shareAttachments(UUID habitId) {
        return jpa.txExpr(TransactionType.Supports, em -> {
            List<?> r = em.createNativeQuery("SELECT share_attachments FROM attachment_sharing WHERE habit_id = ?")
                    .setParameter(1, habitId.toString())
                    .getResultList();
            return !r.isEmpty() && Boolean.TRUE.equals(r.get(0));
        });
    }

    @Override
    public void setShareAttachments(UUID userId, UUID habitId, boolean share, Instant at) {
        jpa.tx(TransactionType.Required, em -> {
            int n = em.createNativeQuery("UPDATE attachment_sharing SET share_attachments = ?, updated_at = ? "
                            + "WHERE habit_id = ? AND user_id = ?")
                    .setParameter(1, share)
                    .setParameter(2, toDb(at))
                    .setParameter(3, habitId.toString())
                    .setParameter(4, userId.toString())
                    .executeUpdate();
            if (n == 0) {
                em.createNativeQuery(
                                "INSERT INTO attachment_sharing (habit_id, user_id, share_attachments, updated_at) "
                                        + "VALUES (?, ?, ?, ?)")
                        .setParameter(1, habitId.toString())
                        .setParameter(2, userId.toString())
                        .setParameter(3, share)
                        .setParameter(4, toDb(at))
                        .executeUpdate();
            }
        });
    }

    private static Attachment row(AttachmentEntity e) {
        return new Attachment(
                UUID.fromString(e.id),
                UUID.fromString(e.userId),
                UUID.fromString(e.habitId),
                e.checkDate,
                e.contentType,
                e.size,
                e.width,
                e.height,
                e.originalKey,
                e.thumbKey,
                e.fileName,
                fromDb(e.createdAt));
    }
}
