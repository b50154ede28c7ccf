package io.steadfast.streak.internal.store;

import java.time.LocalDate;
import java.time.LocalDateTime;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

@Entity(name = "Achievement")
@Table(name = "achievement")
public class AchievementEntity {
    @Id
    @Column(name = "id", length = 36)
    String id;

    @Column(name = "user_id", nullable = false, length = 36)
    String userId;

    @Column(name = "scope", nullable = false)
    String scope;

    @Column(name = "code", nullable = false)
    String code;

    @Column(name = "reached_on", nullable = false)
    LocalDate reachedOn;

    @Column(name = "created_at", nullable = false)
    LocalDateTime createdAt;
}
