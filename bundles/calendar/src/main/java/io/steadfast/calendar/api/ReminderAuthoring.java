package io.steadfast.calendar.api;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.Set;
import java.util.UUID;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Creating a reminder on a user's behalf (an import brings the reminders of its habits), with the rules of
 * {@code POST /api/v1/habits/{id}/reminders}: a user's habit, at most as many per habit as the limits allow
 * ({@code LimitReachedException}), sent on all the user's channels.
 *
 * @since 1.1
 */
@ProviderType
public interface ReminderAuthoring {

    /**
     * @param time          the local time of day in the user's zone
     * @param days          the days of the week it is sent on; empty: every day the habit is due
     * @param onlyIfNotDone sent only while the day is not done yet
     * @throws io.steadfast.api.error.NotFoundException     the user has no such habit
     * @throws io.steadfast.api.error.LimitReachedException the habit has as many reminders as allowed
     */
    void create(UUID userId, UUID habitId, LocalTime time, Set<DayOfWeek> days, boolean onlyIfNotDone);
}
