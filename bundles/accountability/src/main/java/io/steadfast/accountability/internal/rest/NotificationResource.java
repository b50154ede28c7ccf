package io.steadfast.accountability.internal.rest;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
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

import io.steadfast.accountability.internal.service.NotificationService;
import io.steadfast.api.error.ValidationException;
import io.steadfast.platform.rest.Auth;
import io.steadfast.platform.rest.Params;
import io.steadfast.platform.rest.RestApi;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@Component(service = NotificationResource.class)
@JaxrsResource
@JaxrsApplicationSelect(RestApi.APP_SELECT)
@JSONRequired
@Path("/v1/notifications")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "notifications", description = "In-app notifications: invitations, partners, referee requests and verdicts")
public class NotificationResource {

    private final NotificationService notifications;

    @Activate
    public NotificationResource(@Reference NotificationService notifications) {
        this.notifications = notifications;
    }

    public record ActorDto(UUID userId, String displayName) {}

    public record HabitRefDto(UUID id, String name) {}

    /**
     * @param kind         partner_invitation, partner_accepted, partner_joined, referee_request, referee_confirmed,
     *                     referee_disputed
     * @param invitationId for partner_invitation and partner_accepted
     */
    public record NotificationDto(
            long id,
            String kind,
            ActorDto actor,
            HabitRefDto habit,
            LocalDate date,
            String invitationId,
            String comment,
            Instant createdAt,
            boolean read) {
        static NotificationDto of(NotificationService.Notification n) {
            return new NotificationDto(
                    n.id(),
                    n.kind(),
                    n.actor() == null
                            ? null
                            : new ActorDto(n.actor().userId(), n.actor().displayName()),
                    n.habitId() == null ? null : new HabitRefDto(n.habitId(), n.habitName()),
                    n.date(),
                    n.refId(),
                    n.comment(),
                    n.createdAt(),
                    n.read());
        }
    }

    public record PageDto(List<NotificationDto> items, String nextCursor) {}

    public record CountDto(long count) {}

    public record ReadInput(List<Long> ids, Boolean all) {}

    public record ReadDto(int updated) {}

    @GET
    @Operation(
            summary = "Your notifications, the newest first",
            description = "unread=true for the unread ones only; limit 1–100 (default 50); cursor: the nextCursor of "
                    + "the previous page → {items: [{id, kind, actor: {userId, displayName}, habit: {id, name}, "
                    + "date, invitationId, comment, createdAt, read}], nextCursor}.")
    public PageDto list(
            @QueryParam("unread") String unread,
            @QueryParam("cursor") String cursor,
            @QueryParam("limit") String limit,
            @Context SecurityContext sc) {
        NotificationService.Page p = notifications.list(
                Auth.user(sc).userId(),
                Params.bool(unread, "unread", false),
                cursor,
                Params.integer(limit, "limit", 50, 1, 100));
        return new PageDto(p.items().stream().map(NotificationDto::of).toList(), p.nextCursor());
    }

    @GET
    @Path("/unread-count")
    @Operation(summary = "How many of your notifications are unread", description = "{count}")
    public CountDto unreadCount(@Context SecurityContext sc) {
        return new CountDto(notifications.unread(Auth.user(sc).userId()));
    }

    @POST
    @Path("/read")
    @Operation(
            summary = "Mark notifications read",
            description = "{ids: [...]} (at most 500) or {all: true} → {updated}. Ids that are not yours change "
                    + "nothing.")
    public ReadDto read(ReadInput body, @Context SecurityContext sc) {
        if (body == null) {
            throw new ValidationException("body", "a JSON object is required: {\"ids\": [1, 2]} or {\"all\": true}");
        }
        return new ReadDto(notifications.read(Auth.user(sc).userId(), body.ids(), body.all()));
    }
}
