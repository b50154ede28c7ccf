package io.steadfast.identity.internal.domain;

import java.time.LocalTime;
import java.util.List;
import java.util.regex.Pattern;

import io.steadfast.api.account.UserProfile.Alerts;
import io.steadfast.api.error.FieldError;

/**
 * A change of the alerts a user opted in to (the API's {@code notify} object): the settings it names change, the
 * others stay. Its settings are named as in the API, and so are the fields of its errors ({@code notify.…}).
 *
 * @param partnerMissed    the new value, or {@code null}: it stays
 * @param setsStreakAtRisk whether the change names {@code streakAtRisk}; then {@code streakAtRisk} {@code null}
 *                         turns that alert off
 * @param streakAtRisk     the local time of day as given, {@code "HH:mm"} (checked by {@link #applyTo})
 * @param unknown          the names the change gives that are no setting (each an error)
 */
public record AlertsChange(Boolean partnerMissed, boolean setsStreakAtRisk, String streakAtRisk, List<String> unknown) {

    /** The object of the settings in the API, the prefix of their fields' names in errors. */
    public static final String FIELD = "notify";

    public static final String PARTNER_MISSED = "partnerMissed";
    public static final String STREAK_AT_RISK = "streakAtRisk";

    /** The message of a streakAtRisk that is no time of day. */
    static final String TIME_FORMAT =
            "must be a local time \"HH:mm\" from 00:00 to 23:59, e.g. \"20:30\" (or null: no such alert)";

    /** Two digits each, hours 00-23, minutes 00-59: no seconds, no "24:00", no "8:30". */
    private static final Pattern HH_MM = Pattern.compile("([01][0-9]|2[0-3]):[0-5][0-9]");

    /** Changes nothing. */
    public static final AlertsChange NONE = new AlertsChange(null, false, null, List.of());

    public AlertsChange {
        unknown = unknown == null ? List.of() : List.copyOf(unknown);
    }

    public static AlertsChange partnerMissed(boolean on) {
        return new AlertsChange(on, false, null, List.of());
    }

    /** Sets the time of the streak-at-risk alert ({@code "HH:mm"}), or turns it off ({@code null}). */
    public static AlertsChange streakAtRisk(String time) {
        return new AlertsChange(null, true, time, List.of());
    }

    /**
     * The settings {@code current} becomes with this change; adds an error (field {@code notify.<name>}) for each
     * name that is no setting and for a streakAtRisk that is no time of day, and then leaves that setting as it was.
     */
    public Alerts applyTo(Alerts current, List<FieldError> errors) {
        for (String name : unknown) {
            errors.add(new FieldError(
                    FIELD + "." + name, "is not a setting; known: " + PARTNER_MISSED + ", " + STREAK_AT_RISK));
        }
        boolean missed = partnerMissed == null ? current.partnerMissed() : partnerMissed;
        LocalTime atRisk = current.streakAtRisk();
        if (setsStreakAtRisk) {
            if (streakAtRisk == null) {
                atRisk = null;
            } else {
                LocalTime t = parseTime(streakAtRisk);
                if (t == null) {
                    errors.add(new FieldError(FIELD + "." + STREAK_AT_RISK, TIME_FORMAT));
                } else {
                    atRisk = t;
                }
            }
        }
        return new Alerts(missed, atRisk);
    }

    /**
     * The time of day {@code "HH:mm"} (00:00 to 23:59; surrounding blanks ignored) names, or {@code null} when it
     * names none.
     */
    public static LocalTime parseTime(String text) {
        String t = text == null ? "" : text.trim();
        if (!HH_MM.matcher(t).matches()) {
            return null;
        }
        return LocalTime.of(Integer.parseInt(t.substring(0, 2)), Integer.parseInt(t.substring(3, 5)));
    }

    /** {@code "HH:mm"}, {@code null} for {@code null}. */
    public static String formatTime(LocalTime t) {
        return t == null ? null : String.format(java.util.Locale.ROOT, "%02d:%02d", t.getHour(), t.getMinute());
    }
}
