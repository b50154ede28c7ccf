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

import io.steadfast.calendar.internal.rest.CalendarDtos.Today;
import io.steadfast.calendar.internal.service.CalendarViews;
import io.steadfast.calendar.internal.service.Reminders;
import io.steadfast.platform.rest.Auth;
import io.steadfast.platform.rest.Params;
import io.steadfast.platform.rest.RestApi;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@Component(service = TodayResource.class)
@JaxrsResource
@JaxrsApplicationSelect(RestApi.APP_SELECT)
@JSONRequired
@Path("/v1/today")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "agenda", description = "What is due today and on each day")
public class TodayResource {

    private final CalendarViews views;
    private final Reminders reminders;

    @Activate
    public TodayResource(@Reference CalendarViews views, @Reference Reminders reminders) {
        this.views = views;
        this.reminders = reminders;
    }

    @GET
    @Operation(
            summary = "The day's agenda (default: your today, in your time zone and day start)",
            description = "Every active habit with {habit, due, status: done|partial|missed|skipped|pending|not_due, "
                    + "progress: {value, target}} and, for per-week/month schedules, period: {done, times, start, "
                    + "end}, and nextReminderAt (when its next reminder fires, or null). A per-period habit is due every "
                    + "day of its period until the count is met.")
    public Today today(@QueryParam("date") String date, @Context SecurityContext sc) {
        java.util.UUID user = Auth.user(sc).userId();
        return CalendarDtos.today(views.today(user, Params.optionalDate(date, "date")), reminders.nextOfHabits(user));
    }
}
