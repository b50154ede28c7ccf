package io.steadfast.media.internal.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A photo on a day of a habit: its stored file and thumbnail (keys of the media store; {@code thumbKey} null when
 * the format has none).
 */
public record Attachment(
        UUID id,
        UUID userId,
        UUID habitId,
        LocalDate date,
        String contentType,
        long size,
        int width,
        int height,
        String originalKey,
        String thumbKey,
        String fileName,
        Instant createdAt) {}
