package io.steadfast.delivery.internal.store;

import java.time.LocalDateTime;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

@Entity(name = "Channel")
@Table(name = "channel")
public class ChannelEntity {
    @Id
    @Column(name = "id", length = 36)
    String id;

    @Column(name = "user_id", nullable = false, length = 36)
    String userId;

    @Column(name = "type", nullable = false)
    String type;

    @Column(name = "name", nullable = false)
    String name;

    @Column(name = "config", nullable = false, length = 8000)
    String config;

    @Column(name = "secret_fields", length = 400)
    String secretFields;

    @Column(name = "enabled", nullable = false)
    boolean enabled;

    @Column(name = "disabled_reason")
    String disabledReason;

    @Column(name = "failing_since")
    LocalDateTime failingSince;

    @Column(name = "created_at", nullable = false)
    LocalDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    LocalDateTime updatedAt;
}
