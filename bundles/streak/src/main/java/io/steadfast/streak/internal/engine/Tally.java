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
    /** Per-period: the day the period holding {@code x} reached its count, {@code null} while it has not. */
    LocalDate periodMetOn;
    /**
     * The first day each {@link Rules#STREAK_MILESTONES streak} and {@link Rules#DONE_MILESTONES done-days} milestone
     * was reached, {@code null} while it has not been: the streak milestones first, then the done-days ones.
     */
    LocalDate[] reached = new LocalDate[Rules.STREAK_MILESTONES.length + Rules.DONE_MILESTONES.length];
    /**
     * Per-period: the last 64 ended periods, bit 0 the most recent: whether each was met, and whether it counted (was
     * not all skipped). They feed the rolling completion windows, which reach back at most 54 weeks or 14 months.
     */
    long recentMet;

    long recentCounted;
    /**
     * Per-day: the last {@value #RECENT_DAYS} folded days, bit 0 of word 0 the most recent: whether each was a due
     * done day, and whether it was a due failed (partial or missed) day. They feed the rolling completion windows
     * (at most {@link Rules#LONGEST_WINDOW} days), so that statistics never read a year of days back.
     */
    long[] recentDone = new long[RECENT_WORDS];

    long[] recentFailed = new long[RECENT_WORDS];

    static final int RECENT_WORDS = 6;
    static final int RECENT_DAYS = RECENT_WORDS * Long.SIZE;

    /** Per-day: shifts a folded day into the recent bits. */
    void recentDay(boolean done, boolean failed) {
        shift(recentDone, done);
        shift(recentFailed, failed);
    }

    private static void shift(long[] words, boolean bit) {
        for (int i = words.length - 1; i > 0; i--) {
            words[i] = words[i] << 1 | words[i - 1] >>> 63;
        }
        words[0] = words[0] << 1 | (bit ? 1 : 0);
    }

    /** How many of the {@code days} most recent folded days have their bit set in {@code words}. */
    static long recentCount(long[] words, int days) {
        long n = 0;
        for (int i = 0; i < words.length && days > 0; i++, days -= Long.SIZE) {
            long w = days >= Long.SIZE ? words[i] : words[i] & ((1L << days) - 1);
            n += Long.bitCount(w);
        }
        return n;
    }

    /**
     * A run step that counts: a done day, or a met period, from {@code start} to {@code end}, reached on
     * {@code reachedOn} (the done day, or the day the period's count was met).
     */
    void count(LocalDate start, LocalDate end, LocalDate reachedOn) {
        if (run == 0) {
            runStart = start;
        }
        run++;
        for (int i = 0; i < Rules.STREAK_MILESTONES.length; i++) {
            if (reached[i] == null && run >= Rules.STREAK_MILESTONES[i]) {
                reached[i] = reachedOn;
            }
        }
        if (run >= longest) {
            longest = run;
            longestStart = runStart;
            longestEnd = end;
        }
    }

    /** A done day on {@code date}: the done days and their milestones. */
    void doneDay(LocalDate date) {
        doneDays++;
        int base = Rules.STREAK_MILESTONES.length;
        for (int i = 0; i < Rules.DONE_MILESTONES.length; i++) {
            if (reached[base + i] == null && doneDays >= Rules.DONE_MILESTONES[i]) {
                reached[base + i] = date;
            }
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
        t.periodMetOn = periodMetOn;
        t.reached = reached.clone();
        t.recentMet = recentMet;
        t.recentCounted = recentCounted;
        t.recentDone = recentDone.clone();
        t.recentFailed = recentFailed.clone();
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
                Long.toHexString(recentCounted),
                date(periodMetOn),
                dates(reached),
                words(recentDone),
                words(recentFailed));
    }

    /**
     * The state {@link #encode()} wrote.
     *
     * @throws IllegalArgumentException when the text is not such a state
     */
    static Tally decode(String text) {
        String[] f = text.split(",", -1);
        if (f.length != 20) {
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
            t.periodMetOn = date(f[16]);
            t.reached = dates(f[17], t.reached.length);
            t.recentDone = words(f[18]);
            t.recentFailed = words(f[19]);
            return t;
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("not a streak state: " + text, e);
        }
    }

    /** Hex words joined by {@code .}; the empty text when all are zero (per-period habits never set them). */
    private static String words(long[] words) {
        boolean zero = true;
        for (long w : words) {
            zero &= w == 0;
        }
        if (zero) {
            return "";
        }
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < words.length; i++) {
            b.append(i == 0 ? "" : ".").append(Long.toHexString(words[i]));
        }
        return b.toString();
    }

    private static long[] words(String s) {
        long[] words = new long[RECENT_WORDS];
        if (s.isEmpty()) {
            return words;
        }
        String[] parts = s.split("\\.", -1);
        if (parts.length != RECENT_WORDS) {
            throw new IllegalArgumentException("expected " + RECENT_WORDS + " words: " + s);
        }
        for (int i = 0; i < RECENT_WORDS; i++) {
            words[i] = Long.parseUnsignedLong(parts[i], 16);
        }
        return words;
    }

    private static String date(LocalDate d) {
        return d == null ? "" : d.toString();
    }

    private static LocalDate date(String s) {
        return s.isEmpty() ? null : LocalDate.parse(s);
    }

    private static String dates(LocalDate[] values) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < values.length; i++) {
            b.append(i == 0 ? "" : ".").append(date(values[i]));
        }
        return b.toString();
    }

    private static LocalDate[] dates(String s, int n) {
        String[] parts = s.split("\\.", -1);
        if (parts.length != n) {
            throw new IllegalArgumentException("expected " + n + " dates: " + s);
        }
        LocalDate[] values = new LocalDate[n];
        for (int i = 0; i < n; i++) {
            values[i] = date(parts[i]);
        }
        return values;
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
