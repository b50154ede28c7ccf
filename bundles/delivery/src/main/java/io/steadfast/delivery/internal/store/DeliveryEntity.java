package io.steadfast.delivery.internal.store;

import java.time.LocalDateTime;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

@Entity(name = "Delivery")
@Table(name = "delivery")
public class DeliveryEntity {
    @Id
    @Column(name = "id", length = 36)
    String id;

    @Column(name = "user_id", nullable = false, length = 36)
    String userId;

    @Column(name = "channel_id", nullable = false, length = 36)
    String channelId;

    @Column(name = "dedupe_key", nullable = false)
    String dedupeKey;

    @Column(name = "type", nullable = false)
    String type;

    @Column(name = "title", nullable = false)
    String title;

    @Column(name = "body", length = 2000)
    String body;

    @Column(name = "link", length = 500)
    String link;

    @Column(name = "data", length = 8000)
    String data;

    @Column(name = "status", nullable = false)
    String status;

    @Column(name = "attempts", nullable = false)
    int attempts;

    @Column(name = "last_error", length = 500)
    String lastError;

    @Column(name = "next_at", nullable = false)
    LocalDateTime nextAt;

    @Column(name = "created_at", nullable = false)
    LocalDateTime createdAt;

    @Column(name = "sent_at")
    LocalDateTime sentAt;

    @Column(name = "claimed_by")
    String claimedBy;

    @Column(name = "claimed_until")
    LocalDateTime claimedUntil;

    @Column(name = "unsubscribe_hash", length = 64)
    String unsubscribeHash;
}
