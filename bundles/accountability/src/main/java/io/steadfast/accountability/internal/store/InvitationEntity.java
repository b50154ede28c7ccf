package io.steadfast.accountability.internal.store;

import java.time.LocalDateTime;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

@Entity(name = "PartnerInvitation")
@Table(name = "partner_invitation")
public class InvitationEntity {
    @Id
    @Column(name = "id", length = 36)
    String id;

    @Column(name = "sender_id", nullable = false, length = 36)
    String senderId;

    @Column(name = "email", nullable = false)
    String email;

    @Column(name = "status", nullable = false)
    String status;

    @Column(name = "created_at", nullable = false)
    LocalDateTime createdAt;

    @Column(name = "answered_at")
    LocalDateTime answeredAt;
}
