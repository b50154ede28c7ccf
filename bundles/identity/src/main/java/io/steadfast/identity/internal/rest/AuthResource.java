package io.steadfast.identity.internal.rest;

import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

import io.steadfast.api.auth.AuthenticatedUser;
import io.steadfast.api.error.ValidationException;
import io.steadfast.identity.internal.rest.Dtos.AuthResult;
import io.steadfast.identity.internal.rest.Dtos.CheckResult;
import io.steadfast.identity.internal.rest.Dtos.LoginRequest;
import io.steadfast.identity.internal.rest.Dtos.RegisterRequest;
import io.steadfast.identity.internal.service.Accounts;
import io.steadfast.identity.internal.service.Sessions;
import io.steadfast.identity.internal.service.Throttling;
import io.steadfast.platform.rest.AnyScope;
import io.steadfast.platform.rest.Auth;
import io.steadfast.platform.rest.Public;
import io.steadfast.platform.rest.RestApi;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;

@Component(service = AuthResource.class)
@JaxrsResource
@JaxrsApplicationSelect(RestApi.APP_SELECT)
@JSONRequired
@Path("/v1/auth")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "auth", description = "Accounts and session tokens")
public class AuthResource {

    private final Accounts accounts;
    private final Sessions sessions;
    private final Throttling throttling;

    @Activate
    public AuthResource(@Reference Accounts accounts, @Reference Sessions sessions, @Reference Throttling throttling) {
        this.accounts = accounts;
        this.sessions = sessions;
        this.throttling = throttling;
    }

    @POST
    @Path("/register")
    @Public
    @SecurityRequirements
    @Operation(
            summary = "Create an account",
            description = "Answers 201 with the user and a session token. "
                    + "Email unique (409); password at least 10 characters and not a common one (422); timezone an IANA "
                    + "zone id, default UTC.")
    public Response register(RegisterRequest body, @Context HttpServletRequest request) {
        if (body == null) {
            throw new ValidationException("body", "a JSON object is required");
        }
        AuthResult r = AuthResult.of(accounts.register(body.registration(), clientAddress(request)));
        return Response.status(201).entity(r).build();
    }

    @POST
    @Path("/login")
    @Public
    @SecurityRequirements
    @Operation(
            summary = "Log in",
            description = "Answers a session token (sliding expiry). 401 for an unknown "
                    + "email or a wrong password alike; 429 with Retry-After after repeated failures.")
    public AuthResult login(LoginRequest body, @Context HttpServletRequest request) {
        if (body == null) {
            throw new ValidationException("body", "a JSON object is required");
        }
        return AuthResult.of(sessions.login(body.email(), body.password(), clientAddress(request)));
    }

    @POST
    @Path("/logout")
    @AnyScope
    @Operation(summary = "Revoke the token of this request, on every node at once")
    public Response logout(@Context SecurityContext sc) {
        AuthenticatedUser u = Auth.user(sc);
        sessions.logout(u.userId(), u.tokenId());
        return Response.noContent().build();
    }

    @GET
    @Path("/check")
    @Operation(summary = "Whether the token is valid", description = "200 with the user, 401 without a valid token")
    public CheckResult check(@Context SecurityContext sc) {
        AuthenticatedUser u = Auth.user(sc);
        return new CheckResult(true, u.userId(), u.email());
    }

    private String clientAddress(HttpServletRequest request) {
        return throttling.clientAddress(request.getRemoteAddr(), request.getHeader("X-Forwarded-For"));
    }
}
