package io.steadfast.outbound;

import java.time.Duration;
import java.util.Objects;

/**
 * How {@link OutboundHttp} behaves.
 *
 * @param allowPrivate   whether the address guard is off, so that private and loopback addresses may be called
 *                       (a test installation, or one where every user is trusted)
 * @param connectTimeout how long opening a connection may take
 * @param requestTimeout how long the whole request may take, connecting included
 */
public record OutboundSettings(boolean allowPrivate, Duration connectTimeout, Duration requestTimeout) {

    /** The guard on, 10 seconds to connect and 10 for the whole request. */
    public static final OutboundSettings DEFAULT =
            new OutboundSettings(false, Duration.ofSeconds(10), Duration.ofSeconds(10));

    public OutboundSettings {
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(requestTimeout, "requestTimeout");
        if (connectTimeout.isNegative()
                || connectTimeout.isZero()
                || requestTimeout.isNegative()
                || requestTimeout.isZero()) {
            throw new IllegalArgumentException("timeouts must be positive");
        }
    }
}
