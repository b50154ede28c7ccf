package io.steadfast.outbound.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** The operator's settings of outbound HTTP ({@code etc/io.steadfast.outbound.cfg}). */
@ObjectClassDefinition(
        name = "Steadfast outbound HTTP",
        description = "How plugins call the URLs users configure (webhooks, ntfy topics)")
public @interface OutboundConfig {

    String PID = "io.steadfast.outbound";

    /** The environment variable the shipped configuration reads {@link #allowPrivate()} from. */
    String ENV_ALLOW_PRIVATE = "STEADFAST_WEBHOOK_ALLOW_PRIVATE";

    @AttributeDefinition(
            name = "Allow private addresses",
            description = "Turns the address guard off: URLs may then reach loopback, private and link-local "
                    + "addresses, including this server's own services. Only for a test installation or one where "
                    + "every user is trusted. The shipped configuration reads STEADFAST_WEBHOOK_ALLOW_PRIVATE=true.")
    boolean allowPrivate() default false;

    @AttributeDefinition(name = "Connect timeout (ms)", description = "How long opening a connection may take")
    long connectTimeoutMillis() default 10_000;

    @AttributeDefinition(
            name = "Request timeout (ms)",
            description = "How long a whole request may take, connecting included")
    long requestTimeoutMillis() default 10_000;
}
