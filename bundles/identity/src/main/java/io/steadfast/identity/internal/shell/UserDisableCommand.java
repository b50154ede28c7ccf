package io.steadfast.identity.internal.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

import io.steadfast.identity.internal.service.AccountAccess;

@Service
@Command(
        scope = "steadfast",
        name = "user-disable",
        description = "Disables an account: nobody can sign in to it (the right password is answered 403 "
                + "account-disabled, telling the person to ask the administrator) and every session, access token "
                + "and the calendar feed URL of it stop working at once, on every node. Its data stays. Undo with "
                + "steadfast:user-enable.")
public class UserDisableCommand implements Action {

    @Reference
    AccountAccess access;

    @Argument(index = 0, name = "email", required = true, description = "The account's email (Tab completes)")
    @Completion(EmailCompleter.class)
    String email;

    @Override
    public Object execute() {
        return access.disable(email)
                .map(o -> o.changed()
                        ? o.account().email() + " is disabled: " + o.revoked()
                                + " session(s) and token(s) revoked on every node; sign-ins are refused until "
                                + "steadfast:user-enable " + o.account().email()
                        : o.account().email() + " was disabled already (since "
                                + Shell.time(o.account().disabledAt()) + "); " + o.revoked()
                                + " session(s) and token(s) revoked now")
                .orElse("No account with email " + email);
    }
}
