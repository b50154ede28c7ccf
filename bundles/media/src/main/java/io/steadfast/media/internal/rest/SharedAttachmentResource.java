package io.steadfast.media.internal.rest;

import java.util.List;

import javax.ws.rs.GET;
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

import io.steadfast.media.internal.rest.MediaDtos.AttachmentDto;
import io.steadfast.media.internal.service.AttachmentAccess;
import io.steadfast.media.internal.service.Signer;
import io.steadfast.platform.rest.Auth;
import io.steadfast.platform.rest.Params;
import io.steadfast.platform.rest.RestApi;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The photos of a day of someone else's habit, beside the partners' views of shared habits. */
@Component(service = SharedAttachmentResource.class)
@JaxrsResource
@JaxrsApplicationSelect(RestApi.APP_SELECT)
@JSONRequired
@Path("/v1/partners/{userId}/habits/{habitId}/checkins/{date}/attachments")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "attachments")
public class SharedAttachmentResource {

    private final AttachmentAccess access;
    private final Signer signer;

    @Activate
    public SharedAttachmentResource(@Reference AttachmentAccess access, @Reference Signer signer) {
        this.access = access;
        this.signer = signer;
    }

    @GET
    @Operation(
            summary = "The photos of a day of a habit shared with you",
            description = "userId is the habit's owner. Its referee always sees them; the partners or group members "
                    + "it is shared with only when the owner set shareAttachments; anyone else gets 404.")
    public List<AttachmentDto> list(
            @PathParam("userId") String userId,
            @PathParam("habitId") String habitId,
            @PathParam("date") String date,
            @Context SecurityContext sc) {
        return access
                .ofDay(
                        Auth.user(sc).userId(),
                        Params.id(userId, "Habit"),
                        Params.id(habitId, "Habit"),
                        Params.date(date, "date"))
                .stream()
                .map(a -> AttachmentDto.of(a, signer))
                .toList();
    }
}
