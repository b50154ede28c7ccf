package io.steadfast.api.auth;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The address of the client behind a request: the peer's, or — when the peer is a trusted reverse proxy — the one
 * it names in {@code X-Forwarded-For}. For throttling and rate limits by address. Provided by the identity bundle,
 * which holds the list of trusted proxies.
 *
 * @since 2.1
 */
@ProviderType
public interface ClientAddresses {

    /** The client's address, from the peer address and the {@code X-Forwarded-For} header (may be null). */
    String of(String peer, String forwardedFor);
}
