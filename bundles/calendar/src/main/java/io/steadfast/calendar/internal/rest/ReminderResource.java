package io.steadfast.calendar.internal.rest;

import java.time.Instant;
import java.util.List;
import java.util.Map;
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

import io.steadfast.api.link.PublicUrl;
import io.steadfast.api.time.Weekdays;
import io.steadfast.calendar.internal.service.Reminders;
import io.steadfast.platform.rest.Auth;
import io.steadfast.platform.rest.PATCH;
import io.steadfast.platform.rest.Params;
import io.steadfast.platform.rest.RestApi;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.tags.Tag;

/** A habit's reminders; a root of its own under the habit's path (the habit resources live in the habit bundle). */
@Component(service = ReminderResource.class)
@JaxrsResource
@JaxrsApplicationSelect(RestApi.APP_SELECT)
@JSONRequired
@Path("/v1/habits/{id}/reminders")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "reminders", description = "A habit's reminders at local times of day")
public class ReminderResource {

    private final Reminders reminders;
    private final PublicUrl publicUrl;

    @Activate
    public ReminderResource(@Reference Reminders reminders, @Reference PublicUrl publicUrl) {
        this.reminders = reminders;
        this.publicUrl = publicUrl;
    }

    /** A reminder as the API shows it. */
    public record ReminderDto(
            UUID id,
            UUID habitId,
            @Schema(description = "local time of the user's day, HH:mm", example = "08:00") String time,
            @Schema(description = "weekdays it fires on; null: the habit's due days", nullable = true)
                    List<String> days,
            boolean onlyIfNotDone,
            @Schema(description = "the channels it goes to; empty: all of the user's channels") List<UUID> channelIds,
            @Schema(description = "when it fires next (null while the habit is archived)", nullable = true)
                    Instant nextAt,
            Instant createdAt,
            Instant updatedAt) {

        static ReminderDto of(Reminders.Reminder r) {
            var row = r.row();
            return new ReminderDto(
                    row.id(),
                    row.habitId(),
                    row.time().toString().substring(0, 5),
                    row.days() == null
                            ? null
                            : row.days().stream().sorted().map(Weekdays::code).toList(),
                    row.onlyIfNotDone(),
                    row.channelIds(),
                    r.nextAt(),
                    row.createdAt(),
                    row.updatedAt());
        }
    }

    /** The fields of a create or a change (documentation of the body; read as an object so that null is seen). */
    public record ReminderInput(
            @Schema(description = "local time HH:mm", example = "08:00", requiredMode = Schema.RequiredMode.REQUIRED)
                    String time,
            @Schema(
                            description = "weekdays, e.g. [\"MON\",\"WED\"]; absent or null: the habit's due days",
                            nullable = true)
                    List<String> days,
            @Schema(description = "fire only while the day is not done (default true)") Boolean onlyIfNotDone,
            @Schema(description = "channel ids; absent, null or empty: all of your channels", nullable = true)
                    List<UUID> channelIds) {}

    @GET
    @Operation(summary = "The habit's reminders, by time of day")
    public List<ReminderDto> list(@PathParam("id") String id, @Context SecurityContext sc) {
        return reminders.list(Auth.user(sc).userId(), Params.id(id, "Habit")).stream()
                .map(ReminderDto::of)
                .toList();
    }

    @POST
    @Operation(
            summary = "Add a reminder",
            description =
                    "Fires at `time` in the user's time zone on `days` (default: the habit's due days), not for a "
                            + "day that is skipped, paused or not due, nor (with `onlyIfNotDone`, the default) one already "
                            + "done. A time in a daylight saving gap fires at the first minute after it; a repeated time "
                            + "fires once. 201 with Location; 422 naming the field; 422 `limit-reached` when the "
                            + "habit has as many as the server allows (`remindersPerHabit`, 10 unless configured).")
    @RequestBody(content = @Content(schema = @Schema(implementation = ReminderInput.class)))
    @io.swagger.v3.oas.annotations.responses.ApiResponse(
            responseCode = "201",
            description = "Created",
            content =
                    @io.swagger.v3.oas.annotations.media.Content(
                            mediaType = "application/json",
                            schema = @io.swagger.v3.oas.annotations.media.Schema(implementation = ReminderDto.class)))
    public Response create(@PathParam("id") String id, Map<String, Object> body, @Context SecurityContext sc) {
        UUID habitId = Params.id(id, "Habit");
        ReminderDto r = ReminderDto.of(reminders.create(Auth.user(sc).userId(), habitId, body));
        return Response.created(publicUrl.api("/v1/habits/" + habitId + "/reminders/" + r.id()))
                .entity(r)
                .build();
    }

    @GET
    @Path("/{reminderId}")
    @Operation(summary = "One reminder")
    public ReminderDto get(
            @PathParam("id") String id, @PathParam("reminderId") String rid, @Context SecurityContext sc) {
        return ReminderDto.of(
                reminders.get(Auth.user(sc).userId(), Params.id(id, "Habit"), Params.id(rid, "Reminder")));
    }

    @PATCH
    @Path("/{reminderId}")
    @Operation(
            summary = "Change a reminder",
            description = "Only the fields present change; `days: null` goes back to the habit's due days, "
                    + "`channelIds: null` to all channels.")
    @RequestBody(content = @Content(schema = @Schema(implementation = ReminderInput.class)))
    public ReminderDto patch(
            @PathParam("id") String id,
            @PathParam("reminderId") String rid,
            Map<String, Object> body,
            @Context SecurityContext sc) {
        return ReminderDto.of(
                reminders.patch(Auth.user(sc).userId(), Params.id(id, "Habit"), Params.id(rid, "Reminder"), body));
    }

    @DELETE
    @Path("/{reminderId}")
    @Operation(summary = "Delete a reminder")
    @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "204", description = "Done; no content")
    public Response delete(
            @PathParam("id") String id, @PathParam("reminderId") String rid, @Context SecurityContext sc) {
        reminders.delete(Auth.user(sc).userId(), Params.id(id, "Habit"), Params.id(rid, "Reminder"));
        return Response.noContent().build();
    }
}
