package io.steadfast.identity.internal.store;

import java.time.LocalDateTime;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

@Entity(name = "Token")
@Table(name = "auth_token")
public class TokenEntity {

    @Id
    @Column(name = "id", length = 36)
    String id;

    @Column(name = "user_id", nullable = false, length = 36)
    String userId;

    @Column(name = "kind", nullable = false)
    String kind;

    @Column(name = "name")
    String name;

    @Column(name = "token_hash", nullable = false, length = 64)
    String hash;

    @Column(name = "scopes", nullable = false)
    String scopes;

    @Column(name = "created_at", nullable = false)
    LocalDateTime createdAt;

    @Column(name = "last_used_at")
    LocalDateTime lastUsedAt;

    @Column(name = "expires_at")
    LocalDateTime expiresAt;

    @Column(name = "revoked_at")
    LocalDateTime revokedAt;

    @Column(name = "user_agent", length = 200)
    String userAgent;

    @Column(name = "client_address", length = 64)
    String clientAddress;
}
