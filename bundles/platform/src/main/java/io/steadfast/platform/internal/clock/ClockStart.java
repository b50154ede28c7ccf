package io.steadfast.platform.internal.clock;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * The configured start of a simulated clock: the environment wins over the configuration; blank means none.
 * Plain Java.
 */
public record ClockStart(Optional<Instant> start, String source, String error) {

    /** Reads the start from the environment value (may be null) or else the configured one (may be null). */
    public static ClockStart resolve(String env, String configured) {
        boolean fromEnv = env != null && !env.isBlank();
        String raw = fromEnv ? env.trim() : configured == null ? "" : configured.trim();
        String source = fromEnv ? ClockConfig.ENV : ClockConfig.PID + " start";
        if (raw.isEmpty()) {
            return new ClockStart(Optional.empty(), source, null);
        }
        try {
            return new ClockStart(Optional.of(parse(raw)), source, null);
        } catch (DateTimeParseException e) {
            return new ClockStart(
                    Optional.empty(),
                    source,
                    source + " is not an ISO-8601 instant such as " + "2028-02-29T23:30:00Z: '" + raw
                            + "'; the system clock is used");
        }
    }

    /** {@code 2028-02-29T23:30:00Z} or with an offset, {@code 2028-03-01T12:30:00+13:00}. */
    static Instant parse(String raw) {
        try {
            return Instant.parse(raw);
        } catch (DateTimeParseException notAnInstant) {
            return OffsetDateTime.parse(raw).toInstant();
        }
    }

    public boolean simulated() {
        return start.isPresent();
    }
}
