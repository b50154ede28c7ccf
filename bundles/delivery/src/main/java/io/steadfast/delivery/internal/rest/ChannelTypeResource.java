package io.steadfast.delivery.internal.rest;

import java.util.List;
import java.util.Locale;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

import io.steadfast.delivery.internal.rest.ChannelResource.ChannelTypeDto;
import io.steadfast.delivery.internal.rest.ChannelResource.FieldDto;
import io.steadfast.delivery.internal.service.ChannelTypes;
import io.steadfast.platform.rest.RestApi;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The channel types running now (a plugin's type appears and goes with its bundle). */
@Component(service = ChannelTypeResource.class)
@JaxrsResource
@JaxrsApplicationSelect(RestApi.APP_SELECT)
@JSONRequired
@Path("/v1/channel-types")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "channels", description = "Where reminders, alerts and events go: e-mail, webhooks, ntfy, the app")
public class ChannelTypeResource {

    private final ChannelTypes types;

    @Activate
    public ChannelTypeResource(@Reference ChannelTypes types) {
        this.types = types;
    }

    @GET
    @Operation(summary = "The channel types running now, each with the settings it takes")
    public List<ChannelTypeDto> types() {
        return types.all().stream()
                .map(t -> new ChannelTypeDto(
                        t.key(),
                        t.name(),
                        t.configSchema().stream()
                                .map(f -> new FieldDto(
                                        f.name(),
                                        f.label(),
                                        f.type().name().toLowerCase(Locale.ROOT),
                                        f.required(),
                                        f.secret(),
                                        f.description()))
                                .toList()))
                .toList();
    }
}
