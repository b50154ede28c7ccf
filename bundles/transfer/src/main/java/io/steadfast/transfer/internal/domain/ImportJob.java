package io.steadfast.transfer.internal.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An import, as stored.
 *
 * @param status   {@link #QUEUED}, {@link #RUNNING}, {@link #DONE} or {@link #FAILED}
 * @param fileKey  the uploaded file's key in the media store while the import is not finished, else {@code null}
 * @param total    the day records the file holds (the progress' end)
 * @param done     the day records handled so far
 * @param habits   habits created (a second import of the same file creates none)
 * @param checkins day records added (days that existed are kept, not counted)
 * @param skipped  entries of the file left out, each explained by a warning
 * @param photos   photos stored (a photo the day had already is not counted)
 * @param error    why a failed import failed, in words for the user
 */
public record ImportJob(
        UUID id,
        UUID userId,
        String status,
        String format,
        String fileKey,
        String fileName,
        long fileSize,
        int total,
        int done,
        int habits,
        int checkins,
        int skipped,
        int photos,
        List<String> warnings,
        String error,
        int attempts,
        Instant createdAt,
        Instant updatedAt,
        Instant finishedAt) {

    public static final String QUEUED = "queued";
    public static final String RUNNING = "running";
    public static final String DONE = "done";
    public static final String FAILED = "failed";

    public ImportJob {
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
    }

    public boolean finished() {
        return DONE.equals(status) || FAILED.equals(status);
    }
}
