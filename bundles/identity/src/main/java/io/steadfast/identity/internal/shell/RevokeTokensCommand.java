package io.steadfast.identity.internal.shell;

import java.util.OptionalInt;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

import io.steadfast.identity.internal.service.AccessTokens;

@Service
@Command(
        scope = "steadfast",
        name = "user-revoke-tokens",
        description = "Revokes every session and access token of an account, on every node at once")
public class RevokeTokensCommand implements Action {

    @Reference
    AccessTokens tokens;

    @Argument(index = 0, name = "email", required = true, description = "The account's email")
    @Completion(EmailCompleter.class)
    String email;

    @Override
    public Object execute() {
        OptionalInt n = tokens.revokeAll(email);
        return n.isEmpty() ? "No account with email " + email : n.getAsInt() + " token(s) revoked for " + email;
    }
}
