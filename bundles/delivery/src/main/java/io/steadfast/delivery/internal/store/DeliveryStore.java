package io.steadfast.delivery.internal.store;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.steadfast.delivery.internal.domain.Delivery;

/**
 * The outbox and delivery log. Claims are leases with a claim token: of two nodes that claim one delivery, one changes
 * the row; only the holder of the token records the outcome.
 */
public interface DeliveryStore {

    /** Queues a delivery unless its channel has one with its dedupe key; answers whether it was added. */
    boolean queue(Delivery d);

    /** Claims up to {@code max} pending deliveries due at {@code now} that nobody holds, until {@code until}. */
    List<Delivery> claim(String claim, Instant now, Instant until, int max);

    /** Records the unsubscribe link's hash of a claimed delivery's attempt. */
    void unsubscribeHash(UUID id, String claim, String hash);

    boolean sent(UUID id, String claim, Instant at, String detail);

    boolean retry(UUID id, String claim, Instant nextAt, String error);

    boolean failed(UUID id, String claim, String error);

    /** Puts a claimed delivery aside while its channel's type is not running. */
    boolean waiting(UUID id, String claim, String reason);

    /** The waiting deliveries of channels of these types go back to pending (the types run again). */
    int resume(Collection<String> types, Instant now);

    Optional<Delivery> find(UUID userId, UUID id);

    /** The user's deliveries, newest first, older than the one with {@code beforeId}'s creation (all for null). */
    List<Delivery> ofUser(UUID userId, String status, Instant before, UUID beforeId, int limit);

    /** Sends a failed delivery again from now; {@code false} when it is not the user's or not failed. */
    boolean retryNow(UUID userId, UUID id, Instant now);

    /** The delivery with this id, whoever it is for (operators). */
    Optional<Delivery> find(UUID id);

    /**
     * The newest deliveries, newest first, of every user or of one ({@code userId}), of every status or of one, of
     * channels of every type or of one ({@code channelType}); at most {@code limit} (operators).
     */
    List<Delivery> recent(UUID userId, String status, String channelType, int limit);

    /**
     * Sends a failed delivery again from now, whoever it is for (operators): pending, due {@code now}, its attempts
     * from 0; {@code false} when it is not failed (any more), so of two concurrent retries one wins.
     */
    boolean retryNow(UUID id, Instant now);

    /** The channel a link's hash belongs to. */
    Optional<UUID> channelOfUnsubscribe(String hash);

    /** Deletes sent and failed deliveries created before {@code before}; answers how many. */
    int purge(Instant before);
}
