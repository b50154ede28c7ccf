package io.steadfast.media.internal.store;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.steadfast.media.internal.domain.Attachment;

/** The attachments of users' days, and each habit's choice of whether its audience sees them. */
public interface AttachmentStore {

    /** How many attachments the day of the habit has. */
    int countOfDay(UUID userId, UUID habitId, LocalDate date);

    /**
     * Adds an attachment unless its day already has {@code maxPerDay}: counted and written under a lock on the
     * user's row, so that two uploads at once cannot both pass the limit. {@code false} when the day is full.
     */
    default boolean create(Attachment a, int maxPerDay) {
        return create(a, maxPerDay, null);
    }

    /**
     * {@link #create(Attachment, int)} for an import: {@code sourceHash} (the SHA-256 of the imported bytes, or
     * {@code null}) is kept with it, for {@link #findBySource}.
     */
    boolean create(Attachment a, int maxPerDay, String sourceHash);

    /** The day's attachment that an import stored from bytes of this SHA-256, if any. */
    Optional<Attachment> findBySource(UUID userId, UUID habitId, LocalDate date, String sourceHash);

    /** The day's attachments, in the order they were added. */
    List<Attachment> ofDay(UUID userId, UUID habitId, LocalDate date);

    Optional<Attachment> find(UUID userId, UUID attachmentId);

    /** {@code false} when it is not the user's or is gone. */
    boolean delete(UUID userId, UUID attachmentId);

    /** The days of the habit from {@code from} on that have attachments, in order. */
    List<LocalDate> days(UUID userId, UUID habitId, LocalDate from);

    /** The habit's attachments, by day and time. */
    List<Attachment> ofHabit(UUID userId, UUID habitId);

    /** Deletes the day's attachments; how many there were. */
    int deleteOfDay(UUID userId, UUID habitId, LocalDate date);

    /** Deletes the habit's attachments and its sharing choice; how many attachments there were. */
    int deleteOfHabit(UUID userId, UUID habitId);

    /** Every attachment of the user, by habit, day and time. */
    List<Attachment> ofUser(UUID userId);

    /** How many attachments the user has, and their bytes. */
    long[] usage(UUID userId);

    /** Whether the owner lets the habit's audience see its attachments (off unless set). */
    boolean shareAttachments(UUID habitId);

    void setShareAttachments(UUID userId, UUID habitId, boolean share, Instant at);
}
