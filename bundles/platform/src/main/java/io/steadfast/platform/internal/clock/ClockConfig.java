package io.steadfast.platform.internal.clock;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(
        name = "Steadfast clock",
        description =
                "The one clock of the server. Only for tests and " + "demonstrations: never set a start in production.")
public @interface ClockConfig {

    String PID = "io.steadfast.clock";

    /** The environment variable that overrides {@link #start()}. */
    String ENV = "STEADFAST_CLOCK_START";

    @AttributeDefinition(
            name = "Simulated start",
            description = "An ISO-8601 instant (e.g. 2028-02-29T23:30:00Z); "
                    + "when set, the server's clock starts there at boot and then ticks at the normal rate. Empty: the "
                    + "system clock. The environment variable STEADFAST_CLOCK_START overrides this.",
            required = false)
    String start() default "";
}
