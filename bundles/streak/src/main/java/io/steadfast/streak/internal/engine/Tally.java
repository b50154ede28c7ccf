package io.steadfast.streak.internal.engine;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/**
 * The running state of {@link IncrementalStreaks} at a date {@code x}: everything folded from the ended days from the
 * start date up to {@code x - 1}. It does not depend on the user's today, so it stays valid as long as none of those
 * days changes. Mutable; {@link #copy()} before folding on from a checkpoint.
 */
final class Tally {

    /** The running streak: its length, and its first day (per-day) or period start (per-period). */
    int run;

    LocalDate runStart;
    /** The longest streak so far (ties: the latest). */
    int longest;

    LocalDate longestStart;
    LocalDate longestEnd;
    /** The strength score. */
    double score;
    /** Per-day: done and counted (done, partial or missed) due ended days. Per-period: met and counted periods. */
    long met;

    long counted;
    /** Done days and the sum of the values of done and partial days. */
    long doneDays;

    BigDecimal value = BigDecimal.ZERO;
    /** Done and failed (partial or missed) due ended days per {@link java.time.DayOfWeek#ordinal()}. */
    int[] weekdayDone = new int[7];

    int[] weekdayFailed = new int[7];
    /** Per-period: the done days of the period holding {@code x} before {@code x}; whether they are all skipped. */
    int periodDone;

    boolean periodAllSkipped = true;
    /**
     * Per-period: the last 64 ended periods, bit 0 the most recent: whether each was met, and whether it counted (was
     * not all skipped). They feed the rolling completion windows, which reach back at most 54 weeks or 14 months.
     */
    long recentMet;

    long recentCounted;

    /** A run step that counts: a done day, or a met period, from {@code start} to {@code end}. */
    void count(LocalDate start, LocalDate end) {
        if (run == 0) {
            runStart = start;
        }
        run++;
        if (run >= longest) {
            longest = run;
            longestStart = runStart;
            longestEnd = end;
        }
    }

    /** A run step that breaks the streak. */
    void breakRun() {
        run = 0;
        runStart = null;
    }

    Tally copy() {
        Tally t = new Tally();
        t.run = run;
        t.runStart = runStart;
        t.longest = longest;
        t.longestStart = longestStart;
        t.longestEnd = longestEnd;
        t.score = score;
        t.met = met;
        t.counted = counted;
        t.doneDays = doneDays;
        t.value = value;
        t.weekdayDone = weekdayDone.clone();
        t.weekdayFailed = weekdayFailed.clone();
        t.periodDone = periodDone;
        t.periodAllSkipped = periodAllSkipped;
        t.recentMet = recentMet;
        t.recentCounted = recentCounted;
        return t;
    }

    /** The state as text without {@code |} or {@code :}; the score is kept bit for bit. */
    String encode() {
        return String.join(
                ",",
                Integer.toString(run),
                date(runStart),
                Integer.toString(longest),
                date(longestStart),
                date(longestEnd),
                Long.toHexString(Double.doubleToRawLongBits(score)),
                Long.toString(met),
                Long.toString(counted),
                Long.toString(doneDays),
                value.toString(),
                ints(weekdayDone),
                ints(weekdayFailed),
                Integer.toString(periodDone),
                periodAllSkipped ? "1" : "0",
                Long.toHexString(recentMet),
                Long.toHexString(recentCounted));
    }

    /**
     * The state {@link #encode()} wrote.
     *
     * @throws IllegalArgumentException when the text is not such a state
     */
    static Tally decode(String text) {
        String[] f = text.split(",", -1);
        if (f.length != 16) {
            throw new IllegalArgumentException("not a streak state: " + text);
        }
        try {
            Tally t = new Tally();
            t.run = Integer.parseInt(f[0]);
            t.runStart = date(f[1]);
            t.longest = Integer.parseInt(f[2]);
            t.longestStart = date(f[3]);
            t.longestEnd = date(f[4]);
            t.score = Double.longBitsToDouble(Long.parseUnsignedLong(f[5], 16));
            t.met = Long.parseLong(f[6]);
            t.counted = Long.parseLong(f[7]);
            t.doneDays = Long.parseLong(f[8]);
            t.value = new BigDecimal(f[9]);
            t.weekdayDone = ints(f[10]);
            t.weekdayFailed = ints(f[11]);
            t.periodDone = Integer.parseInt(f[12]);
            t.periodAllSkipped = "1".equals(f[13]);
            t.recentMet = Long.parseUnsignedLong(f[14], 16);
            t.recentCounted = Long.parseUnsignedLong(f[15], 16);
            return t;
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("not a streak state: " + text, e);
        }
    }

    private static String date(LocalDate d) {
        return d == null ? "" : d.toString();
    }

    private static LocalDate date(String s) {
        return s.isEmpty() ? null : LocalDate.parse(s);
    }

    private static String ints(int[] values) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < values.length; i++) {
            b.append(i == 0 ? "" : ".").append(values[i]);
        }
        return b.toString();
    }

    private static int[] ints(String s) {
        String[] parts = s.split("\\.", -1);
        if (parts.length != 7) {
            throw new IllegalArgumentException("expected 7 numbers: " + s);
        }
        int[] values = new int[7];
        for (int i = 0; i < 7; i++) {
            values[i] = Integer.parseInt(parts[i]);
        }
        return values;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Tally t && encode().equals(t.encode());
    }

    @Override
    public int hashCode() {
        return Objects.hash(encode());
    }

    @Override
    public String toString() {
        return "Tally[" + encode() + "]";
    }
}
