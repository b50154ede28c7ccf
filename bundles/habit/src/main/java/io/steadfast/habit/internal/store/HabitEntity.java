package io.steadfast.habit.internal.store;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

@Entity(name = "Habit")
@Table(name = "habit")
public class HabitEntity {
    @Id
    @Column(name = "id", length = 36)
    String id;

    @Column(name = "user_id", length = 36, nullable = false)
    String userId;

    @Column(name = "name", nullable = false)
    String name;

    @Column(name = "description")
    String description;

    @Column(name = "type_key", nullable = false)
    String typeKey;

    @Column(name = "target", precision = 19, scale = 4)
    BigDecimal target;

    @Column(name = "unit")
    String unit;

    @Column(name = "schedule", nullable = false)
    String schedule;

    @Column(name = "start_date", nullable = false)
    LocalDate startDate;

    @Column(name = "color")
    String color;

    @Column(name = "icon")
    String icon;

    @Column(name = "archived", nullable = false)
    boolean archived;

    @Column(name = "sort_order", nullable = false)
    int sortOrder;

    @Column(name = "goal_value", precision = 19, scale = 4)
    BigDecimal goalValue;

    @Column(name = "goal_direction")
    String goalDirection;

    @Column(name = "goal_by")
    LocalDate goalBy;

    @Column(name = "created_at", nullable = false)
    LocalDateTime createdAt;

    @Column(name = "created_on", nullable = false)
    LocalDate createdOn;

    @Column(name = "updated_at", nullable = false)
    LocalDateTime updatedAt;

    /** Written only by {@link Outbox} (one more with every recorded change), never through the entity. */
    @Column(name = "visibility", nullable = false)
    String visibility = "private";

    @Column(name = "share_notes", nullable = false)
    boolean shareNotes;

    /** The ids of the groups a habit is shared with, comma-separated (visibility {@code groups}). */
    @Column(name = "share_groups")
    String shareGroups;

    @Column(name = "referee_user_id", length = 36)
    String refereeUserId;

    @Column(name = "revision", insertable = false, updatable = false)
    long revision;
}
