package io.steadfast.habit.internal.types;

import java.math.BigDecimal;
import java.util.Optional;

/** Checks shared by the numeric habit types. */
final class Values {

    /** The largest value a day may record. */
    static final BigDecimal MAX = io.steadfast.api.habit.spi.HabitType.MAX_VALUE;

    private Values() {}

    /** A message when a day's value is negative or larger than {@link #MAX}; {@code null} values are valid. */
    static Optional<String> checkAmount(BigDecimal value) {
        if (value == null) {
            return Optional.empty();
        }
        if (value.signum() < 0) {
            return Optional.of("The value must not be negative.");
        }
        if (value.compareTo(MAX) > 0) {
            return Optional.of("The value must be at most 1000000000.");
        }
        return Optional.empty();
    }
}
