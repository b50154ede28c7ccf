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

@Component(service = CalendarFeedResource.class)
@JaxrsResource
@JaxrsApplicationSelect(RestApi.APP_SELECT)
@JSONRequired
@Path("/v1/me/calendar-feed")
@Tag(name = "calendar feed", description = "Subscribe to your due habits from any calendar app")
public class CalendarFeedResource {

    static final int DAYS = 14;

    private final HabitService habits;

    @Activate
    public CalendarFeedResource(@Reference HabitService habits) {
        this.habits = habits;
    }

    @POST
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create or rotate your calendar feed URL", description = "Answers {url}: a secret URL "
            + "that needs no Authorization header, for calendar apps. Rotating invalidates the previous URL.")
    public FeedUrl rotate(@Context SecurityContext sc, @Context UriInfo uri) {
        String secret = habits.rotateFeed(Auth.user(sc).userId());
        return new FeedUrl(uri.getBaseUriBuilder().path("v1/calendar-feed/" + secret + ".ics").build().toString());
    }
}
