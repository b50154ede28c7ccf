package io.steadfast.streak.internal.rest;

import java.time.LocalDate;
import java.util.UUID;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
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

import io.steadfast.api.error.ApiException;
import io.steadfast.habit.api.HabitQuery;
import io.steadfast.platform.rest.Auth;
import io.steadfast.platform.rest.Params;
import io.steadfast.platform.rest.RestApi;
import io.steadfast.streak.internal.service.AnalyticsService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@Component(service = AnalyticsResource.class)
@JaxrsResource
@JaxrsApplicationSelect(RestApi.APP_SELECT)
@JSONRequired
@Path("/v1/analytics")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "streaks")
public class AnalyticsResource {

    private final AnalyticsService analytics;
    private final HabitQuery habits;

    @Activate
    public AnalyticsResource(@Reference AnalyticsService analytics, @Reference HabitQuery habits) {
        this.analytics = analytics;
        this.habits = habits;
    }

    @GET
    @Operation(
            summary = "Completion overall, per habit and per weekday from `from` to `to` (at most 366 days; "
                    + "default: the last 30 days)")
    public StreakDtos.AnalyticsDto get(
            @QueryParam("from") String from, @QueryParam("to") String to, @Context SecurityContext sc) {
        UUID user = Auth.user(sc).userId();
        LocalDate today =
                habits.today(user).orElseThrow(() -> ApiException.unauthorized("The account no longer exists"));
        return StreakDtos.analytics(
                analytics.analytics(user, Params.optionalDate(from, "from"), Params.optionalDate(to, "to"), today));
    }
}
