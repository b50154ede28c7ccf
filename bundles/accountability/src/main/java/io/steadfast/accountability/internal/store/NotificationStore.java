package io.steadfast.accountability.internal.store;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/** A user's notifications. */
public interface NotificationStore {

    /** Writes a notification unless its recipient has one with its dedupe key; answers whether it was written. */
    boolean add(NotificationRow n);

    /** {@code userId}'s notifications older than {@code beforeId} (all for {@code null}), the newest first. */
    List<NotificationRow> list(UUID userId, boolean unreadOnly, Long beforeId, int limit);

    /** {@code userId}'s notifications newer than {@code afterId}, the oldest first (for an event stream's resume). */
    List<NotificationRow> since(UUID userId, long afterId, int limit);

    long unread(UUID userId);

    /** The notifications of {@code kind} that {@code actorId} caused (the nudges a user sent), oldest first. */
    List<NotificationRow> byActor(UUID actorId, String kind);

    /** Marks the listed notifications of {@code userId}'s read (others' ids change nothing); answers how many. */
    int read(UUID userId, Collection<Long> ids, Instant at);

    int readAll(UUID userId, Instant at);
}
