package io.steadfast.habit.internal.service;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

import io.steadfast.api.error.ValidationException;

/** The rule for date ranges of reads: {@code to} not before {@code from}, at most so many days. */
final class Ranges {

    private Ranges() {}

    static void check(LocalDate from, LocalDate to, int maxDays) {
        if (to.isBefore(from)) {
            throw new ValidationException("to", "must not be before from");
        }
        if (ChronoUnit.DAYS.between(from, to) + 1 > maxDays) {
            throw new ValidationException("to", "the range is at most " + maxDays + " days");
        }
    }
}
