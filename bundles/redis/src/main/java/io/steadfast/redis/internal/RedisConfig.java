package io.steadfast.redis.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(
        name = "Steadfast Redis",
        description = "Redis for the shared cache, rate limits and "
                + "publish/subscribe between nodes. Empty URL: the in-process cache serves (one node). The environment "
                + "variable STEADFAST_REDIS_URL overrides the URL.")
public @interface RedisConfig {

    String PID = "io.steadfast.redis";

    @AttributeDefinition(
            name = "URL",
            description = "redis://[user:password@]host:port[/database], or rediss:// " + "for TLS",
            required = false)
    String url() default "";

    @AttributeDefinition(
            name = "Key prefix",
            description = "Prefix of every key and channel, so several " + "installations can share one Redis")
    String keyPrefix() default "steadfast:";

    @AttributeDefinition(name = "Timeout (ms)", description = "Connect and read timeout of one command")
    int timeoutMillis() default 1000;

    @AttributeDefinition(name = "Pool size", description = "Connections per node at most")
    int maxConnections() default 16;
}
