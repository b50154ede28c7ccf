package io.steadfast.identity.internal.rest;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.SecurityContext;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

import io.steadfast.api.auth.AuthenticatedUser;
import io.steadfast.identity.internal.domain.SecurityEvent;
import io.steadfast.identity.internal.service.SecurityLog;
import io.steadfast.platform.rest.Auth;
import io.steadfast.platform.rest.Params;
import io.steadfast.platform.rest.RestApi;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The caller's security log. Account-level: a session may read it, a personal access token gets 403. */
@Component(service = SecurityLogResource.class)
@JaxrsResource
@JaxrsApplicationSelect(RestApi.APP_SELECT)
@JSONRequired
@Path("/v1/me/security-log")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "sessions", description = "The caller's signed-in sessions and security log")
public class SecurityLogResource {

    /** One entry: what happened, when, and the client's address and user agent where there was one. */
    public record EntryDto(UUID id, String kind, Instant at, String address, String userAgent, String detail) {

        static EntryDto of(SecurityEvent e) {
            return new EntryDto(e.id(), e.kind(), e.at(), e.clientAddress(), e.userAgent(), e.detail());
        }
    }

    /** A page of the log, newest first; {@code next} is the {@code before} of the next page, null at the end. */
    public record LogPage(List<EntryDto> entries, String next) {}

    private final SecurityLog log;

    @Activate
    public SecurityLogResource(@Reference SecurityLog log) {
        this.log = log;
    }

    @GET
    @Operation(
            summary = "The caller's security log",
            description = "Newest first: sign-ins and failed ones (with the address and user agent), locks of "
                    + "sign-ins from an address, sign-outs, sessions ended, password and e-mail changes, resets, "
                    + "tokens made and revoked, role changes. kind is one of account-created, sign-in, "
                    + "sign-in-failed, sign-in-locked, sign-out, session-ended, signed-out-everywhere-else, "
                    + "password-changed, password-confirm-failed, password-reset, reset-link-issued, "
                    + "temporary-password-set, email-changed, token-created, token-revoked, tokens-revoked, "
                    + "role-changed. Never a secret. ?limit 1-200 (50); ?before the next of the page before. Kept "
                    + "for 90 days (configurable).")
    public LogPage list(
            @QueryParam("limit") String limitText, @QueryParam("before") String before, @Context SecurityContext sc) {
        AuthenticatedUser u = AccountLevel.require(Auth.user(sc), "read the security log");
        int limit = Params.integer(limitText, "limit", 50, 1, SecurityLog.MAX_PAGE);
        SecurityLog.Page page = log.page(u.userId(), before, limit);
        return new LogPage(page.entries().stream().map(EntryDto::of).toList(), page.next());
    }
}
