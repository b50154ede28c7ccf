package io.steadfast.identity.internal.rest;

import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
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
import io.steadfast.identity.internal.rest.Dtos.AccountAccessDto;
import io.steadfast.identity.internal.rest.Dtos.UserDto;
import io.steadfast.identity.internal.rest.Dtos.UserPage;
import io.steadfast.identity.internal.service.AccountAccess;
import io.steadfast.identity.internal.service.Accounts;
import io.steadfast.platform.rest.Auth;
import io.steadfast.platform.rest.Params;
import io.steadfast.platform.rest.RequiresRole;
import io.steadfast.platform.rest.RestApi;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@Component(service = AdminUserResource.class)
@JaxrsResource
@JaxrsApplicationSelect(RestApi.APP_SELECT)
@JSONRequired
@Path("/v1/admin/users")
@Produces(MediaType.APPLICATION_JSON)
@RequiresRole(AuthenticatedUser.ROLE_ADMIN)
@Tag(name = "admin", description = "For administrators (the first account registered is one); 403 to users")
public class AdminUserResource {

    private final Accounts accounts;
    private final AccountAccess access;

    @Activate
    public AdminUserResource(@Reference Accounts accounts, @Reference AccountAccess access) {
        this.accounts = accounts;
        this.access = access;
    }

    @GET
    @Operation(summary = "The accounts of this server, oldest first")
    public UserPage list(@QueryParam("offset") String offsetText, @QueryParam("limit") String limitText) {
        int offset = Params.integer(offsetText, "offset", 0, 0, Integer.MAX_VALUE);
        int limit = Params.integer(limitText, "limit", 50, 1, 500);
        return new UserPage(
                accounts.list(offset, limit).stream().map(UserDto::of).toList(), accounts.count(), offset, limit);
    }

    @POST
    @Path("/{id}/disable")
    @Operation(
            summary = "Disable an account",
            description = "Nobody can sign in to it (the right password answers 403 account-disabled) and every "
                    + "session and token of it stops working at once, on every node; its data stays. Idempotent. "
                    + "Needs an administrator's session (not an access token); 409 for the caller's own account.")
    public AccountAccessDto disable(@PathParam("id") String id, @Context SecurityContext sc) {
        var caller = AccountLevel.require(Auth.user(sc), "disable accounts");
        var o = access.disable(caller.userId(), Params.id(id, "User"));
        return AccountAccessDto.of(o.account(), o.revoked());
    }

    @POST
    @Path("/{id}/enable")
    @Operation(
            summary = "Enable a disabled account again",
            description = "The person can sign in again; the sessions and tokens revoked when it was disabled stay "
                    + "revoked. Idempotent. Needs an administrator's session (not an access token).")
    public AccountAccessDto enable(@PathParam("id") String id, @Context SecurityContext sc) {
        AccountLevel.require(Auth.user(sc), "enable accounts");
        var o = access.enable(Params.id(id, "User"));
        return AccountAccessDto.of(o.account(), o.revoked());
    }
}
