package io.steadfast.streak.internal.rest;

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

import io.steadfast.platform.rest.Auth;
import io.steadfast.platform.rest.Params;
import io.steadfast.platform.rest.RestApi;
import io.steadfast.streak.internal.service.StatsService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@Component(service = StatsResource.class)
@JaxrsResource
@JaxrsApplicationSelect(RestApi.APP_SELECT)
@JSONRequired
@Path("/v1/habits/{id}/stats")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "streaks", description = "Streaks, strength, completion, achievements and analytics")
public class StatsResource {

    private final StatsService stats;

    @Activate
    public StatsResource(@Reference StatsService stats) {
        this.stats = stats;
    }

    @GET
    @Operation(
            summary = "A habit's streak, strength, completion rates, totals and best weekday",
            description = "{streak: {current, longest, unit, currentStart, longestStart, longestEnd}, strength, "
                    + "completion: {last7, last30, last365, allTime}, totals: {doneDays, value}, bestWeekday}. "
                    + "Rates are over due days (or periods) only. See docs/streaks.md.")
    public StreakDtos.StatsDto get(@PathParam("id") String id, @Context SecurityContext sc) {
        return StreakDtos.stats(stats.stats(Auth.user(sc).userId(), Params.id(id, "Habit")));
    }
}
