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

    @Option(name = "--offset", description = "Skip this many accounts")
    int offset;

    @Option(name = "--limit", description = "Show at most this many accounts")
    int limit = 100;

    @Override
    public Object execute() {
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
