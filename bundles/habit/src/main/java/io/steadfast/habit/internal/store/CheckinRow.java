package io.steadfast.habit.internal.store;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A habit's record for one day of its user.
 *
 * @param status     {@code done} or {@code skipped}
 * @param backfilled   written after its day had ended
 * @param verification the referee's part (a done day of a refereed habit), or {@code null}
 * @param imported     written by an import and not changed here since
 */
public record CheckinRow(
        UUID habitId,
        LocalDate date,
        BigDecimal value,
        String note,
        String status,
        boolean backfilled,
        Instant createdAt,
        Instant updatedAt,
        Verification verification,
        boolean imported) {

    /** A record made here (not by an import). */
    public CheckinRow(
            UUID habitId,
            LocalDate date,
            BigDecimal value,
            String note,
            String status,
            boolean backfilled,
            Instant createdAt,
            Instant updatedAt,
            Verification verification) {
        this(habitId, date, value, note, status, backfilled, createdAt, updatedAt, verification, false);
    }

    /** A record no referee was asked about. */
    public CheckinRow(
            UUID habitId,
            LocalDate date,
            BigDecimal value,
            String note,
            String status,
            boolean backfilled,
            Instant createdAt,
            Instant updatedAt) {
        this(habitId, date, value, note, status, backfilled, createdAt, updatedAt, null);
    }

    /** The same record with {@code v} as its verification. */
    public CheckinRow verified(Verification v) {
        return new CheckinRow(habitId, date, value, note, status, backfilled, createdAt, updatedAt, v, imported);
    }

    /** Whether the habit's referee disputed the day: it counts as if nothing were recorded. */
    public boolean disputed() {
        return verification != null && Verification.DISPUTED.equals(verification.state());
    }

    /**
     * A referee's part in a done day.
     *
     * @param state   {@link #PENDING}, {@link #CONFIRMED} or {@link #DISPUTED}
     * @param comment the referee's comment, or {@code null}
     * @param at      when the referee answered ({@code null} while pending)
     */
    public record Verification(String state, String comment, Instant at) {
        public static final String PENDING = "pending";
        public static final String CONFIRMED = "confirmed";
        public static final String DISPUTED = "disputed";

        public static final Verification WAITING = new Verification(PENDING, null, null);
    }

    /** The record's status when the day was done (its value, if any, says how much). */
    public static final String DONE = "done";

    /** The record's status when the day was skipped (excused). */
    public static final String SKIPPED = "skipped";
}
