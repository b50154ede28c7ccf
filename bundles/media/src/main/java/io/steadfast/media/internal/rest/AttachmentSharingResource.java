package io.steadfast.media.internal.rest;

import java.util.Map;

import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.SecurityContext;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

import io.steadfast.api.error.ValidationException;
import io.steadfast.media.internal.rest.MediaDtos.SharingDto;
import io.steadfast.media.internal.service.Attachments;
import io.steadfast.platform.rest.Auth;
import io.steadfast.platform.rest.Params;
import io.steadfast.platform.rest.RestApi;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Whether the audience of a shared habit sees its photos (the owner's choice; off by default). */
@Component(service = AttachmentSharingResource.class)
@JaxrsResource
@JaxrsApplicationSelect(RestApi.APP_SELECT)
@JSONRequired
@Path("/v1/habits/{id}/attachment-sharing")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "attachments")
public class AttachmentSharingResource {

    private final Attachments attachments;

    @Activate
    public AttachmentSharingResource(@Reference Attachments attachments) {
        this.attachments = attachments;
    }

    @GET
    @Operation(summary = "Whether those who see the habit see its photos")
    public SharingDto get(@PathParam("id") String id, @Context SecurityContext sc) {
        return new SharingDto(attachments.sharing(Auth.user(sc).userId(), Params.id(id, "Habit")));
    }

    @PUT
    @Operation(
            summary = "Show or hide the habit's photos to those who see the habit",
            description = "{shareAttachments: true|false}. With true, the partners or group members the habit is "
                    + "shared with (its visibility) see the photos of its days; a private habit shows them to "
                    + "nobody but its referee, who sees them either way.")
    @RequestBody(content = @Content(schema = @Schema(implementation = SharingDto.class)))
    public SharingDto put(@PathParam("id") String id, Map<String, Object> body, @Context SecurityContext sc) {
        var user = Auth.user(sc).userId();
        var habitId = Params.id(id, "Habit");
        attachments.sharing(user, habitId);
        Object v = body == null ? null : body.get("shareAttachments");
        if (!(v instanceof Boolean share)) {
            throw new ValidationException("shareAttachments", "is required: true or false");
        }
        return new SharingDto(attachments.share(user, habitId, share));
    }
}
