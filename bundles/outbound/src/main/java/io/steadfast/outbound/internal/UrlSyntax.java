package io.steadfast.outbound.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/** The shape of a URL the client calls, checked before any look-up. */
final class UrlSyntax {

    static final int MAX_LENGTH = 2048;

    private UrlSyntax() {}

    /**
     * What is wrong with {@code url} as a phrase for people, or {@code null} when it is an absolute http(s) URL with
     * a host and without user information.
     */
    static String problem(URI url) {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return "must be an http:// or https:// URL";
        }
        if (url.getRawUserInfo() != null) {
            return "must not contain a user name or password";
        }
        if (url.getHost() == null || host(url).isEmpty()) {
            return "must name a host (a domain name or an IP address)";
        }
        return null;
    }

    /** Parses {@code url}; {@link IllegalArgumentException} with a phrase for people when it is not a URL. */
    static URI parse(String url) {
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("is required");
        }
        if (url.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("must be at most " + MAX_LENGTH + " characters long");
        }
        try {
            return new URI(url.strip());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("is not a valid URL");
        }
    }

    /** The host without the brackets of an IPv6 literal and without a trailing dot. */
    static String host(URI url) {
        String h = url.getHost();
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        return h.endsWith(".") ? h.substring(0, h.length() - 1) : h;
    }

    static boolean isIpLiteral(URI url) {
        String h = host(url);
        return url.getHost().startsWith("[") || h.chars().allMatch(c -> c == '.' || (c >= '0' && c <= '9'));
    }

    static int port(URI url) {
        if (url.getPort() != -1) {
            return url.getPort();
        }
        return url.getScheme().equalsIgnoreCase("https") ? 443 : 80;
    }

    static boolean isHttps(URI url) {
        return url.getScheme().equalsIgnoreCase("https");
    }

    /** The Host header: the host as written, with the port when it is not the scheme's default. */
    static String hostHeader(URI url) {
        String h = url.getHost();
        return url.getPort() == -1 || url.getPort() == (isHttps(url) ? 443 : 80) ? h : h + ":" + url.getPort();
    }

    /** The request target: the raw path (or {@code /}) and query. */
    static String target(URI url) {
        String path = url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath();
        return url.getRawQuery() == null ? path : path + "?" + url.getRawQuery();
    }
}
