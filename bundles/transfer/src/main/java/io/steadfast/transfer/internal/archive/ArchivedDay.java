package io.steadfast.transfer.internal.archive;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * One day's record.
 *
 * @param value   the amount of a {@code count}, {@code limit} or measurement day; {@code null} for a done yes/no day
 * @param skipped    a skipped day (Loop's skip, a CSV {@code skipped} status): neither done nor missed
 * @param backfilled written after its day had ended (only Steadfast's own export says so)
 * @param recordedAt when the source recorded it, or {@code null} (only Steadfast's own export says so)
 */
public record ArchivedDay(
        LocalDate date, BigDecimal value, String note, boolean skipped, boolean backfilled, Instant recordedAt) {

    /** A day whose source says nothing of when it was recorded. */
    public ArchivedDay(LocalDate date, BigDecimal value, String note, boolean skipped) {
        this(date, value, note, skipped, false, null);
    }
}
