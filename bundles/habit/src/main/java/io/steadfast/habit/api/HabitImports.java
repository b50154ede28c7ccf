package io.steadfast.habit.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Bringing a user's history from elsewhere (an import): habits that remember where they came from, and day records
 * marked as imported. Habits are created with the rules of {@code POST /api/v1/habits} (an invalid one is a
 * {@code ValidationException} naming the field); their history is judged from their start date on, like a habit
 * that was tracked here all along. Every write is its own transaction and records its change in the habit outbox,
 * so streaks, strength and achievements follow the imported days (achievements dated on the day they were
 * reached).
 *
 * @since 2.6
 */
@ProviderType
public interface HabitImports {

    /**
     * A habit an import brings.
     *
     * @param sourceKey where it came from, e.g. {@code loop-sqlite:<uuid>} (at most 200 characters): the same key
     *                  finds the habit again ({@link #findImported}), so a second import of a file adds no copy
     * @param createdAt when the source says it was created, or {@code null} (now)
     */
    record ImportedHabit(
            String sourceKey,
            String name,
            String description,
            String type,
            BigDecimal target,
            String unit,
            Schedule schedule,
            LocalDate startDate,
            String color,
            String icon,
            boolean archived,
            Goal goal,
            Instant createdAt) {}

    /**
     * One day's record.
     *
     * @param skipped    a skipped day (neither done nor missed)
     * @param backfilled it was written after its day had ended (Steadfast's own export says so; others: false)
     * @param recordedAt when the source recorded it, or {@code null} (now)
     */
    record ImportedDay(
            LocalDate date, BigDecimal value, String note, boolean skipped, boolean backfilled, Instant recordedAt) {}

    /** The user's habit that was imported from {@code sourceKey}, if there is one. */
    Optional<HabitInfo> findImported(UUID userId, String sourceKey);

    /**
     * Creates the habit. Its history counts from {@code startDate} ({@code null}: the user's today).
     *
     * @throws io.steadfast.api.error.ValidationException an invalid field, or a habit with that source key exists
     * @throws io.steadfast.api.error.LimitReachedException the user has as many habits as allowed
     */
    HabitInfo createImported(UUID userId, ImportedHabit habit);

    /**
     * Adds the days the habit has no record of yet, marked as imported, in one transaction; days it already has are
     * left as they are (a second import of the same history adds nothing). Days before the habit's start date or
     * after the user's today are not added.
     *
     * @return how many days were added
     * @throws io.steadfast.api.error.NotFoundException   the user has no such habit
     * @throws io.steadfast.api.error.ValidationException a day's value or note that the habit's type refuses, naming
     *                                                    the day
     */
    int addDays(UUID userId, UUID habitId, List<ImportedDay> days);

    /**
     * Adds a vacation, which may lie in the past, unless the user has one with the same days and habits.
     *
     * @param habitIds the paused habits, or {@code null} for all
     * @return whether one was added
     * @throws io.steadfast.api.error.ValidationException days in the wrong order, more than a year, a habit the
     *                                                    user does not have
     */
    boolean addVacation(UUID userId, LocalDate from, LocalDate to, List<UUID> habitIds);
}
