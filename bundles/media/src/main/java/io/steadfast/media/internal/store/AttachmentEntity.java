package io.steadfast.media.internal.store;

import java.time.LocalDate;
import java.time.LocalDateTime;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

@Entity(name = "Attachment")
@Table(name = "attachment")
public class AttachmentEntity {
    @Id
    @Column(name = "id", length = 36)
    String id;

    @Column(name = "user_id", nullable = false, length = 36)
    String userId;

    @Column(name = "habit_id", nullable = false, length = 36)
    String habitId;

    @Column(name = "check_date", nullable = false)
    LocalDate checkDate;

    @Column(name = "content_type", nullable = false)
    String contentType;

    @Column(name = "byte_size", nullable = false)
    long size;

    @Column(name = "width", nullable = false)
    int width;

    @Column(name = "height", nullable = false)
    int height;

    @Column(name = "original_key", nullable = false)
    String originalKey;

    @Column(name = "thumb_key")
    String thumbKey;

    @Column(name = "file_name")
    String fileName;

    @Column(name = "created_at", nullable = false)
    LocalDateTime createdAt;

    /** The SHA-256 (hex) of the bytes an import stored it from; null for an upload. */
    @Column(name = "source_hash", length = 64)
    String sourceHash;
}
