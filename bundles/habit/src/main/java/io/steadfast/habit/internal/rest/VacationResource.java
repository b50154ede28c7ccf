package io.steadfast.habit.internal.rest;

import java.time.Instant;
import java.time.LocalDate;
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

import io.steadfast.api.link.PublicUrl;
import io.steadfast.habit.internal.domain.Vacation;
import io.steadfast.habit.internal.service.Vacations;
import io.steadfast.platform.rest.Auth;
import io.steadfast.platform.rest.Params;
import io.steadfast.platform.rest.RestApi;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@Component(service = VacationResource.class)
@JaxrsResource
@JaxrsApplicationSelect(RestApi.APP_SELECT)
@JSONRequired
@Path("/v1/me/vacations")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "vacations", description = "Pause habits: paused days are neither due nor missed, streaks survive them")
public class VacationResource {

    private final Vacations vacations;
    private final PublicUrl publicUrl;

    @Activate
    public VacationResource(@Reference Vacations vacations, @Reference PublicUrl publicUrl) {
        this.vacations = vacations;
        this.publicUrl = publicUrl;
    }

    /** {@code habitIds} left out (or {@code null}) pauses every habit, also those created during the vacation. */
    public record VacationInput(LocalDate from, LocalDate to, List<UUID> habitIds) {}

    /** A vacation; {@code habitIds} is {@code null} when it pauses all habits. */
    public record VacationDto(UUID id, LocalDate from, LocalDate to, List<UUID> habitIds, Instant createdAt) {

        static VacationDto of(Vacation v) {
            return new VacationDto(
                    v.id(),
                    v.from(),
                    v.to(),
                    v.habitIds() == null ? null : v.habitIds().stream().sorted().toList(),
                    v.createdAt());
        }
    }

    @POST
    @Operation(
            summary = "Pause habits for a while",
            description = "{from, to, habitIds?}: from today or later, at most 366 days; all habits when habitIds is "
                    + "left out. 201 with Location. Paused days are neither due nor missed in the agenda, calendar, "
                    + "statistics and analytics (state \"paused\"), and streaks survive them.")
    @io.swagger.v3.oas.annotations.responses.ApiResponse(
            responseCode = "201",
            description = "Created",
            content =
                    @io.swagger.v3.oas.annotations.media.Content(
                            mediaType = "application/json",
                            schema = @io.swagger.v3.oas.annotations.media.Schema(implementation = VacationDto.class)))
    public Response create(VacationInput body, @Context SecurityContext sc) {
        Vacation v = vacations.create(
                Auth.user(sc).userId(),
                body == null ? null : new Vacations.Draft(body.from(), body.to(), body.habitIds()));
        return Response.created(publicUrl.api("/v1/me/vacations/" + v.id()))
                .entity(VacationDto.of(v))
                .build();
    }

    @GET
    @Operation(summary = "Your vacations, past and planned, by start date")
    public List<VacationDto> list(@Context SecurityContext sc) {
        return vacations.list(Auth.user(sc).userId()).stream()
                .map(VacationDto::of)
                .toList();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One vacation")
    public VacationDto get(@PathParam("id") String id, @Context SecurityContext sc) {
        return VacationDto.of(vacations.get(Auth.user(sc).userId(), Params.id(id, "Vacation")));
    }

    @DELETE
    @Path("/{id}")
    @Operation(
            summary = "Cancel or end a vacation",
            description = "204. A vacation that has not begun is deleted; one that has begun ends yesterday (its "
                    + "past days stay paused, today is due again); one that is over answers 409.")
    @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "204", description = "Done; no content")
    public Response delete(@PathParam("id") String id, @Context SecurityContext sc) {
        vacations.delete(Auth.user(sc).userId(), Params.id(id, "Vacation"));
        return Response.noContent().build();
    }
}
