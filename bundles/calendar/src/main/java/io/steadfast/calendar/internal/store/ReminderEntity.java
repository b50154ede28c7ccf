package io.steadfast.calendar.internal.store;

import java.time.LocalDateTime;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

@Entity(name = "Reminder")
@Table(name = "reminder")
public class ReminderEntity {
    @Id
    @Column(name = "id", length = 36)
    String id;

    @Column(name = "user_id", nullable = false, length = 36)
    String userId;

    @Column(name = "habit_id", nullable = false, length = 36)
    String habitId;

    @Column(name = "local_time", nullable = false, length = 5)
    String localTime;

    @Column(name = "days", length = 30)
    String days;

    @Column(name = "only_if_not_done", nullable = false)
    boolean onlyIfNotDone;

    @Column(name = "channel_ids", length = 1000)
    String channelIds;

    @Column(name = "created_at", nullable = false)
    LocalDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    LocalDateTime updatedAt;
}
