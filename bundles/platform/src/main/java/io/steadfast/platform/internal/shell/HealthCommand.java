package io.steadfast.platform.internal.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

import io.steadfast.platform.internal.health.HealthAggregator;
import io.steadfast.platform.internal.health.Readiness;

@Service
@Command(
        scope = "steadfast",
        name = "health",
        description = "Shows every part's health and why (what /health tells an admin), and whether the node is ready")
public class HealthCommand implements Action {

    @Reference
    Readiness readiness;

    @Override
    public Object execute() {
        HealthAggregator.Report full = readiness.full();
        ShellTable table = new ShellTable();
        table.column("Part");
        table.column("Status");
        table.column("Message");
        full.services().forEach((name, s) -> table.addRow().addContent(name, s.status(), s.message()));
        table.print(System.out);
        System.out.println("Health: " + full.status() + "; ready: "
                + (readiness.readiness().healthy() ? "yes" : "no") + " (the API is "
                + (readiness.getAsBoolean() ? "served" : "not served yet: 503 until ready") + ")");
        return null;
    }
}
