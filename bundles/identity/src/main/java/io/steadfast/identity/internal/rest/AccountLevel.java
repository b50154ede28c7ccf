package io.steadfast.identity.internal.rest;

import io.steadfast.api.auth.AuthenticatedUser;
import io.steadfast.api.error.ApiException;
import io.steadfast.identity.internal.Tokens;

/**
 * Changes to the account itself — the password, the e-mail, deleting the account, making or revoking tokens —
 * need the person, signed in: a session, not a personal access token. A leaked token can read and write habits
 * within its scopes, but never take the account over (mint a token that outlives it, lock the owner out by
 * changing the password, delete the account). The session a temporary password opens may change the password.
 */
final class AccountLevel {

    static final String TYPE = "session-required";

    private AccountLevel() {}

    /** The caller, when a session may make account-level changes; 403 {@code session-required} otherwise. */
    static AuthenticatedUser require(AuthenticatedUser caller, String what) {
        String kind = caller.tokenKind();
        if (Tokens.SESSION.equals(kind) || Tokens.PASSWORD_CHANGE.equals(kind)) {
            return caller;
        }
        throw new ApiException(
                403,
                TYPE,
                "Session Required",
                "A personal access token cannot " + what + ": sign in (POST /api/v1/auth/login) and use that "
                        + "session",
                null);
    }
}
