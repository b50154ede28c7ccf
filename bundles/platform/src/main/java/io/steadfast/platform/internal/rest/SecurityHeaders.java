package io.steadfast.platform.internal.rest;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.function.BiConsumer;

/** The security headers of every API response, and its {@code Date} from the server's clock. */
public final class SecurityHeaders {

    private SecurityHeaders() {}

    /**
     * The HTTP {@code Date} (RFC 9110, IMF-fixdate) of {@code now}: every response carries the server's clock, so a
     * client (and a test against a simulated clock) sees the time the server judges days by.
     */
    public static String httpDate(Instant now) {
        return DateTimeFormatter.RFC_1123_DATE_TIME.format(
                now.truncatedTo(ChronoUnit.SECONDS).atOffset(ZoneOffset.UTC));
    }

    public static void apply(BiConsumer<String, String> set) {
        set.accept("X-Content-Type-Options", "nosniff");
        set.accept("Referrer-Policy", "no-referrer");
        set.accept("X-Frame-Options", "DENY");
        set.accept("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'; base-uri 'none'");
    }
}
