package io.steadfast.api.health;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Reports the health of one part of the system. Registered as an OSGi service; {@code GET /health} collects all
 * of them. When two services report the same {@link #component()}, the one with the higher service ranking wins
 * (the Redis cache replaces the in-process cache this way).
 */
@ConsumerType
public interface HealthIndicator {

    /** The name under {@code services} in the health document, e.g. {@code "database"} or {@code "cache"}. */
    String component();

    /** Checks now. Must return within about a second and never throw. */
    HealthStatus check();

    /** Whether this part must be healthy for the node to be ready to serve ({@code /health/ready}). */
    default boolean requiredForReadiness() {
        return false;
    }
}
