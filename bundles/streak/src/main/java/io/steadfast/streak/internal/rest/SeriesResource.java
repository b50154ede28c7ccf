package io.steadfast.streak.internal.rest;

import java.util.List;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
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

@Component(service = SeriesResource.class)
@JaxrsResource
@JaxrsApplicationSelect(RestApi.APP_SELECT)
@JSONRequired
@Path("/v1/habits/{id}/series")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "streaks")
public class SeriesResource {

    private final StatsService stats;

    @Activate
    public SeriesResource(@Reference StatsService stats) {
        this.stats = stats;
    }

    @GET
    @Operation(
            summary = "Completion and value per week or month, for charts",
            description = "?granularity=week|month&from&to (default: the last 12 weeks or months)")
    public List<StreakDtos.BucketDto> get(
            @PathParam("id") String id,
            @QueryParam("granularity") String granularity,
            @QueryParam("from") String from,
            @QueryParam("to") String to,
            @Context SecurityContext sc) {
        return StreakDtos.series(stats.series(
                Auth.user(sc).userId(),
                Params.id(id, "Habit"),
                granularity,
                Params.optionalDate(from, "from"),
                Params.optionalDate(to, "to")));
    }
}
