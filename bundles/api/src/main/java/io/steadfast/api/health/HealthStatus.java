package io.steadfast.api.health;

/**
 * The result of one health check.
 *
 * @param healthy whether the part works
 * @param message a short human-readable explanation, never a secret
 */
public record HealthStatus(boolean healthy, String message) {

    public static HealthStatus healthy(String message) {
        return new HealthStatus(true, message);
    }

    public static HealthStatus unhealthy(String message) {
        return new HealthStatus(false, message);
    }

    /** {@code "healthy"} or {@code "unhealthy"}, as in the health document. */
    public String status() {
        return healthy ? "healthy" : "unhealthy";
    }
}
