package io.steadfast.habit.api;

import java.util.Locale;

/** What became of one day of a habit, as shown in the agenda and the calendar. */
public enum DayState {

    /** The day counts as done. */
    DONE,
    /** Some progress towards the target, not enough yet. */
    PARTIAL,
    /** The day was due and not done. */
    MISSED,
    /** The user skipped the day (sick, travelling): it neither counts nor breaks anything. */
    SKIPPED,
    /**
     * The habit is paused on the day (the user's vacation): nothing is due, nothing is missed, a streak survives it.
     * A day done during a vacation still counts as {@link #DONE} (not due).
     */
    PAUSED,
    /** The day is due and can still be done (today or later). */
    PENDING,
    /** Nothing is due on the day. */
    NOT_DUE;

    private final String json = name().toLowerCase(Locale.ROOT);

    /** The name used in JSON and storage: {@code done}, {@code partial}, …, {@code not_due}. */
    public String json() {
        return json;
    }

    /**
     * The state with the given {@link #json()} name.
     *
     * @throws IllegalArgumentException when no state has that name
     */
    public static DayState fromJson(String json) {
        for (DayState s : values()) {
            if (s.json.equals(json)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown day state: " + json);
    }
}
