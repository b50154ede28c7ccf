package io.steadfast.api.ops;

import java.util.Objects;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * One check of a part the server depends on, for the operator's {@code steadfast:doctor}: it looks now (a round trip
 * to the database, a PING to Redis, a connection to the SMTP server) and says in words what it found and, when
 * something is wrong, what to do. Registered as an OSGi service by the bundle that owns the part; when two services
 * check the same {@link #name()}, the higher service ranking answers.
 */
@ConsumerType
public interface Check {

    /** The part checked, lower case: {@code database}, {@code redis}, {@code clock}, {@code smtp}, {@code disk}. */
    String name();

    /** Looks now. Returns within about five seconds and never throws: a failure is a {@link Verdict#PROBLEM}. */
    Finding run();

    /** How a part is. */
    enum Verdict {
        /** It works. */
        OK,
        /** It works, but something needs attention (a simulated clock, little free disk space). */
        WARNING,
        /** It does not work as configured. */
        PROBLEM,
        /** It is not configured, and need not be (Redis on a single node, no SMTP server). */
        OFF
    }

    /**
     * What a check found.
     *
     * @param verdict how the part is
     * @param detail  what was found, in words for an operator (a latency, a version, the error), never a secret
     * @param fix     what to do about it, in words (a setting to change, a command to run); {@code null} for
     *                {@link Verdict#OK}
     */
    record Finding(Verdict verdict, String detail, String fix) {

        public Finding {
            Objects.requireNonNull(verdict, "verdict");
            Objects.requireNonNull(detail, "detail");
        }

        public static Finding ok(String detail) {
            return new Finding(Verdict.OK, detail, null);
        }

        public static Finding warning(String detail, String fix) {
            return new Finding(Verdict.WARNING, detail, fix);
        }

        public static Finding problem(String detail, String fix) {
            return new Finding(Verdict.PROBLEM, detail, fix);
        }

        public static Finding off(String detail, String fix) {
            return new Finding(Verdict.OFF, detail, fix);
        }
    }
}
