package io.steadfast.transfer.internal.store;

import java.time.LocalDateTime;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

@Entity(name = "ImportJob")
@Table(name = "import_job")
public class ImportJobEntity {

    @Id
    @Column(name = "id", length = 36)
    String id;

    @Column(name = "user_id", length = 36, nullable = false)
    String userId;

    @Column(name = "status", nullable = false)
    String status;

    @Column(name = "format", nullable = false)
    String format;

    @Column(name = "file_key")
    String fileKey;

    @Column(name = "file_name")
    String fileName;

    @Column(name = "file_size", nullable = false)
    long fileSize;

    @Column(name = "total", nullable = false)
    int total;

    @Column(name = "done", nullable = false)
    int done;

    @Column(name = "habits", nullable = false)
    int habits;

    @Column(name = "checkins", nullable = false)
    int checkins;

    @Column(name = "skipped", nullable = false)
    int skipped;

    @Column(name = "photos", nullable = false)
    int photos;

    @Column(name = "warnings")
    String warnings;

    @Column(name = "error")
    String error;

    @Column(name = "attempts", nullable = false)
    int attempts;

    @Column(name = "claimed_by")
    String claimedBy;

    @Column(name = "claimed_until")
    LocalDateTime claimedUntil;

    @Column(name = "created_at", nullable = false)
    LocalDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    LocalDateTime updatedAt;

    @Column(name = "finished_at")
    LocalDateTime finishedAt;
}
