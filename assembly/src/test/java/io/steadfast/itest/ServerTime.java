package io.steadfast.itest;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/**
 * The time as the server under test sees it. The tests never read this machine's clock for dates: the server may
 * run on a simulated clock ({@code STEADFAST_CLOCK_START}), and every response's {@code Date} header carries the
 * server's clock. Test accounts live in {@link #zone()} ({@code -Dsteadfast.test.zone}, UTC by default), so a run
 * can put them where a DST change happens that day.
 */
final class ServerTime {

    /** The simulated start the servers of this run were given, if any ({@code -Dsteadfast.clock.start}). */
    static Optional<Instant> simulatedStart() {
        String s = System.getProperty("steadfast.clock.start", "").trim();
        return s.isEmpty() ? Optional.empty() : Optional.of(Instant.parse(s));
    }

    /** The time zone of the test accounts. */
    static ZoneId zone() {
        return ZoneId.of(System.getProperty("steadfast.test.zone", "UTC").trim());
    }

    private ServerTime() {}

    /** The server's clock, from the {@code Date} header of {@code /health/live} (whole seconds). */
    static Instant now(Http node) {
        HttpResponse<String> r = node.get("/health/live");
        String date =
                r.headers().firstValue("Date").orElseThrow(() -> new AssertionError("no Date header from " + node));
        return ZonedDateTime.parse(date, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
    }

    /** Today of a test account (in {@link #zone()}, day starting at midnight), by the server's clock. */
    static LocalDate today(Http node) {
        return LocalDate.ofInstant(now(node), zone());
    }

    /** Today in {@code zone} by the server's clock. */
    static LocalDate today(Http node, ZoneId zone) {
        return LocalDate.ofInstant(now(node), zone);
    }
}
