package io.steadfast.habit.api;

import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import org.osgi.service.event.Event;

/**
 * The Event Admin events of the habit bundle: the topics, their property keys, and typed factories and readers,
 * so that no bundle spells a topic or a key itself. Each change is recorded in an outbox in the transaction of the
 * write and delivered after the commit: first to the durable {@link HabitChangeConsumer}s, then posted here. These
 * events are for listeners that may miss one (a node that dies between the two, a listener not running yet);
 * anything that must see every change is a {@link HabitChangeConsumer}. Several changes of one habit may come as one
 * event with the earliest day; an event may come twice.
 */
public final class HabitEvents {

    /** A day record was set, changed or cleared; properties {@link #USER_ID}, {@link #HABIT_ID}, {@link #DATE}. */
    public static final String TOPIC_CHECKIN_CHANGED = "steadfast/checkin/CHANGED";

    /** A habit was created, changed or deleted; properties {@link #USER_ID}, {@link #HABIT_ID}. */
    public static final String TOPIC_HABIT_CHANGED = "steadfast/habit/CHANGED";

    /** The owner's id, a UUID string. */
    public static final String USER_ID = "userId";

    /** The habit's id, a UUID string. */
    public static final String HABIT_ID = "habitId";

    /** The changed day, an ISO date string. */
    public static final String DATE = "date";

    private HabitEvents() {}

    public static Event checkinChanged(UUID userId, UUID habitId, LocalDate date) {
        return new Event(
                TOPIC_CHECKIN_CHANGED,
                Map.of(USER_ID, userId.toString(), HABIT_ID, habitId.toString(), DATE, date.toString()));
    }

    public static Event habitChanged(UUID userId, UUID habitId) {
        return new Event(TOPIC_HABIT_CHANGED, Map.of(USER_ID, userId.toString(), HABIT_ID, habitId.toString()));
    }

    public static UUID userId(Event e) {
        return UUID.fromString((String) e.getProperty(USER_ID));
    }

    public static UUID habitId(Event e) {
        return UUID.fromString((String) e.getProperty(HABIT_ID));
    }

    /** The changed day of a {@link #TOPIC_CHECKIN_CHANGED} event. */
    public static LocalDate date(Event e) {
        return LocalDate.parse((String) e.getProperty(DATE));
    }
}
