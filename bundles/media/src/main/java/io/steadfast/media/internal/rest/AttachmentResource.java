package io.steadfast.media.internal.rest;

import java.io.InputStream;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.HeaderParam;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
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

import io.steadfast.api.link.PublicUrl;
import io.steadfast.media.internal.domain.Attachment;
import io.steadfast.media.internal.rest.MediaDtos.AttachmentDto;
import io.steadfast.media.internal.service.Attachments;
import io.steadfast.media.internal.service.Signer;
import io.steadfast.platform.rest.Auth;
import io.steadfast.platform.rest.Params;
import io.steadfast.platform.rest.RestApi;
import io.steadfast.platform.rest.Uploads;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The photos of a day of one's own habit; a root of its own under the habit's path. */
@Component(service = AttachmentResource.class)
@JaxrsResource
@JaxrsApplicationSelect(RestApi.APP_SELECT)
@JSONRequired
@Path("/v1/habits/{id}/checkins/{date}/attachments")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "attachments", description = "Photos on check-ins: uploads, lists, who sees them")
public class AttachmentResource {

    private final Attachments attachments;
    private final Signer signer;
    private final PublicUrl publicUrl;

    @Activate
    public AttachmentResource(
            @Reference Attachments attachments, @Reference Signer signer, @Reference PublicUrl publicUrl) {
        this.attachments = attachments;
        this.signer = signer;
        this.publicUrl = publicUrl;
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    @Operation(
            summary = "Attach a photo to a day's check-in",
            description = "multipart/form-data with the photo in the field `file`, or the photo as the body with "
                    + "its image Content-Type. JPEG, PNG, WebP, HEIC/HEIF, told from the bytes (the name and the "
                    + "declared type do not count); its metadata (EXIF with GPS, XMP, comments) is removed without "
                    + "re-encoding, the orientation kept. 201 with {id, contentType, size, width, height, url, "
                    + "thumbnailUrl, createdAt} (signed URLs, valid for minutes); 409 when the day has no check-in "
                    + "(check in first); 413 past the size limit (10 MB unless configured); 415 for another kind "
                    + "of file; 422 `limit-reached` past the photos per day (5 unless configured), 422 on `file` "
                    + "for a damaged image or one above the pixel limit.")
    @RequestBody(
            content = {
                @Content(mediaType = "multipart/form-data"),
                @Content(mediaType = "image/jpeg"),
                @Content(mediaType = "image/png"),
                @Content(mediaType = "image/webp"),
                @Content(mediaType = "image/heic")
            })
    @ApiResponse(
            responseCode = "201",
            description = "Created",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = AttachmentDto.class)))
    public Response upload(
            @PathParam("id") String id,
            @PathParam("date") String date,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            InputStream body,
            @Context SecurityContext sc) {
        UUID user = Auth.user(sc).userId();
        UUID habitId = Params.id(id, "Habit");
        LocalDate day = Params.date(date, "date");
        // refused before a byte of the file is read: another user's habit, a day without a check-in, a full day
        attachments.requireRoom(user, habitId, day);
        try (Uploads.Upload file = Uploads.receive(contentType, body, "file", attachments.maxFileBytes())) {
            byte[] bytes = Failures.bytes(file);
            Attachment a = Failures.call(() -> attachments.upload(user, habitId, day, bytes, file.fileName()));
            return Response.created(
                            publicUrl.api("/v1/habits/" + habitId + "/checkins/" + day + "/attachments/" + a.id()))
                    .entity(AttachmentDto.of(a, signer))
                    .build();
        }
    }

    @GET
    @Operation(
            summary = "The photos of a day",
            description = "In the order they were added, each with fresh signed URLs.")
    public List<AttachmentDto> list(
            @PathParam("id") String id, @PathParam("date") String date, @Context SecurityContext sc) {
        return attachments.list(Auth.user(sc).userId(), Params.id(id, "Habit"), Params.date(date, "date")).stream()
                .map(a -> AttachmentDto.of(a, signer))
                .toList();
    }

    @GET
    @Path("/{attachmentId}")
    @Operation(summary = "One photo of a day")
    public AttachmentDto get(
            @PathParam("id") String id,
            @PathParam("date") String date,
            @PathParam("attachmentId") String attachmentId,
            @Context SecurityContext sc) {
        return AttachmentDto.of(
                attachments.get(
                        Auth.user(sc).userId(),
                        Params.id(id, "Habit"),
                        Params.date(date, "date"),
                        Params.id(attachmentId, "Attachment")),
                signer);
    }

    @DELETE
    @Path("/{attachmentId}")
    @Operation(summary = "Delete a photo", description = "The file and its thumbnail go at once.")
    @ApiResponse(responseCode = "204", description = "Done; no content")
    public Response delete(
            @PathParam("id") String id,
            @PathParam("date") String date,
            @PathParam("attachmentId") String attachmentId,
            @Context SecurityContext sc) {
        UUID user = Auth.user(sc).userId();
        UUID habitId = Params.id(id, "Habit");
        LocalDate day = Params.date(date, "date");
        UUID aid = Params.id(attachmentId, "Attachment");
        Failures.run(() -> attachments.delete(user, habitId, day, aid));
        return Response.noContent().build();
    }
}
