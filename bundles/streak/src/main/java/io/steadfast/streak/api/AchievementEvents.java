package io.steadfast.streak.api;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.osgi.service.event.Event;

/**
 * The Event Admin event the streak bundle posts (asynchronously) when an achievement is earned, once per
 * achievement: its topic, property keys and a typed factory and readers.
 */
public final class AchievementEvents {

    /** An achievement was earned; properties {@link #USER_ID}, {@link #CODE}, {@link #SCOPE}, {@link #HABIT_ID}
     * (for a habit's achievement), {@link #REACHED_ON}. */
    public static final String TOPIC_EARNED = "steadfast/achievement/EARNED";

    /** The earner's id, a UUID string. */
    public static final String USER_ID = "userId";

    /** The achievement's code, e.g. {@code streak-7}, {@code first-checkin}. */
    public static final String CODE = "code";

    /** {@code all} for an account's achievement, else the habit's id. */
    public static final String SCOPE = "scope";

    /** The habit's id (UUID string), absent for an account's achievement. */
    public static final String HABIT_ID = "habitId";

    /** The day of the history it was reached, an ISO date string. */
    public static final String REACHED_ON = "reachedOn";

    private AchievementEvents() {}

    public static Event earned(UUID userId, String code, String scope, UUID habitId, LocalDate reachedOn) {
        Map<String, Object> props = new LinkedHashMap<>();
        props.put(USER_ID, userId.toString());
        props.put(CODE, code);
        props.put(SCOPE, scope);
        if (habitId != null) {
            props.put(HABIT_ID, habitId.toString());
        }
        props.put(REACHED_ON, reachedOn.toString());
        return new Event(TOPIC_EARNED, props);
    }

    public static UUID userId(Event e) {
        return UUID.fromString((String) e.getProperty(USER_ID));
    }

    public static String code(Event e) {
        return (String) e.getProperty(CODE);
    }

    public static LocalDate reachedOn(Event e) {
        return LocalDate.parse((String) e.getProperty(REACHED_ON));
    }
}
