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

@Entity(name = "Checkin")
@Table(name = "checkin")
@IdClass(CheckinEntity.Key.class)
public class CheckinEntity {
    @Id
    @Column(name = "habit_id", length = 36)
    String habitId;

    @Id
    @Column(name = "check_date")
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

    @Column(name = "updated_at", nullable = false)
    LocalDateTime updatedAt;

    @Column(name = "verification")
    String verification;

    @Column(name = "verification_comment")
    String verificationComment;

    /** NULL when recorded here; {@code imported} while the record is as an import wrote it. */
    @Column(name = "origin", length = 10)
    public String origin;

    @Column(name = "verified_at")
    LocalDateTime verifiedAt;

    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;
        String habitId;
        LocalDate date;

        public Key() {}

        public Key(String habitId, LocalDate date) {
            this.habitId = habitId;
            this.date = date;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(habitId, k.habitId) && Objects.equals(date, k.date);
        }

        @Override
        public int hashCode() {
            return Objects.hash(habitId, date);
        }
    }
}
