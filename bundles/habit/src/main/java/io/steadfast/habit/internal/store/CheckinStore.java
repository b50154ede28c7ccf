package io.steadfast.habit.internal.store;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.osgi.annotation.versioning.ProviderType;

/** Day records. Callers check the habit's owner first (through {@link HabitStore#find}). */
@ProviderType
public interface CheckinStore {

    Optional<CheckinRow> find(UUID habitId, LocalDate date);

    /** Sets the day's record (insert or replace), and records the change in the outbox in the same transaction. */
    CheckinRow put(UUID userId, CheckinRow row);

    /** Clears the day's record; a change (something was cleared) is recorded in the outbox in the same transaction. */
    boolean delete(UUID userId, UUID habitId, LocalDate date);

    /** Records from {@code from} to {@code to} inclusive, by date. */
    List<CheckinRow> range(UUID habitId, LocalDate from, LocalDate to);

    /** Records of several habits from {@code from} to {@code to} inclusive. */
    List<CheckinRow> range(Collection<UUID> habitIds, LocalDate from, LocalDate to);

    /**
     * The earliest ({@code latest} false) or the latest record from {@code from} to {@code to} inclusive that has
     * a value and is not skipped: one look-up on the primary key's order, however long the history.
     */
    Optional<CheckinRow> valueAtEnd(UUID habitId, LocalDate from, LocalDate to, boolean latest);

    /** Every record of the given habits, by habit and date, in one query (for the export). */
    List<CheckinRow> all(Collection<UUID> habitIds);

    /**
     * A page of one habit's records, by date: the first {@code limit} after {@code after} ({@code null} for the
     * first page), read on the primary key's order (keyset paging: the next page starts after the last date of
     * this one, whatever was written meanwhile). The last page is shorter than {@code limit}. For the streamed
     * export, whose memory must not grow with the history. (The default filters {@link #all}: for stores in
     * memory; the database's store reads only the page.)
     */
    default List<CheckinRow> page(UUID habitId, LocalDate after, int limit) {
        return all(List.of(habitId)).stream()
                .filter(c -> after == null || c.date().isAfter(after))
                .sorted(java.util.Comparator.comparing(CheckinRow::date))
                .limit(Math.max(1, limit))
                .toList();
    }

    /**
     * Adds {@code delta} (negative to take away; the value never goes below zero) to the day's value atomically
     * (concurrent increments all count), marking it done. With an
     * idempotency key, a second call with the same key for the same user adds nothing and returns the first result.
     * With {@code refereed}, the day waits for the habit's referee again.
     */
    IncrementResult increment(
            UUID userId,
            UUID habitId,
            LocalDate date,
            BigDecimal delta,
            boolean backfilled,
            String idempotencyKey,
            String requestHash,
            Instant now,
            boolean refereed);
}
