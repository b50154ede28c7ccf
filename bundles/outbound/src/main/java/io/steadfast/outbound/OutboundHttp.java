package io.steadfast.outbound;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import org.osgi.annotation.versioning.ProviderType;

import io.steadfast.outbound.internal.GuardedHttp;

/**
 * HTTP POST to URLs that users configure, guarded against requests to non-public addresses (see
 * {@link AddressRules}). Registered as an OSGi service with the operator's settings (PID
 * {@code io.steadfast.outbound}); a plugin references it and never opens a connection of its own.
 *
 * <p>The guard runs twice: {@link #check} when a user saves a configuration (a message for people), and
 * {@link #post} at every connection, which resolves the host again, checks every address, and connects only to an
 * address it checked in that same attempt — so a host name that later resolves elsewhere (DNS rebinding) is refused
 * at delivery, not called. Redirects are never followed; a response body is read up to
 * {@link #MAX_RESPONSE_BYTES}.
 */
@ProviderType
public interface OutboundHttp {

    /** How much of a response body is read; the rest is left unread (the connection is closed). */
    int MAX_RESPONSE_BYTES = 8 * 1024;

    /** The largest request body {@link #post} sends. */
    int MAX_REQUEST_BYTES = 64 * 1024;

    /**
     * Checks a URL for a configuration: an absolute {@code http} or {@code https} URL with a host and without user
     * name or password, whose host resolves, and — unless the operator allowed private addresses — only to public
     * addresses. Looks the host name up; never connects.
     */
    UrlCheck check(String url);

    /**
     * Sends one POST request and reads the response (at most {@link #MAX_RESPONSE_BYTES} of its body) within the
     * configured timeouts.
     *
     * @throws RefusedUrlException when the URL is not acceptable or its host now resolves to a refused address:
     *                             it will not work as configured
     * @throws IOException         when the host was not found, the connection was refused, timed out or broke, or
     *                             the answer was not HTTP: it may work later
     */
    Response post(Request request) throws RefusedUrlException, IOException;

    /**
     * A client with the given settings, for tests and tools outside OSGi. In OSGi, reference the
     * {@code OutboundHttp} service instead: it carries the operator's settings.
     */
    static OutboundHttp create(OutboundSettings settings) {
        return new GuardedHttp(settings);
    }

    /**
     * A POST request.
     *
     * @param url     an absolute http or https URL
     * @param headers header names and values in the order they are sent; values are printable ASCII. The client
     *                sets {@code Host}, {@code Content-Length} and {@code Connection} itself.
     * @param body    the body, at most {@link #MAX_REQUEST_BYTES}
     */
    record Request(URI url, Map<String, String> headers, byte[] body) {

        private static final Set<String> RESERVED = Set.of("host", "content-length", "connection", "transfer-encoding");

        public Request {
            Objects.requireNonNull(url, "url");
            body = body == null ? new byte[0] : body.clone();
            if (body.length > MAX_REQUEST_BYTES) {
                throw new IllegalArgumentException("request body larger than " + MAX_REQUEST_BYTES + " bytes");
            }
            Map<String, String> copy = new LinkedHashMap<>();
            if (headers != null) {
                headers.forEach((name, value) -> {
                    checkHeader(name, value);
                    copy.put(name, value);
                });
            }
            headers = Collections.unmodifiableMap(copy);
        }

        @Override
        public byte[] body() {
            return body.clone();
        }

        // a CR or LF in a value would let a user's configuration add headers or a second request
        private static void checkHeader(String name, String value) {
            if (name == null || name.isEmpty() || !name.chars().allMatch(Request::isTokenChar)) {
                throw new IllegalArgumentException("not a header name: " + name);
            }
            if (RESERVED.contains(name.toLowerCase(Locale.ROOT))) {
                throw new IllegalArgumentException("the client sets " + name + " itself");
            }
            if (value == null || !value.chars().allMatch(c -> c == '\t' || (c >= 0x20 && c < 0x7f))) {
                throw new IllegalArgumentException("header " + name + " needs a value of printable ASCII");
            }
        }

        private static boolean isTokenChar(int c) {
            return (c >= 'a' && c <= 'z')
                    || (c >= 'A' && c <= 'Z')
                    || (c >= '0' && c <= '9')
                    || "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
        }
    }

    /**
     * An answer.
     *
     * @param status    the status code
     * @param headers   the headers, names compared in any case
     * @param body      the body's first bytes (at most {@link #MAX_RESPONSE_BYTES})
     * @param truncated whether the body was longer than what was read
     */
    record Response(int status, Map<String, List<String>> headers, byte[] body, boolean truncated) {

        public Response {
            TreeMap<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            if (headers != null) {
                headers.forEach((name, values) -> copy.merge(name, List.copyOf(values), (a, b) -> {
                    List<String> all = new java.util.ArrayList<>(a);
                    all.addAll(b);
                    return List.copyOf(all);
                }));
            }
            headers = Collections.unmodifiableMap(copy);
            body = body == null ? new byte[0] : body.clone();
        }

        @Override
        public byte[] body() {
            return body.clone();
        }

        /** Whether the status is 2xx. */
        public boolean successful() {
            return status >= 200 && status < 300;
        }

        /** The first value of a header, if present. */
        public Optional<String> header(String name) {
            List<String> values = headers.get(name);
            return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
        }

        /**
         * How long the receiver asked to wait ({@code Retry-After} in seconds or as an HTTP date, relative to
         * {@code now}), or empty when it did not say or said something unreadable.
         */
        public Optional<Duration> retryAfter(Instant now) {
            Optional<String> value = header("Retry-After").map(String::trim);
            if (value.isEmpty() || value.get().isEmpty()) {
                return Optional.empty();
            }
            String v = value.get();
            if (v.chars().allMatch(Character::isDigit)) {
                try {
                    return Optional.of(Duration.ofSeconds(Long.parseLong(v)));
                } catch (NumberFormatException tooLong) {
                    return Optional.empty();
                }
            }
            try {
                Instant at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME)
                        .toInstant();
                Duration wait = Duration.between(now, at);
                return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
            } catch (DateTimeParseException e) {
                return Optional.empty();
            }
        }

        /**
         * The start of the body as text for a delivery log: UTF-8, control characters replaced, at most
         * {@code maxChars} characters.
         */
        public String bodyPreview(int maxChars) {
            String text = new String(body, StandardCharsets.UTF_8);
            StringBuilder sb = new StringBuilder();
            text.codePoints().limit(maxChars).forEach(cp -> sb.appendCodePoint(Character.isISOControl(cp) ? ' ' : cp));
            return sb.toString().strip();
        }
    }
}
