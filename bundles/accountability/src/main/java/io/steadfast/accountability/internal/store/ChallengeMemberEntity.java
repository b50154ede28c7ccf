package io.steadfast.accountability.internal.store;

import java.io.Serializable;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Objects;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.IdClass;
import javax.persistence.Table;

@Entity(name = "ChallengeMember")
@Table(name = "challenge_member")
@IdClass(ChallengeMemberEntity.Key.class)
public class ChallengeMemberEntity {
    @Id
    @Column(name = "challenge_id", length = 36)
    String challengeId;

    @Id
    @Column(name = "user_id", length = 36)
    String userId;

    @Column(name = "habit_id", nullable = false, length = 36)
    String habitId;

    @Column(name = "joined_on", nullable = false)
    LocalDate joinedOn;

    @Column(name = "joined_at", nullable = false)
    LocalDateTime joinedAt;

    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;
        String challengeId;
        String userId;

        public Key() {}

        public Key(String challengeId, String userId) {
            this.challengeId = challengeId;
            this.userId = userId;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(challengeId, k.challengeId) && Objects.equals(userId, k.userId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(challengeId, userId);
        }
    }
}
