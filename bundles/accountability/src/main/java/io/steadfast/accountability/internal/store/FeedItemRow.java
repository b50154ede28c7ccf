package io.steadfast.accountability.internal.store;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A feed item: {@code actorId} did {@code kind} on a habit's day. {@code id} is 0 for one to write. */
public record FeedItemRow(
        long id,
        UUID actorId,
        String kind,
        UUID habitId,
        String habitName,
        LocalDate day,
        boolean backfilled,
        String dedupeKey,
        Instant createdAt) {}
