package io.steadfast.calendar.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A durable consumer of the calendar's schedule (a whiteboard service, named by the service property
 * {@link #NAME}): every user's day end, every due reminder and every daily streak check is handed to every consumer
 * on one node of the cluster, after the moment passed on the platform clock. The scheduler's configuration
 * ({@code io.steadfast.calendar.scheduler}, {@code consumers}) lists the consumers a node waits for before it hands
 * anything out, so that nothing passes a consumer that is still starting. Delivery is at least once: a consumer
 * must be idempotent (the same event again must not notify twice). A consumer that throws gets the event again
 * later, with back-off; a reminder more than an hour late is dropped instead.
 */
@ConsumerType
public interface ScheduleConsumer {

    /** The service property with the consumer's name (e.g. {@code delivery}). */
    String NAME = "steadfast.consumer";

    /** The user's day {@code date} ended at {@code endedAt} (their day start of the next day). */
    default void dayEnded(UUID userId, LocalDate date, Instant endedAt) {}

    /** A reminder is due: its habit is due that day and, when the reminder asks, not done yet. */
    default void reminderDue(ReminderDue due) {}

    /** The user's chosen time for the streak-at-risk check of their day {@code date} came. */
    default void streakCheckDue(UUID userId, LocalDate date, Instant dueAt) {}
}
