package io.steadfast.accountability.internal.store;

import java.time.LocalDate;
import java.time.LocalDateTime;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

/** A notification as read; they are written with plain SQL ({@link Notifications#insert}). */
@Entity(name = "Notification")
@Table(name = "notification")
public class NotificationEntity {
    @Id
    @Column(name = "id")
    long id;

    @Column(name = "user_id", nullable = false, length = 36)
    String userId;

    @Column(name = "kind", nullable = false)
    String kind;

    @Column(name = "actor_id", length = 36)
    String actorId;

    @Column(name = "habit_id", length = 36)
    String habitId;

    @Column(name = "habit_name")
    String habitName;

    @Column(name = "on_day")
    LocalDate day;

    @Column(name = "ref_id")
    String refId;

    @Column(name = "remark")
    String comment;

    @Column(name = "dedupe_key", nullable = false)
    String dedupeKey;

    @Column(name = "created_at", nullable = false)
    LocalDateTime createdAt;

    @Column(name = "read_at")
    LocalDateTime readAt;
}
