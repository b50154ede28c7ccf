package io.steadfast.metrics.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(
        name = "Steadfast metrics",
        description = "Prometheus metrics at /metrics on the main port, for a scraper that sends the bearer token")
public @interface MetricsConfig {

    String PID = "io.steadfast.metrics";

    /** The environment variable that overrides {@link #metrics_token()}. */
    String ENV_TOKEN = "STEADFAST_METRICS_TOKEN";

    @AttributeDefinition(
            name = "Bearer token",
            description = "The token a scraper sends (Authorization: Bearer ...), at least "
                    + BearerToken.MIN_LENGTH + " characters. Empty: /metrics answers 404 (metrics are off). The "
                    + "environment variable STEADFAST_METRICS_TOKEN overrides this.",
            type = AttributeType.PASSWORD,
            required = false)
    String metrics_token() default "";
}
