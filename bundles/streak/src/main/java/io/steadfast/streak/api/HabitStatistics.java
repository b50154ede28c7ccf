package io.steadfast.streak.api;

import org.osgi.annotation.versioning.ProviderType;

import io.steadfast.habit.api.HabitInfo;

/**
 * A habit's statistics in brief, for other bundles (the accountability bundle shows them to partners): the same
 * figures as {@code GET /api/v1/habits/{id}/stats}, from the same cache.
 *
 * @since 1.1
 */
@ProviderType
public interface HabitStatistics {

    /**
     * An achievement of a habit's: {@code code} such as {@code streak-30} or {@code done-100}, its title, and the day of
     * the history it was reached.
     */
    record Achievement(String code, String title, java.time.LocalDate reachedOn) {}

    /** The achievements the habit earned so far (awarded after each change commits), oldest first. */
    java.util.List<Achievement> achievements(HabitInfo habit);

    /**
     * The account's own achievements (not of one habit: {@code first-checkin}, {@code perfect-week},
     * {@code perfect-month}), oldest first.
     *
     * @since 1.2
     */
    java.util.List<Achievement> accountAchievements(java.util.UUID userId);

    /** The statistics of a habit as its owner looked it up ({@code HabitQuery#habit}), as of the owner's today. */
    Summary summary(HabitInfo habit);

    /**
     * @param currentStreak the length of the running streak, 0 when broken
     * @param longestStreak the longest streak so far
     * @param streakUnit    {@code days}, {@code weeks} or {@code months}
     * @param strength      the habit strength, 0 to 1
     * @param doneDays      the done days over all time
     * @param currentStart  the first day of the running streak, {@code null} when it is broken
     */
    record Summary(
            int currentStreak,
            int longestStreak,
            String streakUnit,
            double strength,
            long doneDays,
            java.time.LocalDate currentStart) {}
}
