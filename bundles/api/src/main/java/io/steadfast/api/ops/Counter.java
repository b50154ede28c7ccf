package io.steadfast.api.ops;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * One number about the whole server for the operator ({@code steadfast:counts}), counted now from the bundle's own
 * data. Registered as an OSGi service by the bundle that owns the data; a count of something that happens in time
 * ("today") takes the day from the platform's {@code java.time.Clock} service.
 */
@ConsumerType
public interface Counter {

    /** What is counted, in words, lower case: {@code users}, {@code check-ins today}. Unique in the system. */
    String name();

    /** One sentence on what counts, e.g. "day records written since 00:00 UTC". */
    String description();

    /** The number now; may take a query, must return within a few seconds. */
    long count();
}
