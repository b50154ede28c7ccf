package io.steadfast.platform.internal.rest;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(
        name = "Steadfast HTTP API",
        description = "Cross-origin access, request logging and the public URL of the API")
public @interface PlatformConfig {

    String PID = "io.steadfast.platform";

    @AttributeDefinition(
            name = "CORS allowed origins",
            description = "Origins (scheme://host[:port]) whose "
                    + "browser pages may call the API; none by default. The environment variable STEADFAST_CORS_ORIGINS "
                    + "(comma-separated) overrides this.",
            required = false)
    String[] cors_allowedOrigins() default {};

    @AttributeDefinition(
            name = "Access log",
            description = "Write one JSON line per request to the " + "io.steadfast.access logger")
    boolean accessLog_enabled() default true;

    @AttributeDefinition(name = "Largest request body (bytes)", description = "Larger bodies are refused with 413")
    long request_maxBodyBytes() default 1_048_576;

    @AttributeDefinition(
            name = "Largest upload (bytes)",
            description = "Request bodies that are not JSON (a photo, an import file, multipart forms) may be this "
                    + "large; each upload route has its own, smaller limit within it")
    long request_maxUploadBytes() default 67_108_864;

    @AttributeDefinition(
            name = "Public URL",
            description = "The base of every link the server makes (Location headers, the calendar feed URL), "
                    + "such as https://habits.example.org behind a TLS proxy: an absolute http or https URL without "
                    + "query. Empty: the address the server listens on (http://localhost:8181). The environment "
                    + "variable STEADFAST_PUBLIC_URL overrides this.",
            required = false)
    String publicUrl() default "";

    @AttributeDefinition(
            name = "Rate limit per user",
            description = "burst/perSecond: a signed-in user may make this many API requests at once, then this "
                    + "many a second (a token bucket, in Redis when configured, so across nodes); past it, 429 with "
                    + "Retry-After. The environment variable STEADFAST_RATE_LIMIT_PER_USER overrides this.",
            required = false)
    String rateLimit_perUser() default "300/20";

    @AttributeDefinition(
            name = "Rate limit per client address",
            description = "burst/perSecond for requests without a token (sign-in, registration, the calendar feed, "
                    + "the OpenAPI document), by client address. The environment variable "
                    + "STEADFAST_RATE_LIMIT_PER_ADDRESS overrides this.",
            required = false)
    String rateLimit_perAddress() default "120/4";
}
