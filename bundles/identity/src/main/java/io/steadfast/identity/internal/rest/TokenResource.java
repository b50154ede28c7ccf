package io.steadfast.identity.internal.rest;

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

import io.steadfast.api.error.ApiException;
import io.steadfast.api.error.ValidationException;
import io.steadfast.api.link.PublicUrl;
import io.steadfast.identity.internal.rest.Dtos.NewToken;
import io.steadfast.identity.internal.rest.Dtos.TokenDto;
import io.steadfast.identity.internal.rest.Dtos.TokenRequest;
import io.steadfast.identity.internal.service.AccessTokens;
import io.steadfast.platform.rest.Auth;
import io.steadfast.platform.rest.RestApi;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@Component(service = TokenResource.class)
@JaxrsResource
@JaxrsApplicationSelect(RestApi.APP_SELECT)
@JSONRequired
@Path("/v1/me/tokens")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "tokens", description = "Personal access tokens for integrations")
public class TokenResource {

    private final AccessTokens tokens;
    private final PublicUrl publicUrl;

    @Activate
    public TokenResource(@Reference AccessTokens tokens, @Reference PublicUrl publicUrl) {
        this.tokens = tokens;
        this.publicUrl = publicUrl;
    }

    @POST
    @Operation(
            summary = "Create a personal access token",
            description = "{name, scopes: [read|write], "
                    + "expiresAt?}. The secret is in the answer once and never again. A read token gets 403 on writes.")
    @io.swagger.v3.oas.annotations.responses.ApiResponse(
            responseCode = "201",
            description = "Created",
            content =
                    @io.swagger.v3.oas.annotations.media.Content(
                            mediaType = "application/json",
                            schema = @io.swagger.v3.oas.annotations.media.Schema(implementation = NewToken.class)))
    public Response create(TokenRequest body, @Context SecurityContext sc) {
        if (body == null) {
            throw new ValidationException("body", "a JSON object is required");
        }
        NewToken t = NewToken.of(tokens.create(
                AccountLevel.require(Auth.user(sc), "make tokens").userId(),
                body.name(),
                body.scopes(),
                body.expiresAt()));
        return Response.created(publicUrl.api("/v1/me/tokens/" + t.id()))
                .entity(t)
                .build();
    }

    @GET
    @Operation(summary = "The caller's personal access tokens (never their secrets)")
    public List<TokenDto> list(@Context SecurityContext sc) {
        return tokens.list(Auth.user(sc).userId()).stream().map(TokenDto::of).toList();
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Revoke a personal access token")
    @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "204", description = "Done; no content")
    public Response revoke(@PathParam("id") String id, @Context SecurityContext sc) {
        tokens.revoke(AccountLevel.require(Auth.user(sc), "revoke tokens").userId(), parse(id));
        return Response.noContent().build();
    }

    static UUID parse(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ApiException.notFound("Token");
        }
    }
}
