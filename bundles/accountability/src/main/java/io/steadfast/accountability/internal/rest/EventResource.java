package io.steadfast.accountability.internal.rest;

import javax.ws.rs.GET;
import javax.ws.rs.HeaderParam;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.SecurityContext;
import javax.ws.rs.sse.Sse;
import javax.ws.rs.sse.SseEventSink;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

import io.steadfast.platform.rest.Auth;
import io.steadfast.platform.rest.RestApi;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@Component(service = EventResource.class)
@JaxrsResource
@JaxrsApplicationSelect(RestApi.APP_SELECT)
@JSONRequired
@Path("/v1/events")
@Tag(name = "notifications", description = "In-app notifications: invitations, partners, referee requests and verdicts")
public class EventResource {

    private final EventStreams streams;

    @Activate
    public EventResource(@Reference EventStreams streams) {
        this.streams = streams;
    }

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Operation(
            summary = "Your new notifications and feed items, live (Server-Sent Events)",
            description = "text/event-stream: events `notification` and `feed`, their data the JSON of GET "
                    + "/notifications and GET /feed items, each with an id; send Last-Event-ID (the last id you saw) "
                    + "to get what came after it when you reconnect. A comment every 25 s keeps the connection open. "
                    + "A write on any node reaches a stream on any other. At most 5 streams per user and server "
                    + "(429).")
    public void events(
            @HeaderParam("Last-Event-ID") String lastEventId,
            @Context SseEventSink sink,
            @Context Sse sse,
            @Context SecurityContext sc) {
        streams.open(Auth.user(sc).userId(), sink, sse, lastEventId);
    }
}
