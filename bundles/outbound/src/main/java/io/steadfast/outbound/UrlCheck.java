package io.steadfast.outbound;

import java.net.InetAddress;
import java.net.URI;
import java.util.List;
import java.util.Objects;

/**
 * The result of {@link OutboundHttp#check}: the URL and the addresses its host resolved to, or what is wrong with it.
 *
 * @param uri       the parsed URL, or {@code null} when it could not be parsed
 * @param addresses the addresses the host resolved to when checked (empty when not resolved)
 * @param problem   what is wrong, a phrase for people that fits after the field's name (e.g. "resolves to a
 *                  private address (10.1.2.3); only public internet addresses may be called"), or {@code null}
 */
public record UrlCheck(URI uri, List<InetAddress> addresses, String problem) {

    public UrlCheck {
        addresses = addresses == null ? List.of() : List.copyOf(addresses);
    }

    /** An acceptable URL. */
    public static UrlCheck accepted(URI uri, List<InetAddress> addresses) {
        return new UrlCheck(Objects.requireNonNull(uri, "uri"), addresses, null);
    }

    /** A URL that is not acceptable. */
    public static UrlCheck refused(URI uri, String problem) {
        return new UrlCheck(uri, List.of(), Objects.requireNonNull(problem, "problem"));
    }

    /** Whether the URL is acceptable. */
    public boolean ok() {
        return problem == null;
    }
}
