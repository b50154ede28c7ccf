package io.steadfast.habit.internal.store;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The changes recorded with the writes ({@link Outbox}) that still have to be delivered. A node claims a batch for
 * a lease; what it delivered it deletes; what it could not deliver it gives back for later; what a node that died
 * had claimed is claimed again by any node once the lease is over.
 */
@ProviderType
public interface OutboxStore {

    /** A recorded change: a topic of {@code HabitEvents}, the day (day changes only) and the habit's revision. */
    record Change(long id, String topic, UUID userId, UUID habitId, LocalDate date, long revision, int attempts) {}

    /**
     * Claims up to {@code max} of the oldest changes that nobody holds (never claimed, given back and due again, or
     * claimed by a node whose lease is over), for {@code leaseSeconds}.
     */
    List<Change> claim(String node, int max, int leaseSeconds);

    /** Deletes delivered changes. */
    void delivered(Collection<Long> ids);

    /** Gives claimed changes back, to be claimed again after {@code retrySeconds}. */
    void release(Collection<Long> ids, int retrySeconds);

    /** What is still to be delivered for a habit. */
    record Pending(boolean habitChanged, LocalDate earliestDay, long count) {}

    /** The undelivered changes of a habit, summed up; empty when there are none. */
    Optional<Pending> pending(UUID habitId);

    /** How many changes wait for delivery, and how many of them for more than a minute. */
    record Backlog(long count, long overAMinute) {}

    Backlog backlog();
}
