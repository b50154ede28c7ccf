package io.steadfast.identity.internal.store;

import java.time.Duration;
import java.time.Instant;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.steadfast.storage.Housekeeping;
import io.steadfast.storage.Rows;
import io.steadfast.storage.SchemaReady;

/**
 * Deletes tokens that expired or were revoked more than 30 days ago (their rows only serve the token list), and
 * password reset links that expired or were used as long ago.
 */
@Component(service = Housekeeping.class)
public class DeadTokenHousekeeping implements Housekeeping {

    static final Duration KEEP_DEAD_TOKENS = Duration.ofDays(30);

    private final JpaTemplate jpa;

    @Activate
    public DeadTokenHousekeeping(
            @Reference(target = IdentityPersistence.JPA) JpaTemplate jpa,
            @Reference(target = IdentityPersistence.SCHEMA) SchemaReady schema) {
        this.jpa = jpa;
    }

    @Override
    public String description() {
        return "tokens and password reset links expired, revoked or used more than " + KEEP_DEAD_TOKENS.toDays()
                + " days ago";
    }

    @Override
    public int clean(Instant now) {
        java.time.LocalDateTime cut = Rows.toDb(now.minus(KEEP_DEAD_TOKENS));
        return jpa.txExpr(
                TransactionType.Required,
                em -> em.createQuery("DELETE FROM Token t WHERE t.revokedAt < :c OR t.expiresAt < :c")
                                .setParameter("c", cut)
                                .executeUpdate()
                        + em.createQuery("DELETE FROM PasswordReset r WHERE r.usedAt < :c OR r.expiresAt < :c")
                                .setParameter("c", cut)
                                .executeUpdate());
    }
}
