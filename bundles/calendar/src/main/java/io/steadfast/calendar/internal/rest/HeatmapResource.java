package io.steadfast.calendar.internal.rest;

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

import io.steadfast.api.time.DateLimits;
import io.steadfast.calendar.internal.rest.CalendarDtos.Heatmap;
import io.steadfast.calendar.internal.service.CalendarViews;
import io.steadfast.platform.rest.Auth;
import io.steadfast.platform.rest.Params;
import io.steadfast.platform.rest.RestApi;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** A habit's year; a root of its own under the habit's path (the habit resources live in the habit bundle). */
@Component(service = HeatmapResource.class)
@JaxrsResource
@JaxrsApplicationSelect(RestApi.APP_SELECT)
@JSONRequired
@Path("/v1/habits/{id}/heatmap")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "habits", description = "Habits and their day records")
public class HeatmapResource {

    private final CalendarViews views;

    @Activate
    public HeatmapResource(@Reference CalendarViews views) {
        this.views = views;
    }

    @GET
    @Operation(summary = "Each day's value and status of a year (default: this year)")
    public Heatmap heatmap(@PathParam("id") String id, @QueryParam("year") String year, @Context SecurityContext sc) {
        return CalendarDtos.heatmap(views.heatmap(
                Auth.user(sc).userId(),
                Params.id(id, "Habit"),
                year == null ? null : Params.integer(year, "year", 0, DateLimits.MIN_YEAR, DateLimits.MAX_YEAR)));
    }
}
