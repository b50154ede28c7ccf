package io.steadfast.habit.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Objects;

/**
 * A measurement habit's goal: a value to reach by a date (Beeminder's "road", without the money). The statistics
 * follow a straight line from the first recorded value to {@code value} on {@code by}.
 *
 * @param value     the value to reach, storable as any habit number (at most 4 decimal places, magnitude at most
 *                  10^9)
 * @param direction whether the values should go down (weight) or up (savings)
 * @param by        the day by which the value should be reached; after the habit's start date
 * @since 2.1
 */
public record Goal(BigDecimal value, Direction direction, LocalDate by) {

    public Goal {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(by, "by");
    }

    /** Which way the values should move. */
    public enum Direction {
        /** Lower is better: on track at or below the line. */
        DOWN,
        /** Higher is better: on track at or above the line. */
        UP;

        /** The lowercase form the API uses ({@code down}, {@code up}). */
        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** The direction of a code ({@code down}, {@code up}), or {@code null} for anything else. */
        public static Direction parse(String code) {
            for (Direction d : values()) {
                if (d.code().equals(code)) {
                    return d;
                }
            }
            return null;
        }

        /** Whether {@code value} is at {@code mark} or beyond it in this direction. */
        public boolean reaches(BigDecimal value, BigDecimal mark) {
            int c = value.compareTo(mark);
            return this == DOWN ? c <= 0 : c >= 0;
        }
    }
}
