package io.steadfast.habit.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A value recorded for a day (a day marked done with a value; skipped days are no measurement).
 *
 * @since 2.1
 */
public record RecordedValue(LocalDate date, BigDecimal value) {

    public RecordedValue {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(value, "value");
    }

    /**
     * The first and the latest recorded value of a habit up to a day.
     *
     * @param first  the earliest recorded value from the habit's start date on
     * @param latest the most recent recorded value up to the day asked for (may be {@code first})
     */
    public record Span(RecordedValue first, RecordedValue latest) {

        public Span {
            Objects.requireNonNull(first, "first");
            Objects.requireNonNull(latest, "latest");
        }
    }
}
