package io.steadfast.transfer.internal.archive;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A measurement's goal: reach {@code value} going {@code direction} ({@code up} or {@code down}) by {@code by}. */
public record ArchivedGoal(BigDecimal value, String direction, LocalDate by) {}
