package io.steadfast.platform.internal.rest;

import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** The CORS allowlist: exact origins only, no wildcards with credentials. Plain Java. */
public final class CorsPolicy {

    public static final String ALLOWED_METHODS = "GET, POST, PUT, PATCH, DELETE, OPTIONS";
    public static final String ALLOWED_HEADERS = "Authorization, Content-Type, Idempotency-Key, X-Request-Id";
    public static final String EXPOSED_HEADERS = "Location, Retry-After, X-Request-Id";

    private final Set<String> origins;

    public CorsPolicy(String[] configured, String env) {
        String[] source =
                env != null && !env.isBlank() ? env.split(",") : configured == null ? new String[0] : configured;
        this.origins = Arrays.stream(source)
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .map(CorsPolicy::normalize)
                .collect(Collectors.toUnmodifiableSet());
    }

    public boolean allows(String origin) {
        return origin != null && origins.contains(normalize(origin));
    }

    public Set<String> origins() {
        return origins;
    }

    private static String normalize(String origin) {
        String o = origin.trim().toLowerCase(Locale.ROOT);
        while (o.endsWith("/")) {
            o = o.substring(0, o.length() - 1);
        }
        return o;
    }
}
