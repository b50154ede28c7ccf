package io.steadfast.accountability.internal.store;

import java.io.Serializable;
import java.time.LocalDateTime;
import java.util.Objects;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.IdClass;
import javax.persistence.Table;

@Entity(name = "Cheer")
@Table(name = "feed_cheer")
@IdClass(CheerEntity.Key.class)
public class CheerEntity {
    @Id
    @Column(name = "item_id")
    long itemId;

    @Id
    @Column(name = "user_id", length = 36)
    String userId;

    @Column(name = "created_at", nullable = false)
    LocalDateTime createdAt;

    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;
        long itemId;
        String userId;

        public Key() {}

        public Key(long itemId, String userId) {
            this.itemId = itemId;
            this.userId = userId;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && itemId == k.itemId && Objects.equals(userId, k.userId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(itemId, userId);
        }
    }
}
