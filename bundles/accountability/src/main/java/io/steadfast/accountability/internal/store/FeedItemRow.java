package io.steadfast.accountability.internal.store;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A feed item: {@code actorId} did {@code kind} on a habit's day. {@code id} is 0 for one to write; {@code detail}
 * what the kind needs (a streak's length, a verdict, a challenge's id), or {@code null}.
 */
public record FeedItemRow(
        long id,
        UUID actorId,
        String kind,
        UUID habitId,
        String habitName,
        LocalDate day,
        boolean backfilled,
        String detail,
        String dedupeKey,
        Instant createdAt) {}
