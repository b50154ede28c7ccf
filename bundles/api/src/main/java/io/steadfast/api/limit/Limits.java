package io.steadfast.api.limit;

import org.osgi.annotation.versioning.ProviderType;

import io.steadfast.api.error.LimitReachedException;

/**
 * The most a user may have of what they make, configured in one place ({@code etc/io.steadfast.limits.cfg}, PID
 * {@value #PID}; live with {@code config:edit}). A bundle asks before it creates: {@code limits.check(Limits.HABITS,
 * count, "habits", "archive or delete some first")} throws {@link LimitReachedException} (422 {@code limit-reached})
 * when the user already has the most allowed. Provided by the platform bundle.
 */
@ProviderType
public interface Limits {

    /** The configuration PID. */
    String PID = "io.steadfast.limits";

    /** Habits per user, archived ones included. */
    String HABITS = "habits";

    /** Personal access tokens per user (not revoked, not expired). */
    String TOKENS = "tokens";

    /** Open sessions per user: a new sign-in past this ends the least recently used one. */
    String SESSIONS = "sessions";

    /** Reminders per habit. */
    String REMINDERS_PER_HABIT = "remindersPerHabit";

    /** Notification channels per user (the in-app channel included). */
    String CHANNELS = "channels";

    /** Groups a user belongs to (made or joined). */
    String GROUPS = "groups";

    /** Partner invitations a user has sent that are still open. */
    String INVITATIONS = "invitations";

    /** Partners per user. */
    String PARTNERS = "partners";

    /** Vacations per habit-owner (planned and past). */
    String VACATIONS = "vacations";

    /** The most a user may have of what {@code limit} names (one of the constants); unknown names are unlimited. */
    int max(String limit);

    /**
     * Refuses one more when the user already has {@code current} and that is the most allowed.
     *
     * @param what what the user has, in words, for the message ("habits")
     * @param hint what to do, for the message ("archive or delete some first")
     * @throws LimitReachedException when {@code current >= max(limit)}
     */
    default void check(String limit, long current, String what, String hint) {
        int max = max(limit);
        if (current >= max) {
            throw new LimitReachedException(limit, max, what, hint);
        }
    }
}
