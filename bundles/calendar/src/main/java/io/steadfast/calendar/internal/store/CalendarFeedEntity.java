package io.steadfast.calendar.internal.store;

import java.time.LocalDateTime;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

@Entity(name = "CalendarFeed")
@Table(name = "calendar_feed")
public class CalendarFeedEntity {
    @Id
    @Column(name = "user_id", length = 36)
    String userId;

    @Column(name = "token_hash", nullable = false, length = 64)
    String tokenHash;

    @Column(name = "created_at", nullable = false)
    LocalDateTime createdAt;

    @Column(name = "credentials_epoch", nullable = false)
    long credentialsEpoch;
}
