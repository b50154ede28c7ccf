package io.steadfast.identity.internal.rest;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
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
import io.steadfast.identity.internal.domain.SessionInfo;
import io.steadfast.identity.internal.service.Sessions;
import io.steadfast.platform.rest.Auth;
import io.steadfast.platform.rest.RestApi;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The caller's sessions: where each was opened and when last used, ending one, and signing out everywhere else.
 * Account-level, like the password: a session may do this, a personal access token gets 403 {@code
 * session-required}.
 */
@Component(service = SessionResource.class)
@JaxrsResource
@JaxrsApplicationSelect(RestApi.APP_SELECT)
@JSONRequired
@Path("/v1/me/sessions")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "sessions", description = "The caller's signed-in sessions; end one, or all but this one")
public class SessionResource {

    /** A session, without its secret. */
    public record SessionDto(
            UUID id,
            String kind,
            String userAgent,
            String address,
            Instant createdAt,
            Instant lastUsedAt,
            Instant expiresAt,
            boolean current) {

        static SessionDto of(SessionInfo s) {
            return new SessionDto(
                    s.id(),
                    s.kind(),
                    s.userAgent(),
                    s.clientAddress(),
                    s.createdAt(),
                    s.lastUsedAt(),
                    s.expiresAt(),
                    s.current());
        }
    }

    /** What signing out everywhere else did. */
    public record Ended(int ended) {}

    private final Sessions sessions;

    @Activate
    public SessionResource(@Reference Sessions sessions) {
        this.sessions = sessions;
    }

    @GET
    @Operation(
            summary = "The caller's open sessions",
            description = "Most recently used first: the user agent and address each signed in from, when it was "
                    + "opened, last used and expires, and which is the caller's (current). Personal access tokens "
                    + "are at /api/v1/me/tokens.")
    public List<SessionDto> list(@Context SecurityContext sc) {
        AuthenticatedUser u = AccountLevel.require(Auth.user(sc), "list the sessions");
        return sessions.list(u.userId(), u.tokenId()).stream()
                .map(SessionDto::of)
                .toList();
    }

    @DELETE
    @Path("/{id}")
    @Operation(
            summary = "End a session",
            description = "It stops working at once on every node. Ending the caller's own session is a logout. "
                    + "404 for an id that is not one of the caller's open sessions.")
    @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "204", description = "Done; no content")
    public Response end(@PathParam("id") String id, @Context SecurityContext sc) {
        AuthenticatedUser u = AccountLevel.require(Auth.user(sc), "end sessions");
        sessions.end(u.userId(), parse(id));
        return Response.noContent().build();
    }

    @POST
    @Path("/revoke-others")
    @Operation(
            summary = "Sign out everywhere else",
            description = "Every session but the caller's ends at once on every node, and so does the secret "
                    + "calendar feed URL (make a new one). Personal access tokens stay: revoke them at "
                    + "/api/v1/me/tokens, or change the password, which ends everything.")
    public Ended revokeOthers(@Context SecurityContext sc) {
        AuthenticatedUser u = AccountLevel.require(Auth.user(sc), "end sessions");
        return new Ended(sessions.endOthers(u.userId(), u.tokenId()));
    }

    private static UUID parse(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ApiException.notFound("Session");
        }
    }
}
