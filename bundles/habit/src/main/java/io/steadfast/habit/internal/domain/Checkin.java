package io.steadfast.habit.internal.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import io.steadfast.habit.api.DayState;

/**
 * A habit's record of one day, as stored, and what the day is judged to be.
 *
 * @param recordStatus {@code done} or {@code skipped}: what the user recorded
 * @param backfilled   written after its day had ended (decided at the write)
 * @param state        the day's evaluated state (the same evaluation as the agenda and the calendar: a count at 5 of
 *                     8 is {@code partial}), or {@code null} where not evaluated (the export)
 * @param imported     written by an import (from another tracker or another server) and not changed here since
 */
public record Checkin(
        UUID habitId,
        LocalDate date,
        BigDecimal value,
        String note,
        String recordStatus,
        boolean backfilled,
        Instant updatedAt,
        DayState state,
        String verification,
        String verificationComment,
        boolean imported) {

    /** The same record judged as {@code state}. */
    public Checkin judged(DayState state) {
        return new Checkin(
                habitId,
                date,
                value,
                note,
                recordStatus,
                backfilled,
                updatedAt,
                state,
                verification,
                verificationComment,
                imported);
    }
}
