package io.steadfast.platform.internal.shell;

import java.util.List;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.osgi.framework.BundleContext;

import io.steadfast.platform.internal.ops.Plugins;

@Service
@Command(
        scope = "steadfast",
        name = "plugins",
        description = "Lists the habit types and channel types running now (the built-in ones too) with the bundle "
                + "that provides each: symbolic name, version, state; a type whose key another one already has is "
                + "marked ignored. Then the bundles that would add types but are not running (start one with "
                + "bundle:start <name>, or feature:install its feature). Habits of a type that is not running are "
                + "kept and shown as unavailable; messages for its channels wait.")
public class PluginsCommand implements Action {

    @Reference
    BundleContext context;

    @Override
    public Object execute() {
        ShellTable table = new ShellTable();
        table.column("Kind");
        table.column("Key");
        table.column("Name");
        table.column("Bundle");
        table.column("Version");
        table.column("State");
        table.column("");
        List<Plugins.Row> rows = Plugins.rows(Plugins.registrations(context));
        for (Plugins.Row r : rows) {
            Plugins.Registration g = r.registration();
            table.addRow().addContent(g.kind(), g.key(), g.name(), g.bundle(), g.version(), g.state(), r.note());
        }
        table.print(System.out);
        long habitTypes = rows.stream()
                .filter(r -> r.registration().kind().equals("habit type"))
                .count();
        System.out.println(habitTypes + " habit type(s), " + (rows.size() - habitTypes) + " channel type(s)");
        List<Plugins.Stopped> stopped = Plugins.stopped(context);
        if (stopped.isEmpty()) {
            System.out.println("No plugin bundle is stopped.");
        } else {
            System.out.println("Not running (their types are unavailable until started):");
            for (Plugins.Stopped s : stopped) {
                System.out.println("  " + s.bundle() + " " + s.version() + ": " + s.state());
            }
        }
        return null;
    }
}
