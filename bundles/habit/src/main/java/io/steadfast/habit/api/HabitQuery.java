package io.steadfast.habit.api;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Read access to habits and their evaluated days, for other bundles (calendar, streaks, accountability). Every
 * call is scoped to the owner: another user's habit is not found. Days are evaluated exactly as the habit bundle
 * judges them (schedule eras, habit type, the owner's today). Changes are announced by {@link HabitEvents}.
 */
@ProviderType
public interface HabitQuery {

    /** The user's today (time zone and day start applied); empty for an unknown user. */
    Optional<LocalDate> today(UUID userId);

    Optional<HabitInfo> habit(UUID userId, UUID habitId);

    /** The user's active (not archived) habits, in their order. */
    List<HabitInfo> activeHabits(UUID userId);

    /** Each date from {@code from} to {@code to} (inclusive) of one habit, evaluated. */
    List<DayView> days(UUID userId, UUID habitId, LocalDate from, LocalDate to);

    /**
     * Each date from {@code from} to {@code to} (inclusive) of every active habit of the user, in their order,
     * evaluated: one read of the day records, however many habits.
     */
    List<HabitDays> activeDays(UUID userId, LocalDate from, LocalDate to);

    /**
     * A page of {@link #activeDays}: the active habits from {@code offset} in their order, at most {@code limit},
     * evaluated — only those are read and evaluated, so a response stays bounded however many habits there are.
     *
     * @since 2.4
     */
    default ActiveDaysPage activeDays(UUID userId, LocalDate from, LocalDate to, int offset, int limit) {
        List<HabitDays> all = activeDays(userId, from, to);
        int start = Math.min(Math.max(0, offset), all.size());
        return new ActiveDaysPage(all.subList(start, Math.min(all.size(), start + Math.max(0, limit))), all.size());
    }

    /**
     * A page of the active habits' days and how many active habits there are in all.
     *
     * @since 2.4
     */
    record ActiveDaysPage(List<HabitDays> habits, int total) {}

    /**
     * The first recorded value of a habit (from its start date on) and the latest one up to {@code to}
     * (inclusive): days marked done with a value, skipped days excluded. Empty when no value is recorded by
     * {@code to}, and for another user's habit. Two indexed look-ups, however long the history.
     *
     * @since 2.1
     */
    Optional<RecordedValue.Span> recordedValues(UUID userId, UUID habitId, LocalDate to);

    /**
     * What of a habit has changed but is not delivered to the {@link HabitEvents} handlers yet (they run after the
     * commit, off the request thread): whether the habit itself changed, and the earliest changed day. Derived data
     * older than the habit's {@link HabitInfo#revision()} brings itself up to date from there. Empty when
     * everything was delivered, and for another user's habit.
     *
     * @since 2.2
     */
    Optional<PendingChanges> pending(UUID userId, UUID habitId);

    /**
     * The records of one habit's days from {@code from} to {@code to} (inclusive), by date (days without a record
     * are absent), as they were written — a disputed day is here with its verification; how a day counts is in
     * {@link #days}. Empty for another user's habit. Whoever shows a note to someone but the owner checks the
     * habit's {@link Sharing#shareNotes()} first.
     *
     * @since 2.3
     */
    List<RecordedDay> records(UUID userId, UUID habitId, LocalDate from, LocalDate to);

    /**
     * Every habit of the user, archived ones included, in their order (for the user's own export); empty for an
     * unknown user. The default serves stand-ins that never need it; the habit bundle's service answers it.
     *
     * @since 2.6
     */
    default List<HabitInfo> habits(UUID userId) {
        throw new UnsupportedOperationException("habits(userId)");
    }

    /**
     * A page of one habit's records, by date: the first {@code limit} (at least one) after {@code after}
     * ({@code null} for the first page), as {@link #records(UUID, UUID, LocalDate, LocalDate)} gives them. Keyset
     * paging on the records' order: the next page is the one after the last date of this one, and the last page
     * is shorter than {@code limit}; each page is one indexed read, so a reader of a long history holds one page at
     * a time. Empty for another user's habit. The default reads through {@link #records} (a stand-in's).
     *
     * @since 2.6
     */
    default List<RecordedDay> recordsAfter(UUID userId, UUID habitId, LocalDate after, int limit) {
        return records(
                        userId,
                        habitId,
                        after == null ? LocalDate.of(1, 1, 1) : after.plusDays(1),
                        LocalDate.of(9999, 12, 31))
                .stream()
                .limit(Math.max(1, limit))
                .toList();
    }

    /**
     * A day's record as written.
     *
     * @param skipped      the day was skipped (excused), not done
     * @param backfilled   written after the day had ended
     * @param verification the referee's part ({@code pending}, {@code confirmed}, {@code disputed}), or {@code null}
     * @param updatedAt    when it was last written
     * @since 2.3
     */
    record RecordedDay(
            LocalDate date,
            java.math.BigDecimal value,
            String note,
            boolean skipped,
            boolean backfilled,
            String verification,
            java.time.Instant updatedAt) {}

    /**
     * Undelivered changes of a habit.
     *
     * @param habitChanged whether the habit itself (schedule, start) changed: derive everything again
     * @param earliestDay  the earliest changed day, or {@code null} when only the habit changed
     * @since 2.2
     */
    record PendingChanges(boolean habitChanged, LocalDate earliestDay) {}
}
