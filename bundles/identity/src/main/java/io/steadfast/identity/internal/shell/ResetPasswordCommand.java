package io.steadfast.identity.internal.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

import io.steadfast.identity.internal.service.PasswordResets;

@Service
@Command(
        scope = "steadfast",
        name = "user-reset-password",
        description = "Resets the password of an account: prints a single-use reset link (valid one hour) to give the "
                + "person, or with --temporary sets a temporary password that must be changed at the next sign-in. "
                + "Either way every session and access token of the account is revoked at once.")
public class ResetPasswordCommand implements Action {

    static final String REVOKED = "Every session and access token of the account was revoked.";

    @Reference
    PasswordResets resets;

    @Argument(index = 0, name = "email", required = true, description = "The account's email")
    @Completion(EmailCompleter.class)
    String email;

    @Option(
            name = "--temporary",
            description = "Set a random temporary password instead (shown once): a sign-in with it can only change "
                    + "the password")
    boolean temporary;

    @Override
    public Object execute() {
        if (temporary) {
            return resets.setTemporaryPassword(email)
                    .map(p -> "Temporary password for " + email + " (shown once; it must be changed at the next "
                            + "sign-in):\n" + p + "\n" + REVOKED)
                    .orElse("No account with email " + email);
        }
        return resets.issueLink(email)
                .map(l -> "Reset link for " + l.email() + " (single use, valid until " + l.expiresAt() + "):\n"
                        + l.link() + "\n" + REVOKED)
                .orElse("No account with email " + email);
    }
}
