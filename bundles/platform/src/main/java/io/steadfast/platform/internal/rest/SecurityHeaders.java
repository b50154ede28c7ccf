package io.steadfast.platform.internal.rest;

import java.util.function.BiConsumer;

/** The security headers of every API response. */
public final class SecurityHeaders {

    private SecurityHeaders() {
    }

    public static void apply(BiConsumer<String, String> set) {
        set.accept("X-Content-Type-Options", "nosniff");
        set.accept("Referrer-Policy", "no-referrer");
        set.accept("X-Frame-Options", "DENY");
        set.accept("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'; base-uri 'none'");
    }
}
