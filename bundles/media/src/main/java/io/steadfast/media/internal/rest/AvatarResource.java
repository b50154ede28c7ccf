package io.steadfast.media.internal.rest;

import java.io.InputStream;
import java.util.UUID;

import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.HeaderParam;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

import io.steadfast.media.internal.rest.MediaDtos.AvatarDto;
import io.steadfast.media.internal.service.Avatars;
import io.steadfast.media.internal.service.Signer;
import io.steadfast.platform.rest.Auth;
import io.steadfast.platform.rest.RestApi;
import io.steadfast.platform.rest.Uploads;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The caller's profile picture. */
@Component(service = AvatarResource.class)
@JaxrsResource
@JaxrsApplicationSelect(RestApi.APP_SELECT)
@JSONRequired
@Path("/v1/me/avatar")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "attachments")
public class AvatarResource {

    private final Avatars avatars;
    private final Signer signer;

    @Activate
    public AvatarResource(@Reference Avatars avatars, @Reference Signer signer) {
        this.avatars = avatars;
        this.signer = signer;
    }

    @PUT
    @Consumes(MediaType.WILDCARD)
    @Operation(
            summary = "Set your profile picture",
            description = "The same upload rules as a check-in photo (multipart `file` or a raw image body; JPEG, "
                    + "PNG, WebP, HEIC; metadata removed; 413, 415, 422). Replaces the one you had. → {contentType, "
                    + "size, width, height, url, thumbnailUrl (a 320 px square), updatedAt}")
    @RequestBody(
            content = {
                @Content(mediaType = "multipart/form-data"),
                @Content(mediaType = "image/jpeg"),
                @Content(mediaType = "image/png")
            })
    public AvatarDto put(
            @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, InputStream body, @Context SecurityContext sc) {
        UUID user = Auth.user(sc).userId();
        try (Uploads.Upload file = Uploads.receive(contentType, body, "file", avatars.maxFileBytes())) {
            byte[] bytes = Failures.bytes(file);
            return AvatarDto.of(Failures.call(() -> avatars.put(user, bytes)), signer);
        }
    }

    @GET
    @Operation(summary = "Your profile picture", description = "404 when you have none.")
    public AvatarDto get(@Context SecurityContext sc) {
        return AvatarDto.of(avatars.get(Auth.user(sc).userId()), signer);
    }

    @DELETE
    @Operation(summary = "Remove your profile picture")
    @ApiResponse(responseCode = "204", description = "Done; no content")
    public Response delete(@Context SecurityContext sc) {
        avatars.delete(Auth.user(sc).userId());
        return Response.noContent().build();
    }
}
