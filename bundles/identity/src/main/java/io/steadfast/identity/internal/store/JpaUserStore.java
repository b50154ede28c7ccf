package io.steadfast.identity.internal.store;

import static io.steadfast.storage.Rows.fromDb;
import static io.steadfast.storage.Rows.toDb;

import java.time.Instant;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.steadfast.api.account.UserProfile.Alerts;
import io.steadfast.storage.DuplicateKeyException;
import io.steadfast.storage.Rows;
import io.steadfast.storage.SchemaReady;

@Component(service = UserStore.class)
public class JpaUserStore implements UserStore {

    /** How {@code alert_streak_at_risk} (CHAR(5)) holds a time. */
    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");

    private final JpaTemplate jpa;

    @Activate
    public JpaUserStore(
            @Reference(target = IdentityPersistence.JPA) JpaTemplate jpa,
            @Reference(target = IdentityPersistence.SCHEMA) SchemaReady schema) {
        this.jpa = jpa;
    }

    @Override
    public UserRow create(UserRow user) {
        try {
            jpa.tx(TransactionType.Required, em -> {
                UserEntity e = new UserEntity();
                e.id = user.id().toString();
                e.emailNormalized = UserRow.normalize(user.email());
                e.createdAt = toDb(user.createdAt());
                copy(user, e);
                e.email = user.email().trim();
                e.passwordHash = user.passwordHash();
                e.passwordChangeRequired = user.passwordChangeRequired();
                em.persist(e);
                em.flush();
            });
        } catch (RuntimeException e) {
            if (Rows.isConstraintViolation(e)) {
                throw new DuplicateKeyException("email already registered", e);
            }
            throw e;
        }
        return find(user.id()).orElseThrow();
    }

    @Override
    public Optional<UserRow> find(UUID id) {
        return Optional.ofNullable(
                jpa.txExpr(TransactionType.Supports, em -> toRow(em.find(UserEntity.class, id.toString()))));
    }

    @Override
    public Optional<UserRow> findByEmail(String email) {
        return jpa.txExpr(TransactionType.Supports, em -> em
                .createQuery("SELECT u FROM User u WHERE u.emailNormalized = :e", UserEntity.class)
                .setParameter("e", UserRow.normalize(email))
                .getResultList()
                .stream()
                .findFirst()
                .map(JpaUserStore::toRow));
    }

    @Override
    public UserRow updateProfile(UserRow user) {
        return jpa.txExpr(TransactionType.Required, em -> {
            UserEntity e = em.find(UserEntity.class, user.id().toString());
            if (e == null) {
                return null;
            }
            copy(user, e);
            return toRow(e);
        });
    }

    @Override
    public void updatePassword(UUID id, String passwordHash, boolean changeRequired, Instant at) {
        jpa.tx(TransactionType.Required, em -> {
            UserEntity e = em.find(UserEntity.class, id.toString());
            if (e != null) {
                e.passwordHash = passwordHash;
                e.passwordChangeRequired = changeRequired;
                e.updatedAt = toDb(at);
            }
        });
    }

    @Override
    public void credentialsRevoked(UUID id) {
        jpa.tx(TransactionType.Required, em -> em.createQuery(
                        "UPDATE User u SET u.credentialsEpoch = u.credentialsEpoch + 1 WHERE u.id = :id")
                .setParameter("id", id.toString())
                .executeUpdate());
    }

    @Override
    public long credentialsEpoch(UUID id) {
        return jpa
                .txExpr(TransactionType.Supports, em -> em.createQuery(
                                "SELECT u.credentialsEpoch FROM User u WHERE u.id = :id", Long.class)
                        .setParameter("id", id.toString())
                        .getResultList())
                .stream()
                .findFirst()
                .orElse(0L);
    }

    @Override
    public Optional<UserRow> updateEmail(UUID id, String email, Instant at) {
        try {
            return Optional.ofNullable(jpa.txExpr(TransactionType.Required, em -> {
                UserEntity e = em.find(UserEntity.class, id.toString());
                if (e == null) {
                    return null;
                }
                e.email = email.trim();
                e.emailNormalized = UserRow.normalize(email);
                e.updatedAt = toDb(at);
                em.flush();
                return toRow(e);
            }));
        } catch (RuntimeException e) {
            if (Rows.isConstraintViolation(e)) {
                throw new DuplicateKeyException("email already registered", e);
            }
            throw e;
        }
    }

    @Override
    public List<String> emailsStartingWith(String prefix, int limit) {
        String p = UserRow.normalize(prefix == null ? "" : prefix)
                .replace("\\", "\\\\")
                .replace("%", "\\%")
                .replace("_", "\\_");
        return jpa.txExpr(TransactionType.Supports, em -> em.createQuery(
                        "SELECT u.email FROM User u WHERE u.emailNormalized LIKE :p ESCAPE '\\' "
                                + "ORDER BY u.emailNormalized",
                        String.class)
                .setParameter("p", p + "%")
                .setMaxResults(limit)
                .getResultList());
    }

    @Override
    public boolean delete(UUID id) {
        return jpa.txExpr(TransactionType.Required, em -> {
            // explicit deletes for what the identity bundle owns; other tables cascade in the database
            em.createQuery("DELETE FROM Token t WHERE t.userId = :u")
                    .setParameter("u", id.toString())
                    .executeUpdate();
            em.createQuery("DELETE FROM PasswordReset r WHERE r.userId = :u")
                    .setParameter("u", id.toString())
                    .executeUpdate();
            return em.createQuery("DELETE FROM User u WHERE u.id = :u")
                            .setParameter("u", id.toString())
                            .executeUpdate()
                    > 0;
        });
    }

    @Override
    public long count() {
        return jpa.txExpr(TransactionType.Supports, em -> em.createQuery("SELECT COUNT(u) FROM User u", Long.class)
                .getSingleResult());
    }

    @Override
    public List<UserRow> list(int offset, int limit) {
        return jpa.txExpr(TransactionType.Supports, em -> em
                .createQuery("SELECT u FROM User u ORDER BY u.createdAt, u.id", UserEntity.class)
                .setFirstResult(offset)
                .setMaxResults(limit)
                .getResultList()
                .stream()
                .map(JpaUserStore::toRow)
                .collect(Collectors.toList()));
    }

    @Override
    public List<UserRow> search(String query, int offset, int limit) {
        return jpa.txExpr(TransactionType.Supports, em -> em
                .createQuery("SELECT u FROM User u WHERE " + MATCHES + " ORDER BY u.createdAt, u.id", UserEntity.class)
                .setParameter("q", pattern(query))
                .setFirstResult(offset)
                .setMaxResults(limit)
                .getResultList()
                .stream()
                .map(JpaUserStore::toRow)
                .collect(Collectors.toList()));
    }

    @Override
    public long countMatching(String query) {
        return jpa.txExpr(TransactionType.Supports, em -> em.createQuery(
                        "SELECT COUNT(u) FROM User u WHERE " + MATCHES, Long.class)
                .setParameter("q", pattern(query))
                .getSingleResult());
    }

    /** An account whose email or display name contains the pattern {@code :q} (lower case). */
    private static final String MATCHES =
            "(u.emailNormalized LIKE :q ESCAPE '\\' OR LOWER(u.displayName) LIKE :q ESCAPE '\\')";

    /** {@code %query%} in lower case, its own wildcards escaped. */
    static String pattern(String query) {
        String q = (query == null ? "" : query.trim())
                .toLowerCase(java.util.Locale.ROOT)
                .replace("\\", "\\\\")
                .replace("%", "\\%")
                .replace("_", "\\_");
        return "%" + q + "%";
    }

    @Override
    public Optional<UserRow> setDisabled(UUID id, Instant at) {
        return Optional.ofNullable(jpa.txExpr(TransactionType.Required, em -> {
            UserEntity e = em.find(UserEntity.class, id.toString());
            if (e == null) {
                return null;
            }
            e.disabledAt = at == null ? null : toDb(at);
            em.flush();
            return toRow(e);
        }));
    }

    private static void copy(UserRow from, UserEntity to) {
        to.displayName = from.displayName();
        to.timezone = from.timezone();
        to.weekStart = from.weekStart();
        to.dayStartsAt = from.dayStartsAt();
        to.role = from.role();
        to.alertPartnerMissed = from.alerts().partnerMissed();
        LocalTime atRisk = from.alerts().streakAtRisk();
        to.alertStreakAtRisk =
                atRisk == null ? null : atRisk.truncatedTo(ChronoUnit.MINUTES).format(HH_MM);
        to.updatedAt = toDb(java.util.Objects.requireNonNull(from.updatedAt(), "updatedAt (from the clock)"));
    }

    static UserRow toRow(UserEntity e) {
        if (e == null) {
            return null;
        }
        return new UserRow(
                UUID.fromString(e.id),
                e.email,
                e.displayName,
                e.passwordHash,
                e.timezone,
                e.weekStart,
                e.dayStartsAt,
                e.role,
                fromDb(e.createdAt),
                fromDb(e.updatedAt),
                e.passwordChangeRequired,
                new Alerts(e.alertPartnerMissed, time(e.alertStreakAtRisk)),
                e.disabledAt == null ? null : fromDb(e.disabledAt));
    }

    /** The stored time; a blank column is none (CHAR pads). */
    private static LocalTime time(String stored) {
        return stored == null || stored.isBlank() ? null : LocalTime.parse(stored.trim(), HH_MM);
    }
}
