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
        name = "user-enable",
        description = "Enables a disabled account again: the person can sign in with their password. The sessions "
                + "and access tokens revoked when it was disabled stay revoked (sign in again, make new tokens), and "
                + "so does the old calendar feed URL.")
public class UserEnableCommand implements Action {

    static final String STAY_REVOKED =
            "the sessions and access tokens revoked when it was disabled stay revoked: the person signs in again and "
                    + "makes new tokens";

    @Reference
    AccountAccess access;

    @Argument(index = 0, name = "email", required = true, description = "The account's email (Tab completes)")
    @Completion(EmailCompleter.class)
    String email;

    @Override
    public Object execute() {
        return access.enable(email)
                .map(o -> o.changed()
                        ? o.account().email() + " is enabled: sign-in works again; " + STAY_REVOKED
                        : o.account().email() + " was not disabled; nothing changed")
                .orElse("No account with email " + email);
    }
}
