package io.steadfast.habit.api;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Read access to habits and their evaluated days, for other bundles (streaks, accountability). Every call is
 * scoped to the owner: another user's habit is not found.
 */
@ProviderType
public interface HabitQuery {

    /** OSGi Event Admin topic posted when a day record changes; properties {@code userId}, {@code habitId}, {@code date}. */
    String TOPIC_CHECKIN_CHANGED = "steadfast/checkin/CHANGED";

    /** Topic posted when a habit is created, changed or deleted; properties {@code userId}, {@code habitId}. */
    String TOPIC_HABIT_CHANGED = "steadfast/habit/CHANGED";

    /** The user's today (time zone and day start applied); empty for an unknown user. */
    Optional<LocalDate> today(UUID userId);

    Optional<HabitInfo> habit(UUID userId, UUID habitId);

    /** The user's active (not archived) habits, in their order. */
    List<HabitInfo> activeHabits(UUID userId);

    /** Each date from {@code from} to {@code to} (inclusive) evaluated as the agenda does. */
    List<DayView> days(UUID userId, UUID habitId, LocalDate from, LocalDate to);
}
