package io.steadfast.platform.internal.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

import io.steadfast.api.ops.Check.Verdict;
import io.steadfast.platform.internal.ops.Doctor;
import io.steadfast.platform.internal.ops.Operations;

@Service
@Command(
        scope = "steadfast",
        name = "doctor",
        description = "Checks what this node depends on, now, and says in words what is wrong and how to fix it: "
                + "the database (reachable, its latency, every schema migrated), Redis (reachable, its latency; "
                + "or not configured), the clock (system or simulated, and its offset), the SMTP server (when "
                + "e-mail is configured), the free space of the data directory. Ends with one summary line. "
                + "steadfast:health shows what /health reports.")
public class DoctorCommand implements Action {

    @Reference
    Operations operations;

    @Override
    public Object execute() {
        Doctor.Report report = Doctor.run(operations.checks(), System::nanoTime);
        for (Doctor.Line l : report.lines()) {
            System.out.println(String.format(
                    "%-9s %-9s %s (%d ms)",
                    label(l.finding().verdict()), l.name(), l.finding().detail(), l.millis()));
            if (l.finding().fix() != null) {
                System.out.println(
                        String.format("%-9s %-9s -> %s", "", "", l.finding().fix()));
            }
        }
        System.out.println(report.summary());
        return null;
    }

    static String label(Verdict v) {
        switch (v) {
            case OK:
                return "[ok]";
            case WARNING:
                return "[WARNING]";
            case PROBLEM:
                return "[PROBLEM]";
            default:
                return "[off]";
        }
    }
}
