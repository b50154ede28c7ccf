package io.steadfast.habit.internal.domain;

import java.time.LocalDate;

/**
 * How far a per-period habit is in the period holding a date.
 *
 * @param done  the done days of the period from its start up to and including the user's today (or its end, when
 *              it is over); may exceed {@code times}
 * @param times the done days the period asks for
 * @param start the first day of the period
 * @param end   the last day of the period
 */
public record PeriodProgress(int done, int times, LocalDate start, LocalDate end) {

    /** Whether the period's count is met. */
    public boolean met() {
        return done >= times;
    }
}
