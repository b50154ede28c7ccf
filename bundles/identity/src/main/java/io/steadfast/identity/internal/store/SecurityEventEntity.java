package io.steadfast.identity.internal.store;

import java.time.LocalDateTime;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

@Entity(name = "SecurityEvent")
@Table(name = "security_event")
public class SecurityEventEntity {

    @Id
    @Column(name = "id", length = 36)
    String id;

    @Column(name = "user_id", nullable = false, length = 36)
    String userId;

    @Column(name = "kind", nullable = false, length = 40)
    String kind;

    @Column(name = "client_address", length = 64)
    String clientAddress;

    @Column(name = "user_agent", length = 200)
    String userAgent;

    @Column(name = "detail", length = 200)
    String detail;

    @Column(name = "created_at", nullable = false)
    LocalDateTime createdAt;
}
