package io.steadfast.calendar.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import org.osgi.service.event.Event;

/**
 * The Event Admin events of the calendar's scheduler: topics, property keys, typed factories and readers. They are
 * posted after the durable {@link ScheduleConsumer}s handled the moment, on the node that handled it (once in the
 * cluster, but a node dying in between loses one): anything that must see every event is a consumer.
 */
public final class CalendarEvents {

    /** A user's day ended; properties {@link #USER_ID}, {@link #DATE} (the day that ended), {@link #AT}. */
    public static final String TOPIC_DAY_ENDED = "steadfast/calendar/DAY_ENDED";

    /**
     * A reminder is due; properties {@link #USER_ID}, {@link #DATE}, {@link #AT}, {@link #HABIT_ID},
     * {@link #REMINDER_ID}.
     */
    public static final String TOPIC_REMINDER_DUE = "steadfast/calendar/REMINDER_DUE";

    /** The user's id, a UUID string. */
    public static final String USER_ID = "userId";

    /** The user's day, an ISO date string. */
    public static final String DATE = "date";

    /** When it happened, an ISO-8601 instant string. */
    public static final String AT = "at";

    /** The habit's id, a UUID string. */
    public static final String HABIT_ID = "habitId";

    /** The reminder's id, a UUID string. */
    public static final String REMINDER_ID = "reminderId";

    private CalendarEvents() {}

    public static Event dayEnded(UUID userId, LocalDate date, Instant at) {
        return new Event(TOPIC_DAY_ENDED, Map.of(USER_ID, userId.toString(), DATE, date.toString(), AT, at.toString()));
    }

    public static Event reminderDue(ReminderDue due) {
        return new Event(
                TOPIC_REMINDER_DUE,
                Map.of(
                        USER_ID, due.userId().toString(),
                        DATE, due.date().toString(),
                        AT, due.dueAt().toString(),
                        HABIT_ID, due.habitId().toString(),
                        REMINDER_ID, due.reminderId().toString()));
    }

    public static UUID userId(Event e) {
        return UUID.fromString((String) e.getProperty(USER_ID));
    }

    public static LocalDate date(Event e) {
        return LocalDate.parse((String) e.getProperty(DATE));
    }

    public static Instant at(Event e) {
        return Instant.parse((String) e.getProperty(AT));
    }
}
