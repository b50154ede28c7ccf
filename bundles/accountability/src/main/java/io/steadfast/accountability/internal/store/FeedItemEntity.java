package io.steadfast.accountability.internal.store;

import java.time.LocalDate;
import java.time.LocalDateTime;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

/** A feed item as read; they are written with plain SQL ({@link JpaFeedStore#add}). */
@Entity(name = "FeedItem")
@Table(name = "feed_item")
public class FeedItemEntity {
    @Id
    @Column(name = "id")
    long id;

    @Column(name = "actor_id", nullable = false, length = 36)
    String actorId;

    @Column(name = "kind", nullable = false)
    String kind;

    @Column(name = "habit_id", length = 36)
    String habitId;

    @Column(name = "habit_name")
    String habitName;

    @Column(name = "on_day")
    LocalDate day;

    @Column(name = "backfilled", nullable = false)
    boolean backfilled;

    @Column(name = "detail")
    String detail;

    @Column(name = "dedupe_key", nullable = false)
    String dedupeKey;

    @Column(name = "created_at", nullable = false)
    LocalDateTime createdAt;
}
