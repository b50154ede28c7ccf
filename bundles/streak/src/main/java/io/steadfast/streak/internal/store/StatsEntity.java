package io.steadfast.streak.internal.store;

import java.time.LocalDate;
import java.time.LocalDateTime;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

@Entity(name = "HabitStats")
@Table(name = "habit_stats")
public class StatsEntity {
    @Id
    @Column(name = "habit_id", length = 36)
    String habitId;

    @Column(name = "engine_state", nullable = false, length = 1000000)
    String state;

    @Column(name = "computed_through", nullable = false)
    LocalDate computedThrough;

    @Column(name = "updated_at", nullable = false)
    LocalDateTime updatedAt;

    @Column(name = "revision", nullable = false)
    long revision;
}
