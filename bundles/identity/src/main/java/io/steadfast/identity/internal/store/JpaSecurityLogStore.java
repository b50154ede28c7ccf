package io.steadfast.identity.internal.store;

import static io.steadfast.storage.Rows.fromDb;
import static io.steadfast.storage.Rows.toDb;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import javax.persistence.TypedQuery;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.steadfast.storage.SchemaReady;

@Component(service = SecurityLogStore.class)
public class JpaSecurityLogStore implements SecurityLogStore {

    private final JpaTemplate jpa;

    @Activate
    public JpaSecurityLogStore(
            @Reference(target = IdentityPersistence.JPA) JpaTemplate jpa,
            @Reference(target = IdentityPersistence.SCHEMA) SchemaReady schema) {
        this.jpa = jpa;
    }

    @Override
    public void append(SecurityEventRow r) {
        jpa.tx(TransactionType.Required, em -> {
            SecurityEventEntity e = new SecurityEventEntity();
            e.id = r.id().toString();
            e.userId = r.userId().toString();
            e.kind = r.kind();
            e.clientAddress = r.clientAddress();
            e.userAgent = r.userAgent();
            e.detail = r.detail();
            e.createdAt = toDb(r.createdAt());
            em.persist(e);
        });
    }

    @Override
    public List<SecurityEventRow> page(UUID userId, Instant beforeAt, UUID beforeId, int limit) {
        return jpa.txExpr(TransactionType.Supports, em -> {
            StringBuilder q = new StringBuilder("SELECT e FROM SecurityEvent e WHERE 1 = 1");
            if (userId != null) {
                q.append(" AND e.userId = :u");
            }
            if (beforeAt != null) {
                q.append(" AND (e.createdAt < :at OR (e.createdAt = :at AND e.id < :id))");
            }
            q.append(" ORDER BY e.createdAt DESC, e.id DESC");
            TypedQuery<SecurityEventEntity> query = em.createQuery(q.toString(), SecurityEventEntity.class);
            if (userId != null) {
                query.setParameter("u", userId.toString());
            }
            if (beforeAt != null) {
                query.setParameter("at", toDb(beforeAt));
                query.setParameter("id", beforeId == null ? "" : beforeId.toString());
            }
            return query.setMaxResults(limit).getResultList().stream()
                    .map(JpaSecurityLogStore::toRow)
                    .toList();
        });
    }

    @Override
    public java.util.Optional<SecurityEventRow> latest(UUID userId, String kind) {
        return jpa.txExpr(TransactionType.Supports, em -> em
                .createQuery(
                        "SELECT e FROM SecurityEvent e WHERE e.userId = :u AND e.kind = :k "
                                + "ORDER BY e.createdAt DESC, e.id DESC",
                        SecurityEventEntity.class)
                .setParameter("u", userId.toString())
                .setParameter("k", kind)
                .setMaxResults(1)
                .getResultList()
                .stream()
                .findFirst()
                .map(JpaSecurityLogStore::toRow));
    }

    @Override
    public int deleteBefore(Instant cut) {
        return jpa.txExpr(
                TransactionType.Required, em -> em.createQuery("DELETE FROM SecurityEvent e WHERE e.createdAt < :c")
                        .setParameter("c", toDb(cut))
                        .executeUpdate());
    }

    static SecurityEventRow toRow(SecurityEventEntity e) {
        return new SecurityEventRow(
                UUID.fromString(e.id),
                UUID.fromString(e.userId),
                e.kind,
                e.clientAddress,
                e.userAgent,
                e.detail,
                fromDb(e.createdAt));
    }
}
