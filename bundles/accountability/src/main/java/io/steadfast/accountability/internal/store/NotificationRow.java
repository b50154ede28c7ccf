package io.steadfast.accountability.internal.store;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A notification for {@code userId}.
 *
 * @param id        0 for one to write; the store numbers them
 * @param kind      what happened (see {@code Notice})
 * @param actorId   who did it, or {@code null} (gone, or nobody)
 * @param dedupeKey what the same event writes again, so that it notifies once
 */
public record NotificationRow(
        long id,
        UUID userId,
        String kind,
        UUID actorId,
        UUID habitId,
        String habitName,
        LocalDate day,
        String refId,
        String comment,
        String dedupeKey,
        Instant createdAt,
        Instant readAt) {}
