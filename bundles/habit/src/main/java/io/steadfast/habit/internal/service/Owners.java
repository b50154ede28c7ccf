package io.steadfast.habit.internal.service;

import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;

import io.steadfast.api.account.UserDirectory;
import io.steadfast.api.account.UserProfile;
import io.steadfast.api.error.NotAuthenticatedException;
import io.steadfast.api.error.NotFoundException;
import io.steadfast.api.time.UserDay;
import io.steadfast.habit.internal.store.HabitRow;
import io.steadfast.habit.internal.store.HabitStore;

/** The caller's profile, habit and today, as the habit services look them up. */
final class Owners {

    private Owners() {}

    /** The caller's profile; 401 when the account was deleted meanwhile. */
    static UserProfile profile(UserDirectory directory, UUID userId) {
        return directory.find(userId).orElseThrow(() -> new NotAuthenticatedException("The account no longer exists"));
    }

    /** The caller's habit; 404 for any other (another user's habit is not found). */
    static HabitRow habit(HabitStore habits, UUID userId, UUID habitId) {
        return habits.find(userId, habitId).orElseThrow(() -> new NotFoundException("Habit"));
    }

    /** The user's today by the platform's clock (time zone and day start applied). */
    static LocalDate today(Clock clock, UserProfile user) {
        return UserDay.today(clock.instant(), user.timezone(), user.dayStartsAt());
    }
}
