package io.steadfast.api.time;

import java.time.DayOfWeek;
import java.util.Locale;

import io.steadfast.api.error.ValidationException;

/**
 * The one vocabulary of days of the week: the API writes {@code MON}, {@code TUE}, … {@code SUN}, and reads those
 * and the full English names ({@code MONDAY}), in any case.
 */
public final class Weekdays {

    /** What an error lists as the allowed values. */
    public static final String ALLOWED = "MON, TUE, WED, THU, FRI, SAT or SUN";

    private Weekdays() {}

    /** The code of a day: {@code MON} … {@code SUN}; {@code null} for {@code null}. */
    public static String code(DayOfWeek day) {
        return day == null ? null : day.name().substring(0, 3);
    }

    /** The day a text names ({@code MON}, {@code mon}, {@code Monday}, …), or {@code null} when it names none. */
    public static DayOfWeek parse(String text) {
        if (text == null) {
            return null;
        }
        String t = text.trim().toUpperCase(Locale.ROOT);
        for (DayOfWeek d : DayOfWeek.values()) {
            if (d.name().equals(t) || code(d).equals(t)) {
                return d;
            }
        }
        return null;
    }

    /**
     * The day a field's text names.
     *
     * @throws ValidationException naming the field and the allowed values when it names none
     */
    public static DayOfWeek parse(String text, String field) {
        DayOfWeek d = parse(text);
        if (d == null) {
            throw new ValidationException(field, "'" + text + "' is not a day; use " + ALLOWED);
        }
        return d;
    }
}
