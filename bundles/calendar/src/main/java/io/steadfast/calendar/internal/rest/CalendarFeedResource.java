package io.steadfast.calendar.internal.rest;

import java.util.UUID;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Response;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

import io.steadfast.api.error.ApiException;
import io.steadfast.calendar.internal.service.CalendarFeeds;
import io.steadfast.calendar.internal.service.FeedRenderer;
import io.steadfast.platform.rest.Public;
import io.steadfast.platform.rest.RestApi;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;

@Component(service = CalendarFeedResource.class)
@JaxrsResource
@JaxrsApplicationSelect(RestApi.APP_SELECT)
@JSONRequired
@Path("/v1/calendar-feed")
@Tag(name = "calendar feed", description = "Subscribe to your due habits from any calendar app")
public class CalendarFeedResource {

    private final CalendarFeeds feeds;

    @Activate
    public CalendarFeedResource(@Reference CalendarFeeds feeds) {
        this.feeds = feeds;
    }

    @GET
    @Path("/{file}")
    @Produces("text/calendar")
    @Public
    @SecurityRequirements
    @Operation(summary = "The iCalendar feed (RFC 5545) of the habits due in the next 14 days")
    public Response feed(@PathParam("file") String file) {
        String secret = file.endsWith(".ics") ? file.substring(0, file.length() - 4) : file;
        UUID owner = feeds.owner(secret).orElseThrow(() -> ApiException.notFound("Calendar feed"));
        String ics = FeedRenderer.render(feeds.data(owner));
        return Response.ok(ics, "text/calendar; charset=utf-8")
                .header("Content-Disposition", "inline; filename=\"steadfast.ics\"")
                .header("Cache-Control", "private, max-age=300")
                .build();
    }
}
