package io.steadfast.accountability.internal.store;

import java.time.LocalDateTime;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

@Entity(name = "GroupCode")
@Table(name = "group_code")
public class GroupCodeEntity {
    @Id
    @Column(name = "code_hash", length = 64)
    String codeHash;

    @Column(name = "group_id", nullable = false, length = 36)
    String groupId;

    @Column(name = "created_at", nullable = false)
    LocalDateTime createdAt;

    @Column(name = "expires_at", nullable = false)
    LocalDateTime expiresAt;
}
