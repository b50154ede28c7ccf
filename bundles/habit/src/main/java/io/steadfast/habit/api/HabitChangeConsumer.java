package io.steadfast.habit.api;

import java.time.LocalDate;
import java.util.UUID;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A durable consumer of habit changes (a whiteboard service): every change recorded with a write is delivered to
 * it after the commit, off the request thread, on one node of the cluster, until it returned normally. A consumer
 * is named by the service property {@link #NAME}; the habit bundle's delivery configuration
 * ({@code io.steadfast.habit.outbox}, {@code consumers}) lists the consumers a node waits for before it delivers
 * anything, so that no change passes a consumer that is still starting. Delivery is at least once: a consumer
 * must be idempotent (the same change delivered again must not count twice). A consumer that throws gets the
 * change again later, with back-off.
 * <p>
 * Listeners that may miss a change (a plugin's notifications, say) use the {@link HabitEvents} on Event Admin,
 * posted after the durable consumers ran.
 *
 * @since 2.2
 */
@ConsumerType
public interface HabitChangeConsumer {

    /** The service property with the consumer's name (e.g. {@code statistics}). */
    String NAME = "steadfast.consumer";

    /** The habit was created, changed or deleted (then it is not found any more). */
    void habitChanged(UUID userId, UUID habitId);

    /** Day records of the habit changed, the earliest on {@code from} (for a vacation: the days from it on). */
    void daysChanged(UUID userId, UUID habitId, LocalDate from);
}
