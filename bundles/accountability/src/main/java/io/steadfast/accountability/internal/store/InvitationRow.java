package io.steadfast.accountability.internal.store;

import java.time.Instant;
import java.util.UUID;

/**
 * An invitation by email.
 *
 * @param email      the invitee's email, trimmed and in lower case
 * @param status     {@link #PENDING}, {@link #ACCEPTED} or {@link #DECLINED}
 * @param answeredAt when the invitee answered, or {@code null}
 */
public record InvitationRow(
        UUID id, UUID senderId, String email, String status, Instant createdAt, Instant answeredAt) {

    public static final String PENDING = "pending";
    public static final String ACCEPTED = "accepted";
    public static final String DECLINED = "declined";

    public boolean pending() {
        return PENDING.equals(status);
    }
}
