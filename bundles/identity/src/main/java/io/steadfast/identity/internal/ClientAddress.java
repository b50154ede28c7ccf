package io.steadfast.identity.internal;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The client's address for throttling: the peer address, or — when the peer is a configured trusted reverse proxy
 * — the right-most address in {@code X-Forwarded-For} that is not itself a trusted proxy. Never trusts the header
 * from anyone else, so a client cannot pick its own address. Plain Java.
 */
public final class ClientAddress {

    private ClientAddress() {}

    public static Set<String> parse(String trustedProxies) {
        if (trustedProxies == null || trustedProxies.isBlank()) {
            return Set.of();
        }
        return Arrays.stream(trustedProxies.split(","))
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
    }

    public static String of(String peer, String forwardedFor, Set<String> trusted) {
        if (peer == null || !trusted.contains(peer) || forwardedFor == null || forwardedFor.isBlank()) {
            return peer;
        }
        String[] hops = forwardedFor.split(",");
        for (int i = hops.length - 1; i >= 0; i--) {
            String hop = hops[i].trim();
            if (!hop.isEmpty() && !trusted.contains(hop)) {
                return hop;
            }
        }
        return peer;
    }
}
