package io.steadfast.delivery.internal.rest;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
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

import io.steadfast.api.error.ValidationException;
import io.steadfast.delivery.internal.domain.Delivery;
import io.steadfast.delivery.internal.service.Deliveries;
import io.steadfast.platform.rest.Auth;
import io.steadfast.platform.rest.Params;
import io.steadfast.platform.rest.RestApi;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The caller's delivery log: what went to which channel, and what became of it. */
@Component(service = DeliveryResource.class)
@JaxrsResource
@JaxrsApplicationSelect(RestApi.APP_SELECT)
@JSONRequired
@Path("/v1/me/deliveries")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "channels", description = "Where reminders, alerts and events go: e-mail, webhooks, ntfy, the app")
public class DeliveryResource {

    private static final List<String> STATUSES =
            List.of(Delivery.PENDING, Delivery.SENT, Delivery.FAILED, Delivery.WAITING);

    private final Deliveries deliveries;

    @Activate
    public DeliveryResource(@Reference Deliveries deliveries) {
        this.deliveries = deliveries;
    }

    public record DeliveryDto(
            UUID id,
            UUID channelId,
            String kind,
            String title,
            String status,
            int attempts,
            String lastError,
            Instant createdAt,
            Instant nextAttemptAt,
            Instant sentAt) {

        static DeliveryDto of(Delivery d) {
            return new DeliveryDto(
                    d.id(),
                    d.channelId(),
                    d.type(),
                    d.title(),
                    d.status(),
                    d.attempts(),
                    d.lastError(),
                    d.createdAt(),
                    Delivery.PENDING.equals(d.status()) ? d.nextAt() : null,
                    d.sentAt());
        }
    }

    public record Page(List<DeliveryDto> items, String nextCursor) {}

    @GET
    @Operation(
            summary = "Your deliveries, newest first",
            description = "status: pending|sent|failed|waiting (waiting: the channel's type is not running); cursor: "
                    + "the nextCursor of the page before; limit 1-100 (default 50). Kept 30 days.")
    public Page list(
            @QueryParam("status") String status,
            @QueryParam("cursor") String cursor,
            @QueryParam("limit") String limit,
            @Context SecurityContext sc) {
        if (status != null && !STATUSES.contains(status)) {
            throw new ValidationException("status", "must be one of " + String.join(", ", STATUSES));
        }
        int n = Params.integer(limit, "limit", 50, 1, 100);
        Instant before = null;
        UUID beforeId = null;
        if (cursor != null) {
            String[] parts = cursor.split("_", 2);
            try {
                before = Instant.ofEpochMilli(Long.parseLong(parts[0]));
                beforeId = UUID.fromString(parts[1]);
            } catch (RuntimeException e) {
                throw new ValidationException("cursor", "is not a cursor of this list; use a page's nextCursor");
            }
        }
        List<Delivery> rows = deliveries.list(Auth.user(sc).userId(), status, before, beforeId, n + 1);
        String next = null;
        if (rows.size() > n) {
            Delivery last = rows.get(n - 1);
            next = last.createdAt().toEpochMilli() + "_" + last.id();
            rows = rows.subList(0, n);
        }
        return new Page(rows.stream().map(DeliveryDto::of).toList(), next);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One delivery")
    public DeliveryDto get(@PathParam("id") String id, @Context SecurityContext sc) {
        return DeliveryDto.of(deliveries.get(Auth.user(sc).userId(), Params.id(id, "Delivery")));
    }

    @POST
    @Path("/{id}/retry")
    @Operation(summary = "Send a failed delivery again now (409 unless it failed)")
    @RequestBody(required = false)
    public DeliveryDto retry(@PathParam("id") String id, @Context SecurityContext sc) {
        return DeliveryDto.of(deliveries.retry(Auth.user(sc).userId(), Params.id(id, "Delivery")));
    }
}
