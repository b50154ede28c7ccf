package io.steadfast.identity.internal.store;

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

@Component(service = ResetStore.class)
public class JpaResetStore implements ResetStore {

    private final JpaTemplate jpa;

    @Activate
    public JpaResetStore(
            @Reference(target = IdentityPersistence.JPA) JpaTemplate jpa,
            @Reference(target = IdentityPersistence.SCHEMA) SchemaReady schema) {
        this.jpa = jpa;
    }

    @Override
    public ResetRow create(ResetRow r) {
        jpa.tx(TransactionType.Required, em -> {
            ResetEntity e = new ResetEntity();
            e.id = r.id().toString();
            e.userId = r.userId().toString();
            e.hash = r.hash();
            e.createdAt = toDb(r.createdAt());
            e.expiresAt = toDb(r.expiresAt());
            e.usedAt = toDb(r.usedAt());
            em.persist(e);
        });
        return r;
    }

    @Override
    public Optional<ResetRow> findByHash(String hash) {
        return jpa.txExpr(TransactionType.Supports, em -> em
                .createQuery("SELECT r FROM PasswordReset r WHERE r.hash = :h", ResetEntity.class)
                .setParameter("h", hash)
                .getResultList()
                .stream()
                .findFirst()
                .map(JpaResetStore::toRow));
    }

    @Override
    public boolean use(UUID id, Instant at) {
        // one conditional UPDATE: of two concurrent uses exactly one changes the row
        return jpa.txExpr(
                TransactionType.Required,
                em -> em.createQuery("UPDATE PasswordReset r SET r.usedAt = :at "
                                        + "WHERE r.id = :id AND r.usedAt IS NULL AND r.expiresAt > :at")
                                .setParameter("at", toDb(at))
                                .setParameter("id", id.toString())
                                .executeUpdate()
                        == 1);
    }

    @Override
    public int cancelAll(UUID userId, Instant at) {
        return jpa.txExpr(TransactionType.Required, em -> em.createQuery(
                        "UPDATE PasswordReset r SET r.usedAt = :at WHERE r.userId = :u AND r.usedAt IS NULL")
                .setParameter("at", toDb(at))
                .setParameter("u", userId.toString())
                .executeUpdate());
    }

    static ResetRow toRow(ResetEntity e) {
        return new ResetRow(
                UUID.fromString(e.id),
                UUID.fromString(e.userId),
                e.hash,
                fromDb(e.createdAt),
                fromDb(e.expiresAt),
                fromDb(e.usedAt));
    }
}
