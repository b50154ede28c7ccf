package io.steadfast.identity.internal.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.completers.StringsCompleter;

import io.steadfast.identity.internal.service.Accounts;

@Service
@Command(scope = "steadfast", name = "user-role", description = "Makes an account an admin or a user")
public class RoleCommand implements Action {

    @Reference
    Accounts accounts;

    @Argument(index = 0, name = "email", required = true, description = "The account's email")
    @Completion(EmailCompleter.class)
    String email;

    @Argument(index = 1, name = "role", required = true, description = "admin or user")
    @Completion(
            value = StringsCompleter.class,
            values = {"admin", "user"})
    String role;

    @Override
    public Object execute() {
        return accounts.changeRole(email, role)
                .map(u -> u.email() + " is now " + u.role())
                .orElse("No account with email " + email);
    }
}
