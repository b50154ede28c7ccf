package io.steadfast.habit.internal.rest;

import java.util.List;
import java.util.UUID;

import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.DefaultValue;
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
import javax.ws.rs.core.UriInfo;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

import io.steadfast.api.auth.Auth;
import io.steadfast.api.error.ApiException;
import io.steadfast.api.error.ValidationException;
import io.steadfast.api.rest.PATCH;
import io.steadfast.api.rest.RestApi;
import io.steadfast.habit.internal.rest.HabitDtos.CheckinDto;
import io.steadfast.habit.internal.rest.HabitDtos.CheckinInput;
import io.steadfast.habit.internal.rest.HabitDtos.HabitDto;
import io.steadfast.habit.internal.rest.HabitDtos.HabitInput;
import io.steadfast.habit.internal.rest.HabitDtos.Heatmap;
import io.steadfast.habit.internal.rest.HabitDtos.IncrementInput;
import io.steadfast.habit.internal.service.HabitService;
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

    private final HabitService habits;

    @Activate
    public HabitResource(@Reference HabitService habits) {
        this.habits = habits;
    }

    @POST
    @Operation(summary = "Create a habit", description = "{name, description?, type, target?, unit?, schedule, "
            + "startDate?, color?, icon?}. schedule: {kind: daily} | {kind: weekdays, days: [MON..SUN]} | "
            + "{kind: times_per_week, times} | {kind: times_per_month, times} | {kind: every_n_days, n}. 201 with "
            + "Location; 422 naming the field for an invalid schedule, an unknown type or a missing target.")
    public Response create(HabitInput body, @Context SecurityContext sc, @Context UriInfo uri) {
        HabitDto h = habits.create(Auth.user(sc).userId(), body);
        return Response.created(uri.getAbsolutePathBuilder().path(h.id().toString()).build()).entity(h).build();
    }

    @GET
    @Operation(summary = "The caller's habits in their order; ?archived=true for the archived ones")
    public List<HabitDto> list(@QueryParam("archived") @DefaultValue("false") boolean archived,
            @Context SecurityContext sc) {
        return habits.list(Auth.user(sc).userId(), archived);
    }

    @PUT
    @Path("/order")
    @Operation(summary = "Order the habits", description = "A JSON array of habit ids; habits not listed follow")
    public Response order(List<String> ids, @Context SecurityContext sc) {
        habits.reorder(Auth.user(sc).userId(), ids);
        return Response.noContent().build();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One habit")
    public HabitDto get(@PathParam("id") String id, @Context SecurityContext sc) {
        return habits.get(Auth.user(sc).userId(), uuid(id));
    }

    @PATCH
    @Path("/{id}")
    @Operation(summary = "Change a habit", description = "Only the fields present change; the type cannot change. "
            + "A schedule change applies from now on: past days keep their records.")
    public HabitDto patch(@PathParam("id") String id, HabitInput body, @Context SecurityContext sc) {
        return habits.patch(Auth.user(sc).userId(), uuid(id), body);
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Delete a habit and its history (archive it to keep the history)")
    public Response delete(@PathParam("id") String id, @Context SecurityContext sc) {
        habits.delete(Auth.user(sc).userId(), uuid(id));
        return Response.noContent().build();
    }

    @GET
    @Path("/{id}/checkins")
    @Operation(summary = "The habit's day records from `from` to `to` (default: the last 30 days)")
    public List<CheckinDto> checkins(@PathParam("id") String id, @QueryParam("from") String from,
            @QueryParam("to") String to, @Context SecurityContext sc) {
        return habits.checkins(Auth.user(sc).userId(), uuid(id), from, to);
    }

    @PUT
    @Path("/{id}/checkins/{date}")
    @Operation(summary = "Set a day's record", description = "{value?, note?, status?: done|skipped}. Idempotent. "
            + "422 for a date after your today or before the habit's start; 409 while the habit's type is not "
            + "available. A record written after its day ended is marked backfilled.")
    public CheckinDto put(@PathParam("id") String id, @PathParam("date") String date, CheckinInput body,
            @Context SecurityContext sc) {
        return habits.putCheckin(Auth.user(sc).userId(), uuid(id), date, body);
    }

    @DELETE
    @Path("/{id}/checkins/{date}")
    @Operation(summary = "Clear a day's record")
    public Response clear(@PathParam("id") String id, @PathParam("date") String date, @Context SecurityContext sc) {
        habits.deleteCheckin(Auth.user(sc).userId(), uuid(id), date);
        return Response.noContent().build();
    }

    @POST
    @Path("/{id}/checkins/{date}/increment")
    @Operation(summary = "Add to a day's value", description = "{delta}. Send an Idempotency-Key header to retry "
            + "safely: a replay answers the first response (with Idempotent-Replayed: true) and adds nothing.")
    public Response increment(@PathParam("id") String id, @PathParam("date") String date, IncrementInput body,
            @HeaderParam("Idempotency-Key") String key, @Context SecurityContext sc) {
        if (body == null) {
            throw new ValidationException("delta", "is required");
        }
        HabitService.Increment r = habits.increment(Auth.user(sc).userId(), uuid(id), date, body.delta(), key);
        Response.ResponseBuilder b = Response.ok(r.checkin());
        if (r.replayed()) {
            b.header("Idempotent-Replayed", "true");
        }
        return b.build();
    }

    @GET
    @Path("/{id}/heatmap")
    @Operation(summary = "Each day's value and status of a year (default: this year)")
    public Heatmap heatmap(@PathParam("id") String id, @QueryParam("year") Integer year,
            @Context SecurityContext sc) {
        return habits.heatmap(Auth.user(sc).userId(), uuid(id), year);
    }

    static UUID uuid(String id) {
        UUID u = HabitService.parseOrNull(id);
        if (u == null) {
            throw ApiException.notFound("Habit");
        }
        return u;
    }
}
