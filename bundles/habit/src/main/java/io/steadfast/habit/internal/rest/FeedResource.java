package io.steadfast.habit.internal.rest;

import java.util.UUID;

import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
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
import io.steadfast.api.auth.Public;
import io.steadfast.api.error.ApiException;
import io.steadfast.api.rest.RestApi;
import io.steadfast.habit.internal.rest.HabitDtos.FeedUrl;
import io.steadfast.habit.internal.service.FeedRenderer;
import io.steadfast.habit.internal.service.HabitService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;

@Component(service = FeedResource.class)
@JaxrsResource
@JaxrsApplicationSelect(RestApi.APP_SELECT)
@JSONRequired
@Path("/v1/calendar-feed")
@Tag(name = "calendar feed", description = "Subscribe to your due habits from any calendar app")
public class FeedResource {

    static final int DAYS = 14;

    private final HabitService habits;

    @Activate
    public FeedResource(@Reference HabitService habits) {
        this.habits = habits;
    }

    @GET
    @Path("/{file}")
    @Produces("text/calendar")
    @Public
    @SecurityRequirements
    @Operation(summary = "The iCalendar feed (RFC 5545) of the habits due in the next 14 days")
    public Response feed(@PathParam("file") String file) {
        String secret = file.endsWith(".ics") ? file.substring(0, file.length() - 4) : file;
        UUID owner = habits.feedOwner(secret).orElseThrow(() -> ApiException.notFound("Calendar feed"));
        String ics = FeedRenderer.render(habits.feedData(owner, DAYS));
        return Response.ok(ics, "text/calendar; charset=utf-8")
                .header("Content-Disposition", "inline; filename=\"steadfast.ics\"")
                .header("Cache-Control", "private, max-age=300").build();
    }
}
