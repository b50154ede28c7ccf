package io.steadfast.streak.internal.engine;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.TreeSet;

/**
 * What differs between two statistics of one habit, in words for an operator: the figures a person sees (the
 * current and longest streak with their dates, strength, completion rates, done days, the total value, the best
 * weekday, the milestones reached), each as "before → after". Rates and strength differ when they differ by more
 * than rounding (1e-9); values by their numbers, not their scale. Plain Java.
 */
public final class StatsDifferences {

    /** Rates and strength closer than this are the same: what float arithmetic leaves. */
    static final double TOLERANCE = 1e-9;

    private StatsDifferences() {}

    /**
     * One figure that differs.
     *
     * @param what   the figure, e.g. {@code current streak}
     * @param before its value before, in words ({@code -} for none)
     * @param after  its value after
     */
    public record Difference(String what, String before, String after) {

        @Override
        public String toString() {
            return what + " " + before + " → " + after;
        }
    }

    /** The figures that differ from {@code before} to {@code after}, in the order above; empty when none does. */
    public static List<Difference> between(Stats before, Stats after) {
        List<Difference> out = new ArrayList<>();
        Stats.Streak a = before.streak();
        Stats.Streak b = after.streak();
        same(out, "current streak", a.current() + " " + a.unit(), b.current() + " " + b.unit());
        same(out, "current streak start", a.currentStart(), b.currentStart());
        same(out, "longest streak", a.longest() + " " + a.unit(), b.longest() + " " + b.unit());
        same(out, "longest streak start", a.longestStart(), b.longestStart());
        same(out, "longest streak end", a.longestEnd(), b.longestEnd());
        rate(out, "strength", before.strength(), after.strength());
        rate(
                out,
                "completion last 7 days",
                before.completion().last7(),
                after.completion().last7());
        rate(
                out,
                "completion last 30 days",
                before.completion().last30(),
                after.completion().last30());
        rate(
                out,
                "completion last 365 days",
                before.completion().last365(),
                after.completion().last365());
        rate(
                out,
                "completion all time",
                before.completion().allTime(),
                after.completion().allTime());
        same(out, "done days", before.totals().doneDays(), after.totals().doneDays());
        BigDecimal va = before.totals().value();
        BigDecimal vb = after.totals().value();
        if (va.compareTo(vb) != 0) {
            out.add(new Difference(
                    "total value",
                    va.stripTrailingZeros().toPlainString(),
                    vb.stripTrailingZeros().toPlainString()));
        }
        same(out, "best weekday", before.bestWeekday(), after.bestWeekday());
        for (String m : new TreeSet<>(union(before, after))) {
            same(
                    out,
                    "milestone " + m + " reached",
                    before.reached().get(m),
                    after.reached().get(m));
        }
        return out;
    }

    private static java.util.Set<String> union(Stats a, Stats b) {
        java.util.Set<String> keys = new java.util.HashSet<>(a.reached().keySet());
        keys.addAll(b.reached().keySet());
        return keys;
    }

    private static void same(List<Difference> out, String what, Object a, Object b) {
        if (!Objects.equals(a, b)) {
            out.add(new Difference(what, words(a), words(b)));
        }
    }

    private static void rate(List<Difference> out, String what, Double a, Double b) {
        boolean differ = a == null || b == null ? !Objects.equals(a, b) : Math.abs(a - b) > TOLERANCE;
        if (differ) {
            // three decimals, or as many as it takes to see the difference
            int digits = 3;
            while (digits < 12 && rate(a, digits).equals(rate(b, digits))) {
                digits += 3;
            }
            out.add(new Difference(what, rate(a, digits), rate(b, digits)));
        }
    }

    private static String rate(Double r, int digits) {
        return r == null ? "-" : String.format(Locale.ROOT, "%." + digits + "f", r);
    }

    private static String words(Object o) {
        return o == null ? "-" : o.toString();
    }
}
