package io.steadfast.calendar.internal.rest;

import javax.ws.rs.DELETE;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
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
import io.steadfast.calendar.internal.rest.CalendarDtos.FeedUrl;
import io.steadfast.calendar.internal.service.CalendarFeeds;
import io.steadfast.platform.rest.Auth;
import io.steadfast.platform.rest.RestApi;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@Component(service = MyCalendarFeedResource.class)
@JaxrsResource
@JaxrsApplicationSelect(RestApi.APP_SELECT)
@JSONRequired
@Path("/v1/me/calendar-feed")
@Tag(name = "calendar feed", description = "Subscribe to your due habits from any calendar app")
public class MyCalendarFeedResource {

    private final CalendarFeeds feeds;
    private final PublicUrl publicUrl;

    @Activate
    public MyCalendarFeedResource(@Reference CalendarFeeds feeds, @Reference PublicUrl publicUrl) {
        this.feeds = feeds;
        this.publicUrl = publicUrl;
    }

    @POST
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Create or rotate your calendar feed URL",
            description = "Answers {url}: a secret URL "
                    + "that needs no Authorization header, for calendar apps. Rotating invalidates the previous URL.")
    public FeedUrl rotate(@Context SecurityContext sc) {
        String secret = feeds.rotate(Auth.user(sc).userId());
        // from the configured public URL (https behind a TLS proxy), never from the request's Host header
        return new FeedUrl(publicUrl.api("/v1/calendar-feed/" + secret + ".ics").toString());
    }

    @DELETE
    @Operation(
            summary = "Turn your calendar feed off",
            description = "204; the feed URL stops working (404) until you create a new one")
    @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "204", description = "Done; no content")
    public Response turnOff(@Context SecurityContext sc) {
        feeds.turnOff(Auth.user(sc).userId());
        return Response.noContent().build();
    }
}
