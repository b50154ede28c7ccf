package io.steadfast.platform.internal.ops;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

import io.steadfast.api.ops.Check;
import io.steadfast.api.ops.Check.Finding;
import io.steadfast.api.ops.Check.Verdict;

/**
 * Runs the checks of {@code steadfast:doctor} and sums them up. Of two checks of one name the higher service ranking
 * answers; the parts a server always has come first ({@link #ORDER}), then the others by name. A check that throws or
 * answers nothing is a {@link Verdict#PROBLEM} saying so. Plain Java.
 */
public final class Doctor {

    /** The parts in the order an operator reads them: what everything needs first. */
    static final List<String> ORDER = List.of("database", "redis", "clock", "smtp", "disk");

    private Doctor() {}

    /** A registered check with its service ranking. */
    public record Entry(Check check, int ranking) {}

    /** One part's finding, and how long its check took. */
    public record Line(String name, Finding finding, long millis) {}

    /** Every part's finding. */
    public record Report(List<Line> lines) {

        public List<String> named(Verdict v) {
            return lines.stream()
                    .filter(l -> l.finding().verdict() == v)
                    .map(Line::name)
                    .toList();
        }

        /**
         * One line: how many checks, how many fine, and which parts have problems, warnings or are off, e.g.
         * {@code 5 checks: 3 fine, 1 warning (clock), no problem; not configured: redis}.
         */
        public String summary() {
            List<String> problems = named(Verdict.PROBLEM);
            List<String> warnings = named(Verdict.WARNING);
            List<String> off = named(Verdict.OFF);
            StringBuilder s = new StringBuilder();
            s.append(problems.isEmpty() ? "Doctor: healthy. " : "Doctor: NOT healthy. ");
            s.append(lines.size())
                    .append(" check(s): ")
                    .append(named(Verdict.OK).size())
                    .append(" fine, ");
            s.append(
                    problems.isEmpty()
                            ? "no problem"
                            : problems.size() + " problem(s) (" + String.join(", ", problems) + ")");
            if (!warnings.isEmpty()) {
                s.append(", ")
                        .append(warnings.size())
                        .append(" warning(s) (")
                        .append(String.join(", ", warnings))
                        .append(')');
            }
            if (!off.isEmpty()) {
                s.append("; not configured: ").append(String.join(", ", off));
            }
            return s.toString();
        }

        public boolean healthy() {
            return named(Verdict.PROBLEM).isEmpty();
        }
    }

    /** Of the checks of each name the highest-ranked, in {@link #ORDER} and then by name. */
    public static List<Check> winners(Collection<Entry> entries) {
        Map<String, Entry> best = new LinkedHashMap<>();
        for (Entry e : entries) {
            String name;
            try {
                name = e.check().name();
            } catch (RuntimeException broken) {
                continue;
            }
            best.merge(name, e, (a, b) -> a.ranking() >= b.ranking() ? a : b);
        }
        List<String> names = new ArrayList<>(best.keySet());
        names.sort(Comparator.comparingInt((String n) -> ORDER.contains(n) ? ORDER.indexOf(n) : ORDER.size())
                .thenComparing(Comparator.naturalOrder()));
        return names.stream().map(n -> best.get(n).check()).toList();
    }

    /** Runs each check in turn, timing it with {@code nanos} (a stopwatch, not domain time). */
    public static Report run(List<Check> checks, LongSupplier nanos) {
        List<Line> lines = new ArrayList<>();
        for (Check c : checks) {
            long started = nanos.getAsLong();
            Finding f;
            try {
                f = c.run();
                if (f == null) {
                    f = Finding.problem("the check gave no answer", "report this: a check must always answer");
                }
            } catch (RuntimeException e) {
                f = Finding.problem(
                        "the check itself failed: " + e,
                        "see the log (log:display) and report this: checks never throw");
            }
            lines.add(new Line(c.name(), f, (nanos.getAsLong() - started) / 1_000_000));
        }
        return new Report(lines);
    }
}
