package io.steadfast.identity.internal.shell;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** How the account commands write things. */
final class Shell {

    private Shell() {}

    /** An instant to the second, in UTC ({@code 2026-03-02T09:30:00Z}); {@code -} for none. */
    static String time(Instant at) {
        return at == null ? "-" : at.truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
