package io.steadfast.habit.internal.store;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Objects;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.IdClass;
import javax.persistence.Table;

@Entity(name = "IdempotencyKey")
@Table(name = "idempotency_key")
@IdClass(IdempotencyEntity.Key.class)
public class IdempotencyEntity {
    @Id
    @Column(name = "user_id", length = 36)
    String userId;

    @Id
    @Column(name = "idem_key")
    String key;

    @Column(name = "request_hash", nullable = false)
    String requestHash;

    @Column(name = "habit_id", nullable = false)
    String habitId;

    @Column(name = "check_date", nullable = false)
    LocalDate date;

    @Column(name = "amount", precision = 19, scale = 4)
    BigDecimal value;

    @Column(name = "note")
    String note;

    @Column(name = "status", nullable = false)
    String status;

    @Column(name = "backfilled", nullable = false)
    boolean backfilled;

    @Column(name = "created_at", nullable = false)
    LocalDateTime createdAt;

    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;
        String userId;
        String key;

        public Key() {}

        public Key(String userId, String key) {
            this.userId = userId;
            this.key = key;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(userId, k.userId) && Objects.equals(key, k.key);
        }

        @Override
        public int hashCode() {
            return Objects.hash(userId, key);
        }
    }
}
