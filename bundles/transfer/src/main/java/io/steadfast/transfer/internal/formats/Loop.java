package io.steadfast.transfer.internal.formats;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DayOfWeek;
import java.util.EnumSet;
import java.util.Set;

import io.steadfast.habit.api.Schedule;

/**
 * What the two Loop Habit Tracker formats share: its frequencies, its colour palette, its week-day sets and its
 * values. Learnt from Loop's source (uhabits-core: {@code Frequency}, {@code PaletteColor}, {@code WeekdayList},
 * {@code Entry}, {@code Timestamp.weekday}).
 */
final class Loop {

    /** A yes/no day checked by the user. */
    static final int YES_MANUAL = 2;
    /** A yes/no day Loop counts as done because the frequency did not ask for it: not a check-in. */
    static final int YES_AUTO = 1;

    static final int NO = 0;
    /** A skipped day (for measurable habits too: the value 3 means skip, not 0.003). */
    static final int SKIP = 3;
    /** No data. */
    static final int UNKNOWN = -1;

    /** Loop's 20 colours (palette indices 0 to 19, since its database version 21), as in its CSV export. */
    private static final String[] PALETTE = {
        "#d32f2f", "#e64a19", "#f57c00", "#ff8f00", "#f9a825", "#afb42b", "#7cb342", "#388e3c", "#00897b", "#00acc1",
        "#039be5", "#1976d2", "#303f9f", "#5e35b1", "#8e24aa", "#d81b60", "#5d4037", "#303030", "#757575", "#aaaaaa"
    };

    /** The 20-colour index of each index of the 13-colour palette of database versions 14 to 20 (its migration 21). */
    private static final int[] OLD_PALETTE = {0, 1, 4, 5, 7, 8, 9, 10, 13, 14, 15, 17, 19};

    private Loop() {}

    /** The colour of a palette index of a database of {@code version}; {@code null} when there is none. */
    static String color(Integer stored, int version) {
        if (stored == null) {
            return null;
        }
        int c = stored;
        if (version > 0 && version < 14) { // an Android colour int (ARGB)
            return String.format("#%06x", c & 0xffffff);
        }
        if (version > 0 && version < 21) {
            c = c >= 0 && c < OLD_PALETTE.length ? OLD_PALETTE[c] : 0;
        }
        return c >= 0 && c < PALETTE.length ? PALETTE[c] : null;
    }

    /** A colour from a CSV cell: {@code #RRGGBB} in lower case, or {@code null}. */
    static String csvColor(String cell) {
        if (cell == null) {
            return null;
        }
        String c = cell.strip().toLowerCase(java.util.Locale.ROOT);
        return c.matches("#[0-9a-f]{6}") ? c : null;
    }

    /**
     * The days of a reminder: bit 0 is Saturday, bit 1 Sunday, bit 2 Monday … bit 6 Friday ({@code WeekdayList},
     * indexed by {@code Calendar.DAY_OF_WEEK % 7}). All seven, or none, is every day: the empty set.
     */
    static Set<DayOfWeek> weekdays(int mask) {
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        for (int bit = 0; bit < 7; bit++) {
            if ((mask & (1 << bit)) != 0) {
                days.add(DayOfWeek.SATURDAY.plus(bit));
            }
        }
        return days.size() == 7 || days.isEmpty() ? Set.of() : days;
    }

    /** A schedule and, when it is not exactly Loop's, what became of it. */
    record Frequency(Schedule schedule, String warning) {}

    /**
     * The schedule of a yes/no habit done {@code num} times in {@code den} days: 1/1 (and n/n) daily; n/7 times per
     * week; 1/n every n days; n/30 and n/31 times per month; any other the nearest honest one, with a warning.
     */
    static Frequency frequency(int num, int den) {
        if (num <= 0 || den <= 0) {
            return new Frequency(
                    new Schedule.Daily(), "its frequency (" + num + "/" + den + ") was not valid; it is now every day");
        }
        if (num >= den) {
            return new Frequency(
                    new Schedule.Daily(),
                    num == den ? null : "its frequency of " + num + " times in " + den + " days became every day");
        }
        if (den == 7) {
            return new Frequency(new Schedule.TimesPerWeek(num), null);
        }
        if (num == 1 && den <= Schedule.EveryNDays.MAX) {
            return new Frequency(new Schedule.EveryNDays(den), null);
        }
        if (den == 30 || den == 31) {
            return new Frequency(new Schedule.TimesPerMonth(num), null);
        }
        if (num == 1) {
            return new Frequency(
                    new Schedule.EveryNDays(Schedule.EveryNDays.MAX),
                    "its frequency of once in " + den + " days became once every " + Schedule.EveryNDays.MAX + " days");
        }
        // n times in d days: as often per week or per month, rounded up so that it is not made easier
        double perWeek = num * 7.0 / den;
        if (perWeek >= 1 && Math.abs(perWeek - Math.rint(perWeek)) < 1e-9) {
            return new Frequency(new Schedule.TimesPerWeek((int) Math.rint(perWeek)), null);
        }
        if (den < 30) {
            int times = (int) Math.min(7, Math.ceil(perWeek));
            return new Frequency(
                    new Schedule.TimesPerWeek(Math.max(1, times)),
                    "its frequency of " + num + " times in " + den + " days became " + Math.max(1, times)
                            + " times per week");
        }
        int perMonth = (int) Math.max(1, Math.min(31, Math.ceil(num * 30.0 / den)));
        return new Frequency(
                new Schedule.TimesPerMonth(perMonth),
                "its frequency of " + num + " times in " + den + " days became " + perMonth + " times per month");
    }

    /**
     * The daily target of a measurable habit whose target is per {@code den} days (Loop: 1 a day, 7 a week, 30 a
     * month): the target divided by the days, rounded to 2 decimals (up for "at least", down for "at most", so
     * that neither is made easier).
     */
    static BigDecimal dailyTarget(BigDecimal target, int den, boolean atLeast) {
        if (den <= 1) {
            return target;
        }
        return target.divide(BigDecimal.valueOf(den), 2, atLeast ? RoundingMode.CEILING : RoundingMode.FLOOR)
                .stripTrailingZeros();
    }

    /** A stored measurable value (the amount times 1000) as the amount. */
    static BigDecimal amount(long stored) {
        return Collector.plain(BigDecimal.valueOf(stored).movePointLeft(3));
    }
}
