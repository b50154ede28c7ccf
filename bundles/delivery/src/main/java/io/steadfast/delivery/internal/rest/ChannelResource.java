package io.steadfast.delivery.internal.rest;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
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
import io.steadfast.delivery.internal.service.Channels;
import io.steadfast.delivery.internal.service.Deliveries;
import io.steadfast.platform.rest.Auth;
import io.steadfast.platform.rest.PATCH;
import io.steadfast.platform.rest.Params;
import io.steadfast.platform.rest.RestApi;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The caller's channels. */
@Component(service = ChannelResource.class)
@JaxrsResource
@JaxrsApplicationSelect(RestApi.APP_SELECT)
@JSONRequired
@Path("/v1/me/channels")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "channels", description = "Where reminders, alerts and events go: e-mail, webhooks, ntfy, the app")
public class ChannelResource {

    private final Channels channels;
    private final Deliveries deliveries;
    private final PublicUrl publicUrl;

    @Activate
    public ChannelResource(
            @Reference Channels channels, @Reference Deliveries deliveries, @Reference PublicUrl publicUrl) {
        this.channels = channels;
        this.deliveries = deliveries;
        this.publicUrl = publicUrl;
    }

    public record FieldDto(
            String name, String label, String type, boolean required, boolean secret, String description) {}

    public record ChannelTypeDto(String key, String name, List<FieldDto> config) {}

    public record ChannelDto(
            UUID id,
            String type,
            String name,
            @Schema(description = "the settings; secrets show as ******** (a generated one shows once, at creation)")
                    Map<String, Object> config,
            boolean enabled,
            @Schema(nullable = true, description = "why the server turned it off") String disabledReason,
            @Schema(description = "whether its type runs now (if not, its messages wait)") boolean typeAvailable,
            Instant createdAt,
            Instant updatedAt) {

        static ChannelDto of(Channels.Channel c) {
            var r = c.row();
            return new ChannelDto(
                    r.id(),
                    r.type(),
                    r.name(),
                    c.config(),
                    r.enabled(),
                    r.disabledReason(),
                    c.typeAvailable(),
                    r.createdAt(),
                    r.updatedAt());
        }
    }

    public record ChannelInput(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "webhook") String type,
            String name,
            @Schema(description = "the type's settings (GET /api/v1/channel-types)") Map<String, Object> config) {}

    public record ChannelPatch(String name, Boolean enabled, Map<String, Object> config) {}

    public record TestSent(UUID deliveryId) {}

    @GET
    @Operation(summary = "Your channels (the in-app one included)")
    public List<ChannelDto> list(@Context SecurityContext sc) {
        return channels.list(Auth.user(sc).userId()).stream()
                .map(ChannelDto::of)
                .toList();
    }

    @POST
    @Operation(
            summary = "Add a channel",
            description = "201 with Location; 422 naming the field (`type`, `config.<setting>`) for an unknown type or "
                    + "invalid settings. A webhook URL must resolve to a public address. 422 `limit-reached` "
                    + "when you have as many channels as the server allows (`channels`, 20 unless configured).")
    @io.swagger.v3.oas.annotations.responses.ApiResponse(
            responseCode = "201",
            description = "Created",
            content =
                    @io.swagger.v3.oas.annotations.media.Content(
                            mediaType = "application/json",
                            schema = @io.swagger.v3.oas.annotations.media.Schema(implementation = ChannelDto.class)))
    public Response create(ChannelInput body, @Context SecurityContext sc) {
        ChannelInput in = body == null ? new ChannelInput(null, null, null) : body;
        ChannelDto c = ChannelDto.of(channels.create(Auth.user(sc).userId(), in.type(), in.name(), in.config()));
        return Response.created(publicUrl.api("/v1/me/channels/" + c.id()))
                .entity(c)
                .build();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One of your channels")
    public ChannelDto get(@PathParam("id") String id, @Context SecurityContext sc) {
        return ChannelDto.of(channels.get(Auth.user(sc).userId(), Params.id(id, "Channel")));
    }

    @PATCH
    @Path("/{id}")
    @Operation(
            summary = "Change a channel",
            description = "Only the fields present change; in `config`, a setting present changes, `null` removes an "
                    + "optional one, a secret left out or sent as ******** stays. `enabled: true` turns a channel the "
                    + "server turned off on again.")
    @RequestBody(content = @Content(schema = @Schema(implementation = ChannelPatch.class)))
    public ChannelDto patch(@PathParam("id") String id, Map<String, Object> body, @Context SecurityContext sc) {
        return ChannelDto.of(channels.patch(Auth.user(sc).userId(), Params.id(id, "Channel"), body));
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Delete a channel and its delivery log (the in-app one can only be turned off)")
    @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "204", description = "Done; no content")
    public Response delete(@PathParam("id") String id, @Context SecurityContext sc) {
        channels.delete(Auth.user(sc).userId(), Params.id(id, "Channel"));
        return Response.noContent().build();
    }

    @POST
    @Path("/{id}/test")
    @Operation(
            summary = "Send a test message to the channel now",
            description = "202 with the delivery's id; see GET /api/v1/me/deliveries/{id} for what became of it.")
    @RequestBody(required = false)
    @io.swagger.v3.oas.annotations.responses.ApiResponse(
            responseCode = "202",
            description = "Accepted",
            content =
                    @io.swagger.v3.oas.annotations.media.Content(
                            mediaType = "application/json",
                            schema = @io.swagger.v3.oas.annotations.media.Schema(implementation = TestSent.class)))
    public Response test(@PathParam("id") String id, @Context SecurityContext sc) {
        UUID d = deliveries.test(Auth.user(sc).userId(), Params.id(id, "Channel"));
        return Response.accepted(new TestSent(d))
                .location(publicUrl.api("/v1/me/deliveries/" + d))
                .build();
    }
}
