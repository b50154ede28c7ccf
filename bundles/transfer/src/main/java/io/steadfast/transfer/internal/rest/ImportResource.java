package io.steadfast.transfer.internal.rest;

import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.HeaderParam;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.WebApplicationException;
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

import io.steadfast.api.error.ValidationException;
import io.steadfast.api.link.PublicUrl;
import io.steadfast.platform.rest.Auth;
import io.steadfast.platform.rest.Params;
import io.steadfast.platform.rest.RestApi;
import io.steadfast.platform.rest.Uploads;
import io.steadfast.transfer.internal.archive.ImportRefused;
import io.steadfast.transfer.internal.domain.ImportJob;
import io.steadfast.transfer.internal.service.Imports;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

@Component(service = ImportResource.class)
@JaxrsResource
@JaxrsApplicationSelect(RestApi.APP_SELECT)
@JSONRequired
@Path("/v1/me/imports")
@Produces(MediaType.APPLICATION_JSON)
@Tag(
        name = "imports",
        description = "Bring your history from Loop Habit Tracker, Habitica, a spreadsheet (CSV) or another Steadfast")
public class ImportResource {

    private final Imports imports;
    private final PublicUrl publicUrl;

    @Activate
    public ImportResource(@Reference Imports imports, @Reference PublicUrl publicUrl) {
        this.imports = imports;
        this.publicUrl = publicUrl;
    }

    public record ImportProgress(int done, int total) {}

    /** What the import did: habits created, days added, entries left out, photos stored, and why it left any out. */
    public record ImportSummary(int habits, int checkins, int skipped, int photos, List<String> warnings) {}

    /**
     * An import.
     *
     * @param format the format the file was read as: loop-sqlite, loop-csv, habitica, csv, steadfast
     */
    public record ImportDto(
            UUID id,
            String status,
            String format,
            String fileName,
            long size,
            ImportProgress progress,
            ImportSummary summary,
            @Schema(description = "Why a failed import failed; null otherwise") String error,
            Instant createdAt,
            Instant finishedAt) {

        static ImportDto of(ImportJob j) {
            return new ImportDto(
                    j.id(),
                    j.status(),
                    j.format(),
                    j.fileName(),
                    j.fileSize(),
                    new ImportProgress(j.done(), j.total()),
                    new ImportSummary(j.habits(), j.checkins(), j.skipped(), j.photos(), j.warnings()),
                    j.error(),
                    j.createdAt(),
                    j.finishedAt());
        }
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    @Operation(
            summary = "Import a file of history",
            description = "The file as multipart/form-data (a 'file' field) or as the raw body with its Content-Type"
                    + " (JSON bodies larger than 1 MB: send them as multipart or application/octet-stream). The "
                    + "format is found from the content: a Loop Habit Tracker backup (.db) or CSV export (.zip), a "
                    + "Habitica user data export (JSON), a CSV with the header habit,date,value,note,status, or a "
                    + "Steadfast export. The file is read at once: one that is too large (413), malformed, hostile or"
                    + " of no known format (422) is refused and changes nothing. Then 202: the import runs in the "
                    + "background; follow it at the Location. Importing the same file again adds nothing.")
    @ApiResponse(
            responseCode = "202",
            description = "Accepted",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ImportDto.class)))
    public Response create(
            InputStream body, @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, @Context SecurityContext sc) {
        UUID userId = Auth.user(sc).userId();
        long max = imports.limits().maxBytes();
        try (Uploads.Upload file = Uploads.receive(contentType, body, "file", max)) {
            ImportJob job = imports.submit(userId, file.path(), file.size(), file.contentType(), file.fileName());
            return Response.accepted(ImportDto.of(job))
                    .location(publicUrl.api("/v1/me/imports/" + job.id()))
                    .build();
        } catch (ImportRefused e) {
            if (e.status() == 413) {
                throw new WebApplicationException(e.getMessage(), 413);
            }
            throw new ValidationException("file", e.getMessage());
        }
    }

    @GET
    @Operation(summary = "Your imports, newest first (the last 50)")
    public List<ImportDto> list(@Context SecurityContext sc) {
        return imports.list(Auth.user(sc).userId()).stream().map(ImportDto::of).toList();
    }

    @GET
    @Path("/{id}")
    @Operation(
            summary = "One import: its status (queued, running, done, failed), progress and summary",
            description = "progress counts the file's day records handled; summary.habits the habits created, "
                    + "summary.checkins the days added (days you already had are kept as they are), "
                    + "summary.skipped what was left out, each explained in summary.warnings")
    public ImportDto get(@PathParam("id") String id, @Context SecurityContext sc) {
        return ImportDto.of(imports.get(Auth.user(sc).userId(), Params.id(id, "Import")));
    }
}
