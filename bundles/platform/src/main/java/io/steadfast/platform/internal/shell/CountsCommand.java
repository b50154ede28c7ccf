package io.steadfast.platform.internal.shell;

import java.time.Clock;
import java.time.temporal.ChronoUnit;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

import io.steadfast.api.ops.Counter;
import io.steadfast.platform.internal.ops.Operations;

@Service
@Command(
        scope = "steadfast",
        name = "counts",
        description = "Counts what the server holds now, from the database: users, habits, check-ins written "
                + "today (the server's day by its clock, UTC), active sessions (sign-ins not ended nor expired), "
                + "and whatever else the bundles count.")
public class CountsCommand implements Action {

    @Reference
    Operations operations;

    @Reference
    Clock clock;

    @Override
    public Object execute() {
        ShellTable table = new ShellTable();
        table.column("What");
        table.column("Count").alignRight();
        table.column("Counts");
        for (Counter c : operations.counters()) {
            String value;
            String description;
            try {
                description = c.description();
                value = Long.toString(c.count());
            } catch (RuntimeException e) {
                description = "";
                value = "could not count: " + e.getMessage();
            }
            table.addRow().addContent(c.name(), value, description);
        }
        table.print(System.out);
        System.out.println("Counted at " + clock.instant().truncatedTo(ChronoUnit.SECONDS) + " (the server's clock)");
        return null;
    }
}
