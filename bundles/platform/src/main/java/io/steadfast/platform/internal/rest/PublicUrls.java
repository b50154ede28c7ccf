package io.steadfast.platform.internal.rest;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Collection;
import java.util.Locale;

/**
 * Which public base URL the server's links use, and why. Plain Java.
 * <ol>
 *   <li>{@code STEADFAST_PUBLIC_URL} (environment), else {@code publicUrl} of the platform configuration: an
 *       absolute {@code http} or {@code https} URL without query, fragment or user info (a path prefix is allowed:
 *       {@code https://example.org/habits}); a trailing slash is dropped;
 *   <li>otherwise, or when the configured value is not such a URL (then {@link Resolved#error()} says why, in
 *       words), the address the server listens on: the HTTP endpoint, with {@code localhost} for a wildcard address
 *       ({@code 0.0.0.0}), or {@code http://localhost:<port>}.
 * </ol>
 * Never the request's {@code Host} or {@code X-Forwarded-*}: a client chooses those.
 */
public final class PublicUrls {

    public static final String ENV = "STEADFAST_PUBLIC_URL";

    /** The base URL, where it came from ({@code STEADFAST_PUBLIC_URL}, {@code publicUrl}, the listening address), and the error of a bad configured value. */
    public record Resolved(URI base, String source, String error) {}

    private PublicUrls() {}

    public static Resolved resolve(String env, String configured, Collection<String> endpoints, int port) {
        String name = null;
        String value = null;
        if (env != null && !env.isBlank()) {
            name = ENV;
            value = env.trim();
        } else if (configured != null && !configured.isBlank()) {
            name = "publicUrl (etc/io.steadfast.platform.cfg)";
            value = configured.trim();
        }
        URI listening = listening(endpoints, port);
        if (value == null) {
            return new Resolved(listening, "the listening address", null);
        }
        String problem = problem(value);
        if (problem != null) {
            return new Resolved(
                    listening,
                    "the listening address",
                    name + " '" + value + "' " + problem + "; links use " + listening + " instead");
        }
        return new Resolved(URI.create(strip(value)), name.startsWith(ENV) ? ENV : "publicUrl", null);
    }

    /** Why the value is not a usable base URL, or null. */
    static String problem(String value) {
        URI u;
        try {
            u = new URI(value);
        } catch (URISyntaxException e) {
            return "is not a URL (expected an absolute http or https URL such as https://habits.example.org)";
        }
        String scheme = u.getScheme() == null ? null : u.getScheme().toLowerCase(Locale.ROOT);
        if (!"http".equals(scheme) && !"https".equals(scheme)) {
            return "must start with https:// or http:// (such as https://habits.example.org)";
        }
        if (u.getHost() == null || u.getHost().isEmpty()) {
            return "has no host name (expected such as https://habits.example.org)";
        }
        if (u.getRawUserInfo() != null) {
            return "must not contain a user name or password";
        }
        if (u.getRawQuery() != null || value.contains("?")) {
            return "must not have a query (?...)";
        }
        if (u.getRawFragment() != null || value.contains("#")) {
            return "must not have a fragment (#...)";
        }
        return null;
    }

    /** The address the server listens on, as a base URL. */
    static URI listening(Collection<String> endpoints, int port) {
        if (endpoints != null) {
            for (String e : endpoints) {
                try {
                    URI u = new URI(e.trim());
                    if (("http".equals(u.getScheme()) || "https".equals(u.getScheme())) && u.getPort() > 0) {
                        String host = u.getHost();
                        if (host == null || host.equals("0.0.0.0") || host.equals("[::]") || host.equals("::")) {
                            host = "localhost";
                        }
                        return URI.create(u.getScheme() + "://" + host + ":" + u.getPort());
                    }
                } catch (URISyntaxException | RuntimeException notAUrl) {
                    // next
                }
            }
        }
        return URI.create("http://localhost:" + port);
    }

    private static String strip(String value) {
        String v = value;
        while (v.endsWith("/")) {
            v = v.substring(0, v.length() - 1);
        }
        int schemeEnd = v.indexOf("://");
        return v.substring(0, schemeEnd).toLowerCase(Locale.ROOT) + v.substring(schemeEnd);
    }
}
