package io.steadfast.streak.internal.shell;

import java.io.PrintStream;
import java.util.List;
import java.util.UUID;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

import io.steadfast.streak.internal.service.StatsRecomputation;
import io.steadfast.streak.internal.service.StatsRecomputation.Result;

@Service
@Command(
        scope = "steadfast",
        name = "stats-recompute",
        description = "Re-derives the statistics (streaks, strength, completion, totals, milestones) of one habit, of "
                + "an account's habits or of every habit from their check-ins, and reports each difference it "
                + "found and fixed (e.g. current streak 3 days → 4 days). Statistics are kept incrementally; use "
                + "this after changing check-ins outside the API (a restore, a manual SQL fix). Safe to run at any "
                + "time: a habit whose statistics agree is left as it is.")
public class StatsRecomputeCommand implements Action {

    @Reference
    StatsRecomputation recomputation;

    @Option(name = "--user", aliases = "-u", description = "Every habit of the account with this email")
    @Completion(EmailCompleter.class)
    String user;

    @Option(name = "--habit", description = "The habit with this id (steadfast:habits --user <email> lists them)")
    @Completion(HabitIdCompleter.class)
    String habit;

    @Option(name = "--all", description = "Every habit of the server, a page at a time")
    boolean all;

    @Override
    public Object execute() {
        int chosen = (user != null ? 1 : 0) + (habit != null ? 1 : 0) + (all ? 1 : 0);
        if (chosen != 1) {
            throw new IllegalArgumentException("Give exactly one of --user <email>, --habit <id> or --all");
        }
        Tally tally = new Tally(System.out);
        if (habit != null) {
            UUID id;
            try {
                id = UUID.fromString(habit.trim());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--habit takes a habit id such as 3f0c…: " + habit);
            }
            tally.add(recomputation
                    .habit(id)
                    .orElseThrow(() -> new IllegalArgumentException("No habit has the id " + habit)));
        } else if (user != null) {
            List<Result> results = recomputation
                    .user(user)
                    .orElseThrow(() -> new IllegalArgumentException("No account has the email " + user));
            results.forEach(tally::add);
        } else {
            recomputation.all(tally::add);
        }
        System.out.println(tally.summary());
        return null;
    }

    /** The results so far: each fixed or skipped habit as a line, and the summary at the end. */
    static final class Tally {
        private final PrintStream out;
        int habits;
        int fixed;
        int skipped;

        Tally(PrintStream out) {
            this.out = out;
        }

        void add(Result r) {
            habits++;
            String name = "habit " + r.habit().id() + " \"" + r.habit().name() + "\" of " + r.owner();
            if (r.skipped() != null) {
                skipped++;
                out.println(name + ": skipped, " + r.skipped());
            } else if (r.fixed()) {
                fixed++;
                out.println(name + ": "
                        + String.join(
                                "; ",
                                r.differences().stream().map(Object::toString).toList()));
            }
        }

        String summary() {
            if (habits == 0) {
                return "No habits to recompute.";
            }
            if (fixed == 0 && skipped == 0) {
                return "No differences: the statistics of " + habits + " habit(s) agree with their check-ins.";
            }
            return habits + " habit(s) recomputed: " + fixed + " fixed (the figures above), "
                    + (habits - fixed - skipped) + " without differences, " + skipped + " skipped.";
        }
    }
}
