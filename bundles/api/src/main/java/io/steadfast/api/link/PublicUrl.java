package io.steadfast.api.link;

import java.net.URI;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The server's public base URL, for every link the server makes (a {@code Location} header, the calendar feed's
 * subscription URL, the links in e-mails): {@code STEADFAST_PUBLIC_URL} (environment) or {@code publicUrl} of
 * {@code etc/io.steadfast.platform.cfg}, else the address the server listens on ({@code http://localhost:8181}).
 * Never the request's {@code Host} or {@code X-Forwarded-*} headers, which a client chooses. An OSGi service (the
 * platform provides it), taken by constructor injection ({@code @Reference PublicUrl publicUrl}) by resources and
 * services alike.
 */
@ProviderType
public interface PublicUrl {

    /** The path the REST API is served under. */
    String API_PATH = "/api";

    /** The base, {@code scheme://host[:port][/prefix]} without a trailing slash. */
    URI base();

    /**
     * The absolute URL of a path of this server: {@code resolve("/api/v1/habits/" + id)}. {@code path} starts with
     * {@code /} and is already percent-encoded where needed (ids and dates need nothing).
     */
    default URI resolve(String path) {
        String b = base().toString();
        return URI.create(b + (path.startsWith("/") ? path : "/" + path));
    }

    /** The absolute URL of a path of the API: {@code api("/v1/habits/" + id)} is {@code <base>/api/v1/habits/<id>}. */
    default URI api(String path) {
        return resolve(API_PATH + (path.startsWith("/") ? path : "/" + path));
    }
}
