package io.steadfast.accountability.internal.store;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

@Entity(name = "Challenge")
@Table(name = "challenge")
public class ChallengeEntity {
    @Id
    @Column(name = "id", length = 36)
    String id;

    @Column(name = "group_id", nullable = false, length = 36)
    String groupId;

    @Column(name = "name", nullable = false)
    String name;

    @Column(name = "habit_type", nullable = false)
    String habitType;

    @Column(name = "target", precision = 19, scale = 4)
    BigDecimal target;

    @Column(name = "unit")
    String unit;

    @Column(name = "schedule", nullable = false)
    String schedule;

    @Column(name = "start_date", nullable = false)
    LocalDate startDate;

    @Column(name = "end_date", nullable = false)
    LocalDate endDate;

    @Column(name = "created_by", length = 36)
    String createdBy;

    @Column(name = "created_at", nullable = false)
    LocalDateTime createdAt;
}
