package io.steadfast.habit.internal.rest;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.HeaderParam;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
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

import io.steadfast.api.error.ValidationException;
import io.steadfast.api.link.PublicUrl;
import io.steadfast.habit.dto.HabitDto;
import io.steadfast.habit.internal.domain.DayEntry;
import io.steadfast.habit.internal.rest.HabitDtos.CheckinDto;
import io.steadfast.habit.internal.rest.HabitDtos.CheckinInput;
import io.steadfast.habit.internal.rest.HabitDtos.HabitInput;
import io.steadfast.habit.internal.rest.HabitDtos.IncrementInput;
import io.steadfast.habit.internal.service.DayRecords;
import io.steadfast.habit.internal.service.HabitDefinitions;
import io.steadfast.platform.rest.Auth;
import io.steadfast.platform.rest.PATCH;
import io.steadfast.platform.rest.Params;
import io.steadfast.platform.rest.RestApi;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@Component(service = HabitResource.class)
@JaxrsResource
@JaxrsApplicationSelect(RestApi.APP_SELECT)
@JSONRequired
@Path("/v1/habits")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "habits", description = "Habits and their day records")
public class HabitResource {

    static final String HABIT = "Habit";

    private final HabitDefinitions habits;
    private final DayRecords days;
    private final PublicUrl publicUrl;

    @Activate
    public HabitResource(
            @Reference HabitDefinitions habits, @Reference DayRecords days, @Reference PublicUrl publicUrl) {
        this.habits = habits;
        this.days = days;
        this.publicUrl = publicUrl;
    }

    @POST
    @Operation(
            summary = "Create a habit",
            description = "{name, description?, type, target?, unit?, schedule, "
                    + "startDate?, color?, icon?, goal?}. goal (measurement habits): {value, direction: down|up, by}. "
                    + "schedule: {kind: daily} | {kind: weekdays, days: [MON..SUN]} | "
                    + "{kind: times_per_week, times} | {kind: times_per_month, times} | {kind: every_n_days, n}. 201 with "
                    + "Location; 422 naming the field for an invalid schedule, an unknown type or a missing target.")
    @io.swagger.v3.oas.annotations.responses.ApiResponse(
            responseCode = "201",
            description = "Created",
            content =
                    @io.swagger.v3.oas.annotations.media.Content(
                            mediaType = "application/json",
                            schema = @io.swagger.v3.oas.annotations.media.Schema(implementation = HabitDto.class)))
    public Response create(HabitInput body, @Context SecurityContext sc) {
        HabitDto h = HabitDto.of(habits.create(Auth.user(sc).userId(), body == null ? null : body.draft()));
        return Response.created(publicUrl.api("/v1/habits/" + h.id())).entity(h).build();
    }

    @GET
    @Operation(summary = "The caller's habits in their order; ?archived=true for the archived ones")
    public List<HabitDto> list(@QueryParam("archived") String archived, @Context SecurityContext sc) {
        return habits.list(Auth.user(sc).userId(), Params.bool(archived, "archived", false)).stream()
                .map(HabitDto::of)
                .collect(Collectors.toList());
    }

    @PUT
    @Path("/order")
    @Operation(summary = "Order the habits", description = "A JSON array of habit ids; habits not listed follow")
    @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "204", description = "Done; no content")
    public Response order(List<String> ids, @Context SecurityContext sc) {
        if (ids == null) {
            throw new ValidationException("body", "a JSON array of habit ids is required");
        }
        List<UUID> order = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        for (String id : ids) {
            try {
                order.add(Params.id(id, HABIT));
            } catch (RuntimeException notAnId) {
                unknown.add(String.valueOf(id));
            }
        }
        if (!unknown.isEmpty()) {
            throw new ValidationException("ids", "no such habits: " + String.join(", ", unknown));
        }
        habits.reorder(Auth.user(sc).userId(), order);
        return Response.noContent().build();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One habit")
    public HabitDto get(@PathParam("id") String id, @Context SecurityContext sc) {
        return HabitDto.of(habits.get(Auth.user(sc).userId(), Params.id(id, HABIT)));
    }

    @PATCH
    @Path("/{id}")
    @Operation(
            summary = "Change a habit",
            description = "Only the fields present change; the type cannot change. "
                    + "A schedule change applies from now on: past days keep their records. "
                    + "\"goal\": {value, direction, by} sets a measurement habit's goal, \"goal\": null removes it.")
    public HabitDto patch(@PathParam("id") String id, HabitInput body, @Context SecurityContext sc) {
        UUID habitId = Params.id(id, HABIT);
        return HabitDto.of(habits.patch(Auth.user(sc).userId(), habitId, body == null ? null : body.draft()));
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Delete a habit and its history (archive it to keep the history)")
    @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "204", description = "Done; no content")
    public Response delete(@PathParam("id") String id, @Context SecurityContext sc) {
        habits.delete(Auth.user(sc).userId(), Params.id(id, HABIT));
        return Response.noContent().build();
    }

    @GET
    @Path("/{id}/checkins")
    @Operation(summary = "The habit's day records from `from` to `to` (default: the last 30 days)")
    public List<CheckinDto> checkins(
            @PathParam("id") String id,
            @QueryParam("from") String from,
            @QueryParam("to") String to,
            @Context SecurityContext sc) {
        UUID habitId = Params.id(id, HABIT);
        return days
                .list(Auth.user(sc).userId(), habitId, Params.optionalDate(from, "from"), Params.optionalDate(to, "to"))
                .stream()
                .map(HabitDtos::checkin)
                .collect(Collectors.toList());
    }

    @PUT
    @Path("/{id}/checkins/{date}")
    @Operation(
            summary = "Set a day's record",
            description = "{value?, note?, status?: done|skipped}. Idempotent. "
                    + "422 for a date after your today or before the habit's start; 409 while the habit's type is not "
                    + "available. A record written after its day ended is marked backfilled.")
    public CheckinDto put(
            @PathParam("id") String id,
            @PathParam("date") String date,
            CheckinInput body,
            @Context SecurityContext sc) {
        UUID habitId = Params.id(id, HABIT);
        return HabitDtos.checkin(days.put(
                Auth.user(sc).userId(),
                habitId,
                Params.date(date, "date"),
                body == null ? null : new DayEntry(body.value(), body.note(), body.status())));
    }

    @DELETE
    @Path("/{id}/checkins/{date}")
    @Operation(summary = "Clear a day's record")
    @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "204", description = "Done; no content")
    public Response clear(@PathParam("id") String id, @PathParam("date") String date, @Context SecurityContext sc) {
        UUID habitId = Params.id(id, HABIT);
        days.delete(Auth.user(sc).userId(), habitId, Params.date(date, "date"));
        return Response.noContent().build();
    }

    @POST
    @Path("/{id}/checkins/{date}/increment")
    @Operation(
            summary = "Add to a day's value",
            description = "{delta}. Send an Idempotency-Key header to retry "
                    + "safely: a replay answers the first response (with Idempotent-Replayed: true) and adds nothing.")
    @io.swagger.v3.oas.annotations.responses.ApiResponse(
            responseCode = "200",
            description = "OK",
            content =
                    @io.swagger.v3.oas.annotations.media.Content(
                            mediaType = "application/json",
                            schema =
                                    @io.swagger.v3.oas.annotations.media.Schema(
                                            implementation = HabitDtos.CheckinDto.class)))
    public Response increment(
            @PathParam("id") String id,
            @PathParam("date") String date,
            IncrementInput body,
            @HeaderParam("Idempotency-Key") String key,
            @Context SecurityContext sc) {
        UUID habitId = Params.id(id, HABIT);
        if (body == null) {
            throw new ValidationException("delta", "is required");
        }
        DayRecords.Increment r =
                days.increment(Auth.user(sc).userId(), habitId, Params.date(date, "date"), body.delta(), key);
        Response.ResponseBuilder b = Response.ok(HabitDtos.checkin(r.checkin()));
        if (r.replayed()) {
            b.header("Idempotent-Replayed", "true");
        }
        return b.build();
    }
}
