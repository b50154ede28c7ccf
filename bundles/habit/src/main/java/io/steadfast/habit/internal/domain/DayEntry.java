package io.steadfast.habit.internal.domain;

import java.math.BigDecimal;

/**
 * What a user records for a day.
 *
 * @param status {@code done} (the default when null) or {@code skipped}, any case
 */
public record DayEntry(BigDecimal value, String note, String status) {}
