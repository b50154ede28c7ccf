package io.steadfast.media.internal.domain;

import java.time.Instant;
import java.util.UUID;

/** A user's profile picture: its stored file and square thumbnail ({@code thumbKey} null when none). */
public record Avatar(
        UUID userId,
        UUID id,
        String contentType,
        long size,
        int width,
        int height,
        String originalKey,
        String thumbKey,
        Instant createdAt) {}
