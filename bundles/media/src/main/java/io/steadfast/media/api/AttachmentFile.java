package io.steadfast.media.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A photo attached to a day of a habit.
 *
 * @param contentType {@code image/jpeg}, {@code image/png}, {@code image/webp}, {@code image/heic} or
 *                    {@code image/heif}, told from the bytes
 * @param size        the bytes of the stored file (its metadata removed)
 * @param fileName    the name it was uploaded with (the last path element only), or {@code null}
 */
public record AttachmentFile(
        UUID id,
        UUID habitId,
        LocalDate date,
        String contentType,
        long size,
        int width,
        int height,
        String fileName,
        Instant createdAt) {}
