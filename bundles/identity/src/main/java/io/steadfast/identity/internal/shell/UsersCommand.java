package io.steadfast.identity.internal.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

import io.steadfast.identity.internal.IdentityService;
import io.steadfast.identity.internal.rest.Dtos.UserDto;

@Service
@Command(scope = "steadfast", name = "users", description = "Lists the accounts of this server")
public class UsersCommand implements Action {

    @Reference
    IdentityService identity;

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
        for (UserDto u : identity.listUsers(offset, limit)) {
            table.addRow().addContent(u.id(), u.email(), u.displayName(), u.role(), u.timezone(), u.createdAt());
        }
        table.print(System.out);
        System.out.println(identity.countUsers() + " account(s)");
        return null;
    }
}
