package io.steadfast.accountability.internal.store;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Feed items and their cheers. */
public interface FeedStore {

    /** Writes an item unless its actor has one with its dedupe key; answers whether it was written. */
    boolean add(FeedItemRow item);

    /** Removes the actor's item with that dedupe key (the day is not done any more); answers whether there was one. */
    boolean remove(UUID actorId, String dedupeKey);

    Optional<FeedItemRow> find(long id);

    /** The items of the given actors older than {@code beforeId} ({@code null}: from the newest), the newest first. */
    List<FeedItemRow> page(Collection<UUID> actorIds, Long beforeId, int limit);

    /** The items of the given actors newer than {@code afterId}, the oldest first (an event stream's resume). */
    List<FeedItemRow> since(Collection<UUID> actorIds, long afterId, int limit);

    /** The items of one actor (the export), the newest first. */
    List<FeedItemRow> byActor(UUID actorId);

    /** How many cheers each item has, and whether {@code userId} gave one. */
    record Cheers(long count, boolean mine) {}

    Map<Long, Cheers> cheers(Collection<Long> itemIds, UUID userId);

    /**
     * Cheers an item (again: nothing changes) and, in the same transaction and only for a new cheer, writes {@code
     * notice}; answers whether the cheer is new.
     */
    boolean cheer(long itemId, UUID userId, Instant at, NotificationRow notice);

    boolean uncheer(long itemId, UUID userId);

    /** The cheers {@code userId} gave (the export): item ids with their time. */
    Map<Long, Instant> cheersBy(UUID userId);
}
