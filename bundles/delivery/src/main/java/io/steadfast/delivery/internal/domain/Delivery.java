package io.steadfast.delivery.internal.domain;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** One message for one channel, and what became of it. */
public record Delivery(
        UUID id,
        UUID userId,
        UUID channelId,
        String dedupeKey,
        String type,
        String title,
        String body,
        String link,
        Map<String, Object> data,
        String status,
        int attempts,
        String lastError,
        Instant nextAt,
        Instant createdAt,
        Instant sentAt) {

    public static final String PENDING = "pending";
    public static final String SENT = "sent";
    public static final String FAILED = "failed";
    public static final String WAITING = "waiting";
}
