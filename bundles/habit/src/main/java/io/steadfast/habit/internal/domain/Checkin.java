package io.steadfast.habit.internal.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A habit's record of one day, as stored.
 *
 * @param status     {@code done} or {@code skipped}
 * @param backfilled written after its day had ended (decided at the write)
 */
public record Checkin(
        UUID habitId,
        LocalDate date,
        BigDecimal value,
        String note,
        String status,
        boolean backfilled,
        Instant updatedAt) {}
