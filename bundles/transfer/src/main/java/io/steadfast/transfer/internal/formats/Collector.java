package io.steadfast.transfer.internal.formats;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.steadfast.api.habit.spi.HabitType;
import io.steadfast.api.time.DateLimits;
import io.steadfast.transfer.internal.archive.Archive;
import io.steadfast.transfer.internal.archive.ArchivedDay;
import io.steadfast.transfer.internal.archive.ArchivedHabit;
import io.steadfast.transfer.internal.archive.ArchivedProfile;
import io.steadfast.transfer.internal.archive.ArchivedVacation;
import io.steadfast.transfer.internal.archive.ImportLimits;
import io.steadfast.transfer.internal.archive.ImportRefused;

/**
 * What one reading gathers: the habits, the warnings and the count of entries left out, within the limits of the
 * {@link ImportLimits} (a habit or a day past them is a {@link ImportRefused#tooLarge} at once, before the rest of
 * the file is read). Also the rules every reader applies to what it takes, so that each archive can be stored as it
 * is: the lengths of texts, the range of dates and the precision of values the habit bundle accepts.
 */
final class Collector {

    /** The longest habit name the habit bundle accepts. */
    static final int NAME_MAX = 100;

    static final int DESCRIPTION_MAX = 2000;
    static final int UNIT_MAX = 30;
    static final int NOTE_MAX = 4000;

    /** Beyond this many warnings, one more says how many were left out. */
    static final int WARNINGS_MAX = 100;

    private final String format;
    private final ImportLimits limits;
    private final List<ArchivedHabit> habits = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();
    private int moreWarnings;
    private int skipped;
    private int days;
    private int habitsSeen;
    private ArchivedProfile profile;
    private final List<ArchivedVacation> vacations = new ArrayList<>();
    private final List<io.steadfast.transfer.internal.archive.ArchivedPhoto> photos = new ArrayList<>();

    Collector(String format, ImportLimits limits) {
        this.format = format;
        this.limits = limits;
    }

    ImportLimits limits() {
        return limits;
    }

    /** Counts a habit of the file; past {@link ImportLimits#maxHabits()} the file is refused. */
    void habitSeen() {
        habitsSeen++;
        if (habitsSeen > limits.maxHabits()) {
            throw ImportRefused.tooLarge(
                    "The file holds more than " + limits.maxHabits() + " habits, more than can be imported at once.");
        }
    }

    /** Counts a day record; past {@link ImportLimits#maxRows()} the file is refused. */
    void daySeen() {
        days++;
        if (days > limits.maxRows()) {
            throw ImportRefused.tooLarge("The file holds more than " + limits.maxRows()
                    + " day records, more than can be imported at once.");
        }
    }

    void add(ArchivedHabit habit) {
        habits.add(habit);
    }

    void profile(ArchivedProfile profile) {
        this.profile = profile;
    }

    void vacation(ArchivedVacation vacation) {
        vacations.add(vacation);
    }

    void photo(io.steadfast.transfer.internal.archive.ArchivedPhoto photo) {
        photos.add(photo);
    }

    void warn(String warning) {
        if (warnings.size() < WARNINGS_MAX) {
            warnings.add(warning);
        } else {
            moreWarnings++;
        }
    }

    void skip(int count) {
        skipped += count;
    }

    Archive archive() {
        List<String> all = new ArrayList<>(warnings);
        if (moreWarnings > 0) {
            all.add("… and " + moreWarnings + " more warnings like these.");
        }
        return new Archive(format, profile, habits, vacations, all, skipped, photos);
    }

    // --- the rules of what can be stored -------------------------------------------------------------------------

    /**
     * A habit's name: control characters and runs of white space as one space, trimmed, at most
     * {@value #NAME_MAX} characters (longer ones are cut, with a warning); {@code fallback} when nothing is left.
     */
    String name(String raw, String fallback) {
        String n = raw == null ? "" : raw.replaceAll("[\\p{Cntrl}\\s]+", " ").strip();
        if (n.isEmpty()) {
            warn("A habit without a name was named '" + fallback + "'.");
            return fallback;
        }
        if (n.length() > NAME_MAX) {
            String cut = cut(n, NAME_MAX).strip();
            warn("habit '" + cut + "': its name was longer than " + NAME_MAX + " characters and was shortened.");
            return cut;
        }
        return n;
    }

    /**
     * A free text (description, unit, note) as it was written, line breaks and tabs included, without other control
     * characters; {@code null} when it is blank; cut to {@code max} characters with a warning naming {@code what}.
     */
    String text(String raw, int max, String what) {
        if (raw == null) {
            return null;
        }
        String t = raw.replaceAll("[\\p{Cntrl}&&[^\r\n\t]]", "");
        if (t.isBlank()) {
            return null;
        }
        if (t.length() > max) {
            warn(what + " was longer than " + max + " characters and was shortened.");
            return cut(t, max);
        }
        return t;
    }

    /** Whether a day lies in the dates the product keeps (1900 to 2199). */
    static boolean inRange(LocalDate date) {
        return date != null && !date.isBefore(DateLimits.MIN) && !date.isAfter(DateLimits.MAX);
    }

    /**
     * A value as it can be stored: rounded to {@link HabitType#MAX_SCALE} decimals; {@code null} when its magnitude
     * is beyond {@link HabitType#MAX_VALUE}.
     */
    static BigDecimal storable(BigDecimal value) {
        if (value == null) {
            return null;
        }
        if (value.abs().compareTo(HabitType.MAX_VALUE) > 0) {
            return null;
        }
        BigDecimal v = value.stripTrailingZeros();
        if (v.scale() > HabitType.MAX_SCALE) {
            v = v.setScale(HabitType.MAX_SCALE, RoundingMode.HALF_UP).stripTrailingZeros();
        }
        return v.scale() < 0 ? v.setScale(0) : v;
    }

    /** The number without an exponent: {@code 10}, never {@code 1E+1}. */
    static BigDecimal plain(BigDecimal value) {
        if (value == null) {
            return null;
        }
        BigDecimal v = value.stripTrailingZeros();
        return v.scale() < 0 ? v.setScale(0) : v;
    }

    private static String cut(String s, int max) {
        int end = max;
        if (Character.isHighSurrogate(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(0, end);
    }

    /** A habit's day records by date, each date once, oldest first; counted against the limits as they come. */
    final class Days {

        private final Map<LocalDate, ArchivedDay> byDate = new TreeMap<>();

        /** Adds a day; a second record of the same date replaces the first (and is not counted twice). */
        ArchivedDay put(ArchivedDay day) {
            ArchivedDay before = byDate.put(day.date(), day);
            if (before == null) {
                daySeen();
            }
            return before;
        }

        ArchivedDay get(LocalDate date) {
            return byDate.get(date);
        }

        boolean isEmpty() {
            return byDate.isEmpty();
        }

        LocalDate first() {
            return byDate.isEmpty() ? null : byDate.keySet().iterator().next();
        }

        List<ArchivedDay> list() {
            return List.copyOf(byDate.values());
        }
    }

    Days days() {
        return new Days();
    }
}
