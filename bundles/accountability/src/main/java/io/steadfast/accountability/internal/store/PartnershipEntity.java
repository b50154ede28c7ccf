package io.steadfast.accountability.internal.store;

import java.io.Serializable;
import java.time.LocalDateTime;
import java.util.Objects;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.IdClass;
import javax.persistence.Table;

/** One side of a partnership: {@code userId}'s partner is {@code partnerId}. */
@Entity(name = "Partnership")
@Table(name = "partnership")
@IdClass(PartnershipEntity.Key.class)
public class PartnershipEntity {
    @Id
    @Column(name = "user_id", length = 36)
    String userId;

    @Id
    @Column(name = "partner_id", length = 36)
    String partnerId;

    @Column(name = "since", nullable = false)
    LocalDateTime since;

    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;
        String userId;
        String partnerId;

        public Key() {}

        public Key(String userId, String partnerId) {
            this.userId = userId;
            this.partnerId = partnerId;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(userId, k.userId) && Objects.equals(partnerId, k.partnerId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(userId, partnerId);
        }
    }
}
