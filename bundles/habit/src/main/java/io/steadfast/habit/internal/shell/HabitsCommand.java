package io.steadfast.habit.internal.shell;

import java.time.temporal.ChronoUnit;
import java.util.List;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

import io.steadfast.api.account.UserDirectory;
import io.steadfast.api.account.UserProfile;
import io.steadfast.habit.api.HabitDirectory;
import io.steadfast.habit.api.HabitInfo;

@Service
@Command(
        scope = "steadfast",
        name = "habits",
        description = "Lists the habits of an account, archived ones included, in the owner's order: id, name, type "
                + "(marked when its plugin is not running), schedule, archived, created. The ids are what "
                + "steadfast:stats-recompute --habit takes.")
public class HabitsCommand implements Action {

    @Reference
    UserDirectory users;

    @Reference
    HabitDirectory habits;

    @Option(name = "--user", aliases = "-u", required = true, description = "The owner's email (Tab completes)")
    @Completion(EmailCompleter.class)
    String user;

    @Override
    public Object execute() {
        UserProfile owner = users.findByEmail(user)
                .orElseThrow(() -> new IllegalArgumentException("No account has the email " + user));
        List<HabitInfo> list = habits.ofUser(owner.id());
        ShellTable table = new ShellTable();
        table.column("Id");
        table.column("Name");
        table.column("Type");
        table.column("Schedule");
        table.column("Archived");
        table.column("Created");
        for (HabitInfo h : list) {
            table.addRow()
                    .addContent(
                            h.id(),
                            h.name(),
                            h.available() ? h.type() : h.type() + " (plugin not running)",
                            h.schedule().text(),
                            h.archived() ? "yes" : "no",
                            h.createdAt().truncatedTo(ChronoUnit.SECONDS));
        }
        table.print(System.out);
        long archived = list.stream().filter(HabitInfo::archived).count();
        System.out.println(
                list.size() + " habit(s) of " + owner.email() + (archived > 0 ? ", " + archived + " archived" : ""));
        return null;
    }
}
