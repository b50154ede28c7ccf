package io.steadfast.transfer.internal.archive;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.Set;

/**
 * A reminder: at {@code time} in the owner's zone, on {@code days} (empty: every day the habit is due).
 *
 * @param onlyIfNotDone sent only while the day is not done yet
 */
public record ArchivedReminder(LocalTime time, Set<DayOfWeek> days, boolean onlyIfNotDone) {

    public ArchivedReminder {
        days = days == null ? Set.of() : Set.copyOf(days);
    }
}
