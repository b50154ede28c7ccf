package io.steadfast.delivery.internal.rest;

import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

import io.steadfast.api.auth.Secrets;
import io.steadfast.api.error.NotFoundException;
import io.steadfast.delivery.internal.service.Unsubscribes;
import io.steadfast.platform.rest.Public;
import io.steadfast.platform.rest.RestApi;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The link in every message that turns its channel off without signing in (RFC 8058 one-click: a POST; a GET from a
 * mail client's link shows the same answer).
 */
@Component(service = UnsubscribeResource.class)
@JaxrsResource
@JaxrsApplicationSelect(RestApi.APP_SELECT)
@Path("/v1/channels/unsubscribe")
@Tag(name = "channels", description = "Where reminders, alerts and events go: e-mail, webhooks, ntfy, the app")
public class UnsubscribeResource {

    private final Unsubscribes unsubscribes;

    @Activate
    public UnsubscribeResource(@Reference Unsubscribes unsubscribes) {
        this.unsubscribes = unsubscribes;
    }

    @GET
    @Public
    @Produces(MediaType.TEXT_PLAIN)
    @Operation(summary = "Turn off the channel a message came through (the message's unsubscribe link)")
    public Response get(@QueryParam("token") String token) {
        return answer(token);
    }

    @POST
    @Public
    @Produces(MediaType.TEXT_PLAIN)
    @Operation(summary = "One-click unsubscribe (RFC 8058): turn off the channel a message came through")
    public Response post(@QueryParam("token") String token) {
        return answer(token);
    }

    private Response answer(String token) {
        if (!Secrets.wellFormed(token, "sfu_") || !unsubscribes.unsubscribe(token)) {
            throw new NotFoundException("Unsubscribe link");
        }
        return Response.ok("This channel is turned off; you will get no more messages through it. Turn it on again "
                        + "in Settings > Channels.")
                .type(MediaType.TEXT_PLAIN_TYPE.withCharset("UTF-8"))
                .build();
    }
}
