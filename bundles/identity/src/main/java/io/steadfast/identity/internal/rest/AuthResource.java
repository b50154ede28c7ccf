package io.steadfast.identity.internal.rest;

import java.time.Clock;

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
import io.steadfast.api.error.ApiException;
import io.steadfast.api.error.ValidationException;
import io.steadfast.api.link.PublicUrl;
import io.steadfast.identity.internal.Tokens;
import io.steadfast.identity.internal.domain.Session;
import io.steadfast.identity.internal.rest.Dtos.AuthResult;
import io.steadfast.identity.internal.rest.Dtos.CheckResult;
import io.steadfast.identity.internal.rest.Dtos.LoginRequest;
import io.steadfast.identity.internal.rest.Dtos.PasswordResetConfirm;
import io.steadfast.identity.internal.rest.Dtos.PasswordResetRequest;
import io.steadfast.identity.internal.rest.Dtos.RegisterRequest;
import io.steadfast.identity.internal.service.Accounts;
import io.steadfast.identity.internal.service.PasswordResets;
import io.steadfast.identity.internal.service.Sessions;
import io.steadfast.identity.internal.service.Throttling;
import io.steadfast.platform.rest.AnyScope;
import io.steadfast.platform.rest.Auth;
import io.steadfast.platform.rest.Public;
import io.steadfast.platform.rest.RestApi;
import io.steadfast.platform.rest.SessionCookies;
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

    /** The problem type of a sign-in to a disabled account. */
    static final String DISABLED = "account-disabled";

    private final Accounts accounts;
    private final Sessions sessions;
    private final Throttling throttling;
    private final PasswordResets resets;
    private final PublicUrl publicUrl;
    private final Clock clock;

    @Activate
    public AuthResource(
            @Reference Accounts accounts,
            @Reference Sessions sessions,
            @Reference Throttling throttling,
            @Reference PasswordResets resets,
            @Reference PublicUrl publicUrl,
            @Reference Clock clock) {
        this.publicUrl = publicUrl;
        this.clock = clock;
        this.accounts = accounts;
        this.sessions = sessions;
        this.throttling = throttling;
        this.resets = resets;
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
    @io.swagger.v3.oas.annotations.responses.ApiResponse(
            responseCode = "201",
            description = "Created",
            content =
                    @io.swagger.v3.oas.annotations.media.Content(
                            mediaType = "application/json",
                            schema = @io.swagger.v3.oas.annotations.media.Schema(implementation = AuthResult.class)))
    public Response register(RegisterRequest body, @Context HttpServletRequest request) {
        if (body == null) {
            throw new ValidationException("body", "a JSON object is required");
        }
        return session(
                Response.status(201),
                accounts.register(body.registration(), clientAddress(request), userAgent(request)),
                request);
    }

    @POST
    @Path("/login")
    @Public
    @SecurityRequirements
    @Operation(
            summary = "Log in",
            description = "Answers a session token (sliding expiry); with the header X-Steadfast-Session: cookie (the "
                    + "web app) the token comes as the httpOnly cookie sf_session instead, with a CSRF token in the "
                    + "cookie sf_csrf that cookie-authenticated writes repeat in X-CSRF-Token. 401 for an unknown "
                    + "email or a wrong password alike; 429 with Retry-After after repeated failures; 403 "
                    + "account-disabled for the right password of an account an administrator disabled. After a "
                    + "temporary password, passwordChangeRequired is true and the token (an hour) may only change the "
                    + "password or log out.")
    @io.swagger.v3.oas.annotations.responses.ApiResponse(
            responseCode = "200",
            description = "OK",
            content =
                    @io.swagger.v3.oas.annotations.media.Content(
                            mediaType = "application/json",
                            schema = @io.swagger.v3.oas.annotations.media.Schema(implementation = AuthResult.class)))
    public Response login(LoginRequest body, @Context HttpServletRequest request, @Context SecurityContext sc) {
        if (body == null) {
            throw new ValidationException("body", "a JSON object is required");
        }
        Session fresh;
        try {
            fresh = sessions.login(body.email(), body.password(), clientAddress(request), userAgent(request));
        } catch (Sessions.AccountDisabledException e) {
            throw new ApiException(403, DISABLED, "Account Disabled", e.getMessage(), null);
        }
        // a sign-in replaces the session the client held (its cookie or bearer token): it ends, not lingers
        if (sc != null
                && sc.getUserPrincipal() instanceof AuthenticatedUser old
                && (Tokens.SESSION.equals(old.tokenKind()) || Tokens.PASSWORD_CHANGE.equals(old.tokenKind()))) {
            sessions.logout(old.userId(), old.tokenId());
        }
        return session(Response.ok(), fresh, request);
    }

    /**
     * A new session's answer: the token in the body, or — when the web app asks with {@code X-Steadfast-Session:
     * cookie} — in an httpOnly cookie with a CSRF cookie beside it, and not in the body (scripts never see it).
     */
    private Response session(Response.ResponseBuilder answer, Session s, HttpServletRequest request) {
        AuthResult r = AuthResult.of(s);
        if (!SessionCookies.wanted(request.getHeader(SessionCookies.MODE_HEADER))) {
            return answer.entity(r).build();
        }
        for (String c : SessionCookies.issue(s.secret(), s.expiresAt(), clock.instant(), secure(request))) {
            answer.header("Set-Cookie", c);
        }
        return answer.entity(new AuthResult(r.user(), null, r.expiresAt(), r.passwordChangeRequired()))
                .build();
    }

    /** Cookies carry {@code Secure} when the server is reached over https (its public URL, or this request). */
    private boolean secure(HttpServletRequest request) {
        return "https".equalsIgnoreCase(publicUrl.base().getScheme()) || request.isSecure();
    }

    @POST
    @Path("/password-reset")
    @Public
    @SecurityRequirements
    @Operation(
            summary = "Ask for a password reset link by e-mail",
            description = "Answers 202 for known and unknown emails alike; the link works once, for an hour. "
                    + "503 when the server cannot send e-mail (ask the administrator: steadfast:user-reset-password); "
                    + "429 with Retry-After after too many requests from one address.")
    @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "202", description = "Accepted")
    public Response requestPasswordReset(PasswordResetRequest body, @Context HttpServletRequest request) {
        if (body == null) {
            throw new ValidationException("body", "a JSON object is required");
        }
        try {
            resets.requestByEmail(body.email(), clientAddress(request));
        } catch (PasswordResets.MailNotConfiguredException e) {
            throw new ApiException(503, "unavailable", "Service Unavailable", e.getMessage(), null);
        }
        return Response.accepted().build();
    }

    @POST
    @Path("/password-reset/confirm")
    @Public
    @SecurityRequirements
    @Operation(
            summary = "Set a new password with a reset link's token",
            description = "Answers 204; the token works once. Revokes every token of the account: log in with the "
                    + "new password. 410 when the link was used or has expired; 422 when the password breaks the "
                    + "registration's rules (the link stays usable); 429 after repeated failures.")
    @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "204", description = "Done; no content")
    public Response confirmPasswordReset(PasswordResetConfirm body, @Context HttpServletRequest request) {
        if (body == null) {
            throw new ValidationException("body", "a JSON object is required");
        }
        try {
            resets.confirm(body.token(), body.newPassword(), clientAddress(request));
        } catch (PasswordResets.LinkInvalidException e) {
            throw new ApiException(410, "gone", "Gone", e.getMessage(), null);
        }
        return Response.noContent().build();
    }

    @POST
    @Path("/logout")
    @AnyScope
    @AllowedBeforePasswordChange
    @Operation(summary = "Revoke the token of this request, on every node at once")
    @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "204", description = "Done; no content")
    public Response logout(@Context SecurityContext sc, @Context HttpServletRequest request) {
        AuthenticatedUser u = Auth.user(sc);
        sessions.logout(u.userId(), u.tokenId());
        Response.ResponseBuilder answer = Response.noContent();
        if (SessionCookies.SCHEME.equals(sc.getAuthenticationScheme())) {
            for (String c : SessionCookies.clear(secure(request))) {
                answer.header("Set-Cookie", c);
            }
        }
        return answer.build();
    }

    @GET
    @Path("/check")
    @Operation(summary = "Whether the token is valid", description = "200 with the user, 401 without a valid token")
    public CheckResult check(@Context SecurityContext sc) {
        AuthenticatedUser u = Auth.user(sc);
        return new CheckResult(true, u.userId(), u.email());
    }

    /** The client's user agent, without control characters, for the list of sessions. */
    static String userAgent(HttpServletRequest request) {
        String ua = request.getHeader("User-Agent");
        if (ua == null || ua.isBlank()) {
            return null;
        }
        return ua.replaceAll("\\p{Cntrl}", "").strip();
    }

    private String clientAddress(HttpServletRequest request) {
        return throttling.clientAddress(request.getRemoteAddr(), request.getHeader("X-Forwarded-For"));
    }
}
