package io.steadfast.identity.internal.rest;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.MediaType;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

import io.steadfast.api.auth.AuthenticatedUser;
import io.steadfast.identity.internal.rest.Dtos.UserDto;
import io.steadfast.identity.internal.rest.Dtos.UserPage;
import io.steadfast.identity.internal.service.Accounts;
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

    @Activate
    public AdminUserResource(@Reference Accounts accounts) {
        this.accounts = accounts;
    }

    @GET
    @Operation(summary = "The accounts of this server, oldest first")
    public UserPage list(@QueryParam("offset") String offsetText, @QueryParam("limit") String limitText) {
        int offset = Params.integer(offsetText, "offset", 0, 0, Integer.MAX_VALUE);
        int limit = Params.integer(limitText, "limit", 50, 1, 500);
        return new UserPage(
                accounts.list(offset, limit).stream().map(UserDto::of).toList(), accounts.count(), offset, limit);
    }
}
