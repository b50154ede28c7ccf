package io.steadfast.identity.internal.shell;

import java.util.List;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

import io.steadfast.identity.internal.domain.Account;
import io.steadfast.identity.internal.service.Accounts;

@Service
@Command(
        scope = "steadfast",
        name = "users",
        description = "Lists the accounts of this server, oldest first: id, email, name, role, time zone, created, "
                + "and whether an operator disabled it. With --query only those whose email or name contains the "
                + "text (in any case). Details of one account: steadfast:user <email>.")
public class UsersCommand implements Action {

    @Reference
    Accounts accounts;

    static final int MAX_LIMIT = 10_000;

    @Option(
            name = "--query",
            aliases = "-q",
            description = "Only accounts whose email or display name contains this text, in any case "
                    + "(e.g. --query ann or --query @example.org)")
    String query;

    @Option(name = "--offset", description = "Skip this many accounts (0 or more; default 0)")
    int offset;

    @Option(name = "--limit", description = "Show at most this many accounts (1 to " + MAX_LIMIT + "; default 100)")
    int limit = 100;

    @Override
    public Object execute() {
        if (offset < 0) {
            throw new IllegalArgumentException("--offset must be 0 or more");
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("--limit must be 1 to " + MAX_LIMIT);
        }
        boolean filtered = query != null && !query.isBlank();
        List<Account> page = filtered ? accounts.search(query, offset, limit) : accounts.list(offset, limit);
        ShellTable table = new ShellTable();
        table.column("Id");
        table.column("Email");
        table.column("Name");
        table.column("Role");
        table.column("Time zone");
        table.column("Created");
        table.column("Disabled");
        for (Account u : page) {
            table.addRow()
                    .addContent(
                            u.id(),
                            u.email(),
                            u.displayName(),
                            u.role(),
                            u.timezone(),
                            Shell.time(u.createdAt()),
                            u.disabled() ? "since " + Shell.time(u.disabledAt()) : "no");
        }
        table.print(System.out);
        System.out.println(
                filtered
                        ? accounts.countMatching(query) + " account(s) match \"" + query.trim() + "\" (of "
                                + accounts.count() + ")"
                        : accounts.count() + " account(s)");
        return null;
    }
}
