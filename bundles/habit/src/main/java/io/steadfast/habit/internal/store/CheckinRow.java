package io.steadfast.habit.internal.store;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A habit's record for one day of its user.
 *
 * @param status     {@code done} or {@code skipped}
 * @param backfilled written after its day had ended
 */
public record CheckinRow(
        UUID habitId,
        LocalDate date,
        BigDecimal value,
        String note,
        String status,
        boolean backfilled,
        Instant createdAt,
        Instant updatedAt) {

    /** The record's status when the day was done (its value, if any, says how much). */
    public static final String DONE = "done";

    /** The record's status when the day was skipped (excused). */
    public static final String SKIPPED = "skipped";
}
