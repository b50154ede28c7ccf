package io.steadfast.identity.internal.store;

import static io.steadfast.storage.Rows.fromDb;
import static io.steadfast.storage.Rows.toDb;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.steadfast.identity.internal.Tokens;
import io.steadfast.storage.SchemaReady;

@Component(service = TokenStore.class)
public class JpaTokenStore implements TokenStore {

    private final JpaTemplate jpa;

    @Activate
    public JpaTokenStore(
            @Reference(target = IdentityPersistence.JPA) JpaTemplate jpa,
            @Reference(target = IdentityPersistence.SCHEMA) SchemaReady schema) {
        this.jpa = jpa;
    }

    @Override
    public TokenRow create(TokenRow t) {
        jpa.tx(TransactionType.Required, em -> {
            TokenEntity e = new TokenEntity();
            e.id = t.id().toString();
            e.userId = t.userId().toString();
            e.kind = t.kind();
            e.name = t.name();
            e.hash = t.hash();
            e.scopes = String.join(" ", t.scopes());
            e.createdAt = toDb(t.createdAt());
            e.lastUsedAt = toDb(t.lastUsedAt());
            e.expiresAt = toDb(t.expiresAt());
            e.userAgent = t.userAgent();
            e.clientAddress = t.clientAddress();
            em.persist(e);
        });
        return t;
    }

    @Override
    public Optional<TokenRow> findByHash(String hash) {
        return jpa.txExpr(TransactionType.Supports, em -> em
                .createQuery("SELECT t FROM Token t WHERE t.hash = :h", TokenEntity.class)
                .setParameter("h", hash)
                .getResultList()
                .stream()
                .findFirst()
                .map(JpaTokenStore::toRow));
    }

    @Override
    public List<TokenRow> listActive(UUID userId, String kind) {
        return jpa.txExpr(TransactionType.Supports, em -> em
                .createQuery(
                        "SELECT t FROM Token t WHERE t.userId = :u AND t.kind = :k AND t.revokedAt IS NULL "
                                + "ORDER BY t.createdAt DESC, t.id",
                        TokenEntity.class)
                .setParameter("u", userId.toString())
                .setParameter("k", kind)
                .getResultList()
                .stream()
                .map(JpaTokenStore::toRow)
                .collect(Collectors.toList()));
    }

    @Override
    public void touch(UUID id, Instant lastUsedAt, Instant expiresAt) {
        jpa.tx(TransactionType.Required, em -> {
            TokenEntity e = em.find(TokenEntity.class, id.toString());
            if (e != null && e.revokedAt == null) {
                e.lastUsedAt = toDb(lastUsedAt);
                e.expiresAt = toDb(expiresAt);
            }
        });
    }

    @Override
    public Optional<TokenRow> revoke(UUID userId, UUID tokenId, Instant at) {
        return jpa.txExpr(TransactionType.Required, em -> {
            TokenEntity e = em.find(TokenEntity.class, tokenId.toString());
            if (e == null || !e.userId.equals(userId.toString()) || e.revokedAt != null) {
                return Optional.empty();
            }
            e.revokedAt = toDb(at);
            return Optional.of(toRow(e));
        });
    }

    @Override
    public List<TokenRow> revokeSessions(UUID userId, UUID except, Instant at) {
        return revoke(userId, except, at, true);
    }

    @Override
    public List<TokenRow> revokeAll(UUID userId, UUID except, Instant at) {
        return revoke(userId, except, at, false);
    }

    private List<TokenRow> revoke(UUID userId, UUID except, Instant at, boolean sessionsOnly) {
        return jpa.txExpr(TransactionType.Required, em -> {
            List<TokenRow> revoked = new ArrayList<>();
            for (TokenEntity e : em.createQuery(
                            "SELECT t FROM Token t WHERE t.userId = :u AND t.revokedAt IS NULL", TokenEntity.class)
                    .setParameter("u", userId.toString())
                    .getResultList()) {
                if (sessionsOnly && Tokens.PAT.equals(e.kind)) {
                    continue;
                }
                if (except == null || !except.toString().equals(e.id)) {
                    e.revokedAt = toDb(at);
                    revoked.add(toRow(e));
                }
            }
            return revoked;
        });
    }

    @Override
    public long countUsable(java.util.Collection<String> kinds, Instant now) {
        return jpa.txExpr(TransactionType.Supports, em -> em.createQuery(
                        "SELECT COUNT(t) FROM Token t WHERE t.kind IN :k AND t.revokedAt IS NULL "
                                + "AND (t.expiresAt IS NULL OR t.expiresAt > :now)",
                        Long.class)
                .setParameter("k", List.copyOf(kinds))
                .setParameter("now", toDb(now))
                .getSingleResult());
    }

    @Override
    public Optional<Instant> lastUsed(UUID userId) {
        return Optional.ofNullable(jpa.txExpr(TransactionType.Supports, em -> em.createQuery(
                                "SELECT MAX(t.lastUsedAt) FROM Token t WHERE t.userId = :u",
                                java.time.LocalDateTime.class)
                        .setParameter("u", userId.toString())
                        .getSingleResult()))
                .map(io.steadfast.storage.Rows::fromDb);
    }

    static TokenRow toRow(TokenEntity e) {
        Set<String> scopes = new LinkedHashSet<>(Arrays.asList(e.scopes.trim().split("\\s+")));
        return new TokenRow(
                UUID.fromString(e.id),
                UUID.fromString(e.userId),
                e.kind,
                e.name,
                e.hash,
                scopes,
                fromDb(e.createdAt),
                fromDb(e.lastUsedAt),
                fromDb(e.expiresAt),
                fromDb(e.revokedAt),
                e.userAgent,
                e.clientAddress);
    }
}
