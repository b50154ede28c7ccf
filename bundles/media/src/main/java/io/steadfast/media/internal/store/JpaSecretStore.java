package io.steadfast.media.internal.store;

import static io.steadfast.storage.Rows.toDb;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.steadfast.storage.Rows;
import io.steadfast.storage.SchemaReady;

@Component(service = SecretStore.class)
public class JpaSecretStore implements SecretStore {

    private final JpaTemplate jpa;

    @Activate
    public JpaSecretStore(
            @Reference(target = MediaPersistence.JPA) JpaTemplate jpa,
            @Reference(target = MediaPersistence.SCHEMA) SchemaReady schema) {
        this.jpa = jpa;
    }

    @Override
    public String secret(String name, Supplier<String> make, Instant now) {
        Optional<String> found = read(name);
        if (found.isPresent()) {
            return found.get();
        }
        try {
            jpa.tx(TransactionType.Required, em -> em.createNativeQuery(
                            "INSERT INTO media_secret (name, secret, created_at) VALUES (?, ?, ?)")
                    .setParameter(1, name)
                    .setParameter(2, make.get())
                    .setParameter(3, toDb(now))
                    .executeUpdate());
        } catch (RuntimeException e) {
            if (!Rows.isConstraintViolation(e)) {
                throw e;
            }
            // another node made it first: theirs it is
        }
        return read(name).orElseThrow(() -> new IllegalStateException("the media secret could not be stored"));
    }

    private Optional<String> read(String name) {
        return jpa.txExpr(TransactionType.Supports, em -> {
            List<?> r = em.createNativeQuery("SELECT secret FROM media_secret WHERE name = ?")
                    .setParameter(1, name)
                    .getResultList();
            return r.isEmpty() ? Optional.<String>empty() : Optional.of(r.get(0).toString());
        });
    }
}
