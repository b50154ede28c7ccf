package io.steadfast.accountability.internal.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Partnerships, invitations and invite codes. */
public interface PartnerStore {

    /** {@code userId}'s partners, the oldest partnership first. */
    List<PartnershipRow> partners(UUID userId);

    Optional<PartnershipRow> partnership(UUID userId, UUID partnerId);

    /** Ends the partnership on both sides; {@code false} when there was none. */
    boolean end(UUID userId, UUID partnerId);

    /** Stores an invitation and, in the same transaction, the invitee's notification ({@code null}: none). */
    void invite(InvitationRow row, NotificationRow notice);

    default void invite(InvitationRow row) {
        invite(row, null);
    }

    Optional<InvitationRow> invitation(UUID id);

    /** The invitations {@code senderId} sent, the newest first. */
    List<InvitationRow> sent(UUID senderId);

    /** The pending invitations to {@code email} (normalised), the newest first. */
    List<InvitationRow> received(String email);

    /** The pending invitations {@code senderId} sent. */
    int pendingCount(UUID senderId);

    /**
     * Accepts a pending invitation: marks it accepted and makes its sender and {@code invitee} partners (unless they
     * are), with the sender's notification ({@code notice}, or none), in one transaction. Empty when it is not pending
     * any more (answered or withdrawn meanwhile).
     */
    Optional<PartnershipRow> accept(UUID invitationId, UUID invitee, Instant at, NotificationRow notice);

    default Optional<PartnershipRow> accept(UUID invitationId, UUID invitee, Instant at) {
        return accept(invitationId, invitee, at, null);
    }

    /** Declines a pending invitation; {@code false} when it is not pending any more. */
    boolean decline(UUID invitationId, Instant at);

    /** Deletes an invitation of {@code senderId}'s; {@code false} when there is none. */
    boolean withdraw(UUID senderId, UUID invitationId);

    void createCode(InviteCodeRow row);

    Optional<InviteCodeRow> code(String codeHash);

    /** {@code userId}'s codes that have not expired at {@code now}, the newest first. */
    List<InviteCodeRow> codes(UUID userId, Instant now);

    /**
     * Uses a code: deletes it and makes its owner and {@code redeemer} partners (unless they are), in one
     * transaction. Empty when the code is gone or has expired at {@code now} (used concurrently, say).
     */
    Optional<PartnershipRow> redeem(String codeHash, UUID redeemer, Instant now, NotificationRow notice);

    default Optional<PartnershipRow> redeem(String codeHash, UUID redeemer, Instant now) {
        return redeem(codeHash, redeemer, now, null);
    }
}
