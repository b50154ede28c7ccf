package io.steadfast.transfer.internal.archive;

import java.time.DayOfWeek;

/**
 * Account settings from Steadfast's own export.
 *
 * @param timezone an IANA zone id, or {@code null}
 * @param weekStart the first day of the week, or {@code null}
 * @param dayStartsAt the hour (0–6) the owner's day begins, or {@code null}
 */
public record ArchivedProfile(String displayName, String timezone, DayOfWeek weekStart, Integer dayStartsAt) {

    /** A profile that does not say when the day begins. */
    public ArchivedProfile(String displayName, String timezone, DayOfWeek weekStart) {
        this(displayName, timezone, weekStart, null);
    }
}
