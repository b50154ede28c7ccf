package io.steadfast.identity.internal.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

import io.steadfast.identity.internal.domain.Account;
import io.steadfast.identity.internal.service.Accounts;

@Service
@Command(scope = "steadfast", name = "users", description = "Lists the accounts of this server")
public class UsersCommand implements Action {

    @Reference
    Accounts accounts;

    static final int MAX_LIMIT = 10_000;

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
        ShellTable table = new ShellTable();
        table.column("Id");
        table.column("Email");
        table.column("Name");
        table.column("Role");
        table.column("Time zone");
        table.column("Created");
        for (Account u : accounts.list(offset, limit)) {
            table.addRow().addContent(u.id(), u.email(), u.displayName(), u.role(), u.timezone(), u.createdAt());
        }
        table.print(System.out);
        System.out.println(accounts.count() + " account(s)");
        return null;
    }
}
