package io.steadfast.media.internal.store;

import static io.steadfast.storage.Rows.fromDb;
import static io.steadfast.storage.Rows.toDb;

import java.util.Optional;
import java.util.UUID;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.steadfast.media.internal.domain.Avatar;
import io.steadfast.storage.SchemaReady;

@Component(service = AvatarStore.class)
public class JpaAvatarStore implements AvatarStore {

    private final JpaTemplate jpa;

    @Activate
    public JpaAvatarStore(
            @Reference(target = MediaPersistence.JPA) JpaTemplate jpa,
            @Reference(target = MediaPersistence.SCHEMA) SchemaReady schema) {
        this.jpa = jpa;
    }

    @Override
    public Optional<Avatar> find(UUID userId) {
        return Optional.ofNullable(
                        jpa.txExpr(TransactionType.Supports, em -> em.find(AvatarEntity.class, userId.toString())))
                .map(JpaAvatarStore::row);
    }

    @Override
    public Optional<Avatar> put(Avatar a) {
        return jpa.txExpr(TransactionType.Required, em -> {
            // the user's row is the lock: two uploads at once replace one another in turn, each old file is known
            em.createNativeQuery("SELECT id FROM app_user WHERE id = ? FOR UPDATE")
                    .setParameter(1, a.userId().toString())
                    .getResultList();
            AvatarEntity e = em.find(AvatarEntity.class, a.userId().toString());
            Optional<Avatar> old = Optional.ofNullable(e).map(JpaAvatarStore::row);
            if (e == null) {
                e = new AvatarEntity();
                e.userId = a.userId().toString();
                copy(a, e);
                em.persist(e);
            } else {
                copy(a, e);
            }
            em.flush();
            return old;
        });
    }

    @Override
    public Optional<Avatar> delete(UUID userId) {
        return jpa.txExpr(TransactionType.Required, em -> {
            AvatarEntity e = em.find(AvatarEntity.class, userId.toString());
            if (e == null) {
                return Optional.empty();
            }
            Avatar old = row(e);
            em.remove(e);
            return Optional.of(old);
        });
    }

    private static void copy(Avatar a, AvatarEntity e) {
        e.id = a.id().toString();
        e.contentType = a.contentType();
        e.size = a.size();
        e.width = a.width();
        e.height = a.height();
        e.originalKey = a.originalKey();
        e.thumbKey = a.thumbKey();
        e.createdAt = toDb(a.createdAt());
    }

    private static Avatar row(AvatarEntity e) {
        return new Avatar(
                UUID.fromString(e.userId),
                UUID.fromString(e.id),
                e.contentType,
                e.size,
                e.width,
                e.height,
                e.originalKey,
                e.thumbKey,
                fromDb(e.createdAt));
    }
}
