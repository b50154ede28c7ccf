package io.steadfast.calendar.internal.rest;

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

import io.steadfast.calendar.internal.rest.CalendarDtos.Calendar;
import io.steadfast.calendar.internal.service.CalendarViews;
import io.steadfast.platform.rest.Auth;
import io.steadfast.platform.rest.Params;
import io.steadfast.platform.rest.RestApi;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@Component(service = CalendarResource.class)
@JaxrsResource
@JaxrsApplicationSelect(RestApi.APP_SELECT)
@JSONRequired
@Path("/v1/calendar")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "agenda", description = "What is due today and on each day")
public class CalendarResource {

    private final CalendarViews views;

    @Activate
    public CalendarResource(@Reference CalendarViews views) {
        this.views = views;
    }

    @GET
    @Operation(
            summary =
                    "Each day's status of each habit from `from` to `to` (at most 366 days), a page of habits at a time",
            description = "The active habits in their order, from `offset` (0), at most `limit`: by default and at "
                    + "most 100, and at most 20,000 habit-days in one answer (a year: 54 habits). `total` is how "
                    + "many active habits there are; `nextOffset` the offset of the next page, null after the last.")
    public Calendar calendar(
            @QueryParam("from") String from,
            @QueryParam("to") String to,
            @QueryParam("offset") String offset,
            @QueryParam("limit") String limit,
            @Context SecurityContext sc) {
        Integer l = limit == null ? null : Params.integer(limit, "limit", CalendarViews.MAX_CALENDAR_HABITS, 1, 1000);
        return CalendarDtos.calendar(views.calendar(
                Auth.user(sc).userId(),
                Params.optionalDate(from, "from"),
                Params.optionalDate(to, "to"),
                Params.integer(offset, "offset", 0, 0, 100_000),
                l));
    }
}
