package io.steadfast.identity.internal.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

import io.steadfast.identity.internal.IdentityService;

@Service
@Command(scope = "steadfast", name = "user-revoke-tokens",
        description = "Revokes every session and access token of an account, on every node at once")
public class RevokeTokensCommand implements Action {

    @Reference
    IdentityService identity;

    @Argument(index = 0, name = "email", required = true, description = "The account's email")
    String email;

    @Override
    public Object execute() {
        int n = identity.revokeAll(email);
        return n < 0 ? "No account with email " + email : n + " token(s) revoked for " + email;
    }
}
