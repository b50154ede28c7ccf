package io.steadfast.accountability.internal.store;

import java.io.Serializable;
import java.time.LocalDateTime;
import java.util.Objects;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.IdClass;
import javax.persistence.Table;

@Entity(name = "GroupMember")
@Table(name = "group_member")
@IdClass(MemberEntity.Key.class)
public class MemberEntity {
    @Id
    @Column(name = "group_id", length = 36)
    String groupId;

    @Id
    @Column(name = "user_id", length = 36)
    String userId;

    @Column(name = "role", nullable = false)
    String role;

    @Column(name = "joined_at", nullable = false)
    LocalDateTime joinedAt;

    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;
        String groupId;
        String userId;

        public Key() {}

        public Key(String groupId, String userId) {
            this.groupId = groupId;
            this.userId = userId;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(groupId, k.groupId) && Objects.equals(userId, k.userId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(groupId, userId);
        }
    }
}
