package io.steadfast.accountability.internal.rest;

import java.util.List;
import java.util.UUID;

import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
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

import io.steadfast.accountability.internal.rest.PartnerDtos.InvitationDto;
import io.steadfast.accountability.internal.rest.PartnerDtos.InvitationRequest;
import io.steadfast.accountability.internal.rest.PartnerDtos.InvitationsDto;
import io.steadfast.accountability.internal.rest.PartnerDtos.InviteCodeDto;
import io.steadfast.accountability.internal.rest.PartnerDtos.PartnerCalendarDto;
import io.steadfast.accountability.internal.rest.PartnerDtos.PartnerDto;
import io.steadfast.accountability.internal.rest.PartnerDtos.PartnerHabitDto;
import io.steadfast.accountability.internal.service.NudgeService;
import io.steadfast.accountability.internal.service.PartnerService;
import io.steadfast.accountability.internal.service.PartnerViews;
import io.steadfast.api.error.ValidationException;
import io.steadfast.api.link.PublicUrl;
import io.steadfast.platform.rest.Auth;
import io.steadfast.platform.rest.Params;
import io.steadfast.platform.rest.RestApi;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@Component(service = PartnerResource.class)
@JaxrsResource
@JaxrsApplicationSelect(RestApi.APP_SELECT)
@JSONRequired
@Path("/v1/partners")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "partners", description = "Accountability partners: invitations, invite codes and shared habits")
public class PartnerResource {

    private final PartnerService partners;
    private final PartnerViews views;
    private final PublicUrl publicUrl;
    private final NudgeService nudges;

    @Activate
    public PartnerResource(
            @Reference PartnerService partners,
            @Reference PartnerViews views,
            @Reference PublicUrl publicUrl,
            @Reference NudgeService nudges) {
        this.partners = partners;
        this.views = views;
        this.publicUrl = publicUrl;
        this.nudges = nudges;
    }

    @GET
    @Operation(summary = "Your partners", description = "[{userId, displayName, since}], the oldest partnership first.")
    public List<PartnerDto> list(@Context SecurityContext sc) {
        return partners.list(Auth.user(sc).userId()).stream()
                .map(PartnerDto::of)
                .toList();
    }

    @DELETE
    @Path("/{userId}")
    @Operation(
            summary = "End a partnership",
            description = "Either side may end it; afterwards neither sees anything of the other's.")
    @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "204", description = "Done; no content")
    public Response end(@PathParam("userId") String userId, @Context SecurityContext sc) {
        partners.end(Auth.user(sc).userId(), Params.id(userId, "Partner"));
        return Response.noContent().build();
    }

    @POST
    @Path("/invitations")
    @Operation(
            summary = "Invite someone by email to be your partner",
            description = "{email}. The answer is the same whether the address has an account or not; the invitation "
                    + "reaches whoever holds the address when they look (an account registered later, too). Nothing "
                    + "is shared until they accept. 422 `limit-reached` when you have as many pending invitations "
                    + "out as the server allows (`invitations`, 50 unless configured).")
    @io.swagger.v3.oas.annotations.responses.ApiResponse(
            responseCode = "201",
            description = "Created",
            content =
                    @io.swagger.v3.oas.annotations.media.Content(
                            mediaType = "application/json",
                            schema = @io.swagger.v3.oas.annotations.media.Schema(implementation = InvitationDto.class)))
    public Response invite(InvitationRequest body, @Context SecurityContext sc) {
        if (body == null) {
            throw new ValidationException("body", "a JSON object is required: {\"email\": \"ann@example.org\"}");
        }
        InvitationDto i = InvitationDto.of(partners.invite(Auth.user(sc).userId(), body.email()));
        return Response.created(publicUrl.api("/v1/partners/invitations/" + i.id()))
                .entity(i)
                .build();
    }

    @GET
    @Path("/invitations")
    @Operation(
            summary = "Invitations you received (waiting for your answer) and sent",
            description = "{received: [...], sent: [...]}, each {id, direction, email (sent), from: {userId, "
                    + "displayName, email} (received), status: pending|accepted|declined, createdAt, answeredAt}.")
    public InvitationsDto invitations(@Context SecurityContext sc) {
        return InvitationsDto.of(partners.invitations(Auth.user(sc).userId()));
    }

    @POST
    @Path("/invitations/{id}/accept")
    @Operation(
            summary = "Accept an invitation addressed to you",
            description = "Answers the new partner. 422 `limit-reached` when you have as many partners as the server "
                    + "allows (`partners`, 100 unless configured); 409 when the sender has.")
    public PartnerDto accept(@PathParam("id") String id, @Context SecurityContext sc) {
        return PartnerDto.of(partners.accept(Auth.user(sc).userId(), Params.id(id, "Invitation")));
    }

    @POST
    @Path("/invitations/{id}/decline")
    @Operation(summary = "Decline an invitation addressed to you", description = "The sender sees it declined.")
    @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "204", description = "Done; no content")
    public Response decline(@PathParam("id") String id, @Context SecurityContext sc) {
        partners.decline(Auth.user(sc).userId(), Params.id(id, "Invitation"));
        return Response.noContent().build();
    }

    @DELETE
    @Path("/invitations/{id}")
    @Operation(summary = "Withdraw an invitation you sent", description = "A partnership it made stays.")
    @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "204", description = "Done; no content")
    public Response withdraw(@PathParam("id") String id, @Context SecurityContext sc) {
        partners.withdraw(Auth.user(sc).userId(), Params.id(id, "Invitation"));
        return Response.noContent().build();
    }

    @POST
    @Path("/invite-codes")
    @Operation(
            summary = "A shareable invite code",
            description = "{code, expiresAt}: whoever redeems it becomes your partner. One use, 7 days; shown only "
                    + "in this answer (stored as a hash).")
    @io.swagger.v3.oas.annotations.responses.ApiResponse(
            responseCode = "201",
            description = "Created",
            content =
                    @io.swagger.v3.oas.annotations.media.Content(
                            mediaType = "application/json",
                            schema = @io.swagger.v3.oas.annotations.media.Schema(implementation = InviteCodeDto.class)))
    public Response createCode(@Context SecurityContext sc) {
        PartnerService.NewCode c = partners.createCode(Auth.user(sc).userId());
        return Response.status(Response.Status.CREATED)
                .entity(new InviteCodeDto(c.code(), c.expiresAt()))
                .build();
    }

    @POST
    @Path("/invite-codes/{code}/accept")
    @Operation(
            summary = "Redeem someone's invite code",
            description = "Any case, with or without dashes. Answers the new partner; an unknown, used or expired "
                    + "code is 404. 422 `limit-reached` when you have as many partners as the server allows; 409 "
                    + "when the code's owner has (the code stays unused).")
    public PartnerDto redeem(@PathParam("code") String code, @Context SecurityContext sc) {
        return PartnerDto.of(partners.redeem(Auth.user(sc).userId(), code));
    }

    public record NudgeInput(String habitId, String message) {}

    public record NudgeDto(UUID to, UUID habitId, String message, java.time.Instant sentAt, int remainingToday) {}

    @POST
    @Path("/{userId}/nudges")
    @Operation(
            summary = "Nudge a partner about a habit they share with you",
            description = "{habitId, message?} (at most 200 characters) → 201 {to, habitId, message, sentAt, "
                    + "remainingToday}; the partner gets a notification. At most 3 a day to one partner and 30 a day "
                    + "in all (UTC days, counted on every node): 429 with Retry-After past them.")
    @io.swagger.v3.oas.annotations.responses.ApiResponse(
            responseCode = "201",
            description = "Created",
            content =
                    @io.swagger.v3.oas.annotations.media.Content(
                            mediaType = "application/json",
                            schema = @io.swagger.v3.oas.annotations.media.Schema(implementation = NudgeDto.class)))
    public Response nudge(@PathParam("userId") String userId, NudgeInput body, @Context SecurityContext sc) {
        UUID partner = Params.id(userId, "Partner");
        // someone who is not a partner is not found, whatever the body says
        partners.partner(Auth.user(sc).userId(), partner);
        if (body == null || body.habitId() == null || body.habitId().isBlank()) {
            throw new ValidationException("habitId", "is required: the shared habit to nudge about");
        }
        UUID habit;
        try {
            habit = UUID.fromString(body.habitId().trim());
        } catch (IllegalArgumentException e) {
            throw new ValidationException("habitId", "must be the id of a habit your partner shares with you");
        }
        NudgeService.Nudge n = nudges.nudge(Auth.user(sc).userId(), partner, habit, body.message());
        return Response.status(Response.Status.CREATED)
                .entity(new NudgeDto(n.recipientId(), n.habitId(), n.message(), n.sentAt(), n.remainingToday()))
                .build();
    }

    @GET
    @Path("/{userId}/habits")
    @Operation(
            summary = "The habits a partner shares with you",
            description = "[{habit: {id, name, description, type, target, unit, schedule, color, icon, shareNotes}, "
                    + "today: {date, due, status, value, target, period}, streak: {current, longest, unit}, "
                    + "strength, doneDays}] in the partner's order, as of the partner's today. Private habits never "
                    + "appear.")
    public List<PartnerHabitDto> habits(@PathParam("userId") String userId, @Context SecurityContext sc) {
        return views.habits(Auth.user(sc).userId(), Params.id(userId, "Partner")).stream()
                .map(PartnerHabitDto::of)
                .toList();
    }

    @GET
    @Path("/{userId}/habits/{habitId}/calendar")
    @Operation(
            summary = "The days of a habit a partner shares with you",
            description = "from/to (default: the four weeks up to the partner's today; at most 366 days) → {habit, "
                    + "from, to, days: [{date, due, status, value, target, period, note}]}; note only when the "
                    + "partner shares notes (shareNotes).")
    public PartnerCalendarDto calendar(
            @PathParam("userId") String userId,
            @PathParam("habitId") String habitId,
            @QueryParam("from") String from,
            @QueryParam("to") String to,
            @Context SecurityContext sc) {
        return PartnerCalendarDto.of(views.calendar(
                Auth.user(sc).userId(),
                Params.id(userId, "Partner"),
                Params.id(habitId, "Habit"),
                Params.optionalDate(from, "from"),
                Params.optionalDate(to, "to")));
    }
}
