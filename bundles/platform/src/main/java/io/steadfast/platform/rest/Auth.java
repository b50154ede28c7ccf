package io.steadfast.platform.rest;

import javax.ws.rs.core.SecurityContext;

import io.steadfast.api.auth.AuthenticatedUser;
import io.steadfast.api.error.ApiException;

/** Reads the caller in a resource: {@code Auth.user(securityContext)} with {@code @Context SecurityContext}. */
public final class Auth {

    private Auth() {}

    /** The authenticated caller; 401 when there is none (a resource marked {@link Public} called anonymously). */
    public static AuthenticatedUser user(SecurityContext context) {
        if (context != null && context.getUserPrincipal() instanceof AuthenticatedUser) {
            return (AuthenticatedUser) context.getUserPrincipal();
        }
        throw ApiException.unauthorized("Authentication required");
    }
}
