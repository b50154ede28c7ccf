package io.steadfast.storage;

import java.time.Instant;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A periodic clean-up of a bundle's own tables (old idempotency keys, long-dead tokens, ...). Register it as a
 * service; the storage bundle runs every registered task a few minutes after start and then every six hours,
 * with the platform clock's {@code now}. Tasks must be safe on several nodes at once (plain deletes by age).
 */
@ConsumerType
public interface Housekeeping {

    /** What the task deletes, for the log: e.g. {@code "idempotency keys older than 7 days"}. */
    String description();

    /** Deletes what has served its purpose by {@code now}; returns the number of rows deleted. */
    int clean(Instant now);
}
