package io.steadfast.accountability.internal.rest;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
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

import io.steadfast.accountability.internal.service.ChallengeService;
import io.steadfast.accountability.internal.service.GroupService;
import io.steadfast.api.error.ValidationException;
import io.steadfast.api.link.PublicUrl;
import io.steadfast.habit.dto.ScheduleSpec;
import io.steadfast.platform.rest.Auth;
import io.steadfast.platform.rest.Params;
import io.steadfast.platform.rest.RestApi;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@Component(service = GroupResource.class)
@JaxrsResource
@JaxrsApplicationSelect(RestApi.APP_SELECT)
@JSONRequired
@Path("/v1/groups")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "groups", description = "Accountability groups and their challenges")
public class GroupResource {

    private final GroupService groups;
    private final ChallengeService challenges;
    private final PublicUrl publicUrl;

    @Activate
    public GroupResource(
            @Reference GroupService groups, @Reference ChallengeService challenges, @Reference PublicUrl publicUrl) {
        this.groups = groups;
        this.challenges = challenges;
        this.publicUrl = publicUrl;
    }

    public record GroupInput(String name, String description) {}

    public record OwnerInput(String userId) {}

    public record MemberDto(UUID userId, String displayName, String role, Instant joinedAt) {}

    /** {@code members} only in {@code GET /groups/{id}}. */
    public record GroupDto(
            UUID id,
            String name,
            String description,
            String role,
            int memberCount,
            Instant createdAt,
            List<MemberDto> members) {
        static GroupDto of(GroupService.Group g) {
            return new GroupDto(
                    g.id(),
                    g.name(),
                    g.description(),
                    g.role(),
                    g.memberCount(),
                    g.createdAt(),
                    g.members() == null
                            ? null
                            : g.members().stream()
                                    .map(m -> new MemberDto(m.userId(), m.displayName(), m.role(), m.joinedAt()))
                                    .toList());
        }
    }

    public record CodeDto(String code, Instant expiresAt) {}

    public record ChallengeHabit(String type, BigDecimal target, String unit, ScheduleSpec schedule) {}

    public record ChallengeInput(String name, ChallengeHabit habit, LocalDate startDate, LocalDate endDate) {}

    /** {@code myHabitId}: the caller's habit once they joined, else {@code null}. */
    public record ChallengeDto(
            UUID id,
            UUID groupId,
            String name,
            ChallengeHabit habit,
            LocalDate startDate,
            LocalDate endDate,
            int participants,
            UUID myHabitId,
            Instant createdAt) {
        static ChallengeDto of(ChallengeService.Challenge c) {
            return new ChallengeDto(
                    c.id(),
                    c.groupId(),
                    c.name(),
                    new ChallengeHabit(c.type(), c.target(), c.unit(), ScheduleSpec.of(c.schedule())),
                    c.startDate(),
                    c.endDate(),
                    c.participants(),
                    c.myHabitId(),
                    c.createdAt());
        }
    }

    public record StandingDto(
            int rank, UUID userId, String displayName, double completionRate, int currentStreak, int doneDays) {}

    @POST
    @Operation(
            summary = "Create a group",
            description = "{name, description?} → 201: you are its owner. 422 `limit-reached` when you belong to as "
                    + "many groups as the server allows (`groups`, made or joined; 50 unless configured).")
    @io.swagger.v3.oas.annotations.responses.ApiResponse(
            responseCode = "201",
            description = "Created",
            content =
                    @io.swagger.v3.oas.annotations.media.Content(
                            mediaType = "application/json",
                            schema = @io.swagger.v3.oas.annotations.media.Schema(implementation = GroupDto.class)))
    public Response create(GroupInput body, @Context SecurityContext sc) {
        if (body == null) {
            throw new ValidationException("body", "a JSON object is required: {\"name\": \"Morning runners\"}");
        }
        GroupDto g = GroupDto.of(groups.create(Auth.user(sc).userId(), body.name(), body.description()));
        return Response.created(publicUrl.api("/v1/groups/" + g.id())).entity(g).build();
    }

    @GET
    @Operation(summary = "Your groups", description = "[{id, name, description, role: owner|member, memberCount}]")
    public List<GroupDto> list(@Context SecurityContext sc) {
        return groups.list(Auth.user(sc).userId()).stream().map(GroupDto::of).toList();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "A group with its members and their roles", description = "404 unless you are a member.")
    public GroupDto get(@PathParam("id") String id, @Context SecurityContext sc) {
        return GroupDto.of(groups.get(Auth.user(sc).userId(), Params.id(id, "Group")));
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Delete a group (the owner)", description = "Its challenges go with it; members' habits stay.")
    @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "204", description = "Done; no content")
    public Response delete(@PathParam("id") String id, @Context SecurityContext sc) {
        groups.delete(Auth.user(sc).userId(), Params.id(id, "Group"));
        return Response.noContent().build();
    }

    @POST
    @Path("/{id}/invite-codes")
    @Operation(
            summary = "An invite code for the group (the owner)",
            description = "{code, expiresAt}: one use, 7 days; shown only here.")
    @io.swagger.v3.oas.annotations.responses.ApiResponse(
            responseCode = "201",
            description = "Created",
            content =
                    @io.swagger.v3.oas.annotations.media.Content(
                            mediaType = "application/json",
                            schema = @io.swagger.v3.oas.annotations.media.Schema(implementation = CodeDto.class)))
    public Response code(@PathParam("id") String id, @Context SecurityContext sc) {
        GroupService.NewCode c = groups.createCode(Auth.user(sc).userId(), Params.id(id, "Group"));
        return Response.status(Response.Status.CREATED)
                .entity(new CodeDto(c.code(), c.expiresAt()))
                .build();
    }

    @POST
    @Path("/join/{code}")
    @Operation(
            summary = "Join a group with an invite code",
            description = "Answers the group; 404 for an unknown, used or expired code; 409 when you are a member; "
                    + "422 `limit-reached` when you belong to as many groups as the server allows.")
    public GroupDto join(@PathParam("code") String code, @Context SecurityContext sc) {
        return GroupDto.of(groups.join(Auth.user(sc).userId(), code));
    }

    @DELETE
    @Path("/{id}/members/{userId}")
    @Operation(
            summary = "Remove a member",
            description = "The owner removes anyone else; a member removes themself (leaves). The owner hands the "
                    + "group over first.")
    @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "204", description = "Done; no content")
    public Response remove(
            @PathParam("id") String id, @PathParam("userId") String userId, @Context SecurityContext sc) {
        groups.remove(Auth.user(sc).userId(), Params.id(id, "Group"), Params.id(userId, "Member"));
        return Response.noContent().build();
    }

    @POST
    @Path("/{id}/owner")
    @Operation(summary = "Hand the group over to a member (the owner)", description = "{userId} → the group")
    public GroupDto handOver(@PathParam("id") String id, OwnerInput body, @Context SecurityContext sc) {
        UUID group = Params.id(id, "Group");
        UUID me = Auth.user(sc).userId();
        groups.get(me, group);
        UUID next;
        try {
            next = body == null || body.userId() == null
                    ? null
                    : UUID.fromString(body.userId().trim());
        } catch (IllegalArgumentException e) {
            throw new ValidationException("userId", "must be the user id of a member");
        }
        return GroupDto.of(groups.handOver(me, group, next));
    }

    @POST
    @Path("/{id}/challenges")
    @Operation(
            summary = "Start a challenge in the group",
            description = "{name, habit: {type, target, unit, schedule}, startDate, endDate} (at most 366 days) → "
                    + "201. Members join it to get its habit.")
    @io.swagger.v3.oas.annotations.responses.ApiResponse(
            responseCode = "201",
            description = "Created",
            content =
                    @io.swagger.v3.oas.annotations.media.Content(
                            mediaType = "application/json",
                            schema = @io.swagger.v3.oas.annotations.media.Schema(implementation = ChallengeDto.class)))
    public Response createChallenge(@PathParam("id") String id, ChallengeInput body, @Context SecurityContext sc) {
        UUID group = Params.id(id, "Group");
        UUID me = Auth.user(sc).userId();
        groups.get(me, group);
        if (body == null) {
            throw new ValidationException("body", "a JSON object is required: {name, habit, startDate, endDate}");
        }
        if (body.habit() == null) {
            throw new ValidationException("habit", "is required: {type, target?, unit?, schedule}");
        }
        ChallengeDto c = ChallengeDto.of(challenges.create(
                me,
                group,
                body.name(),
                body.habit().type(),
                body.habit().target(),
                body.habit().unit(),
                body.habit().schedule() == null ? null : body.habit().schedule().toSchedule(),
                body.startDate(),
                body.endDate()));
        return Response.created(publicUrl.api("/v1/groups/" + group + "/challenges/" + c.id()))
                .entity(c)
                .build();
    }

    @GET
    @Path("/{id}/challenges")
    @Operation(summary = "The group's challenges", description = "The newest start first.")
    public List<ChallengeDto> challenges(@PathParam("id") String id, @Context SecurityContext sc) {
        return challenges.list(Auth.user(sc).userId(), Params.id(id, "Group")).stream()
                .map(ChallengeDto::of)
                .toList();
    }

    @GET
    @Path("/{id}/challenges/{cid}")
    @Operation(summary = "A challenge of the group")
    public ChallengeDto challenge(
            @PathParam("id") String id, @PathParam("cid") String cid, @Context SecurityContext sc) {
        return ChallengeDto.of(
                challenges.get(Auth.user(sc).userId(), Params.id(id, "Group"), Params.id(cid, "Challenge")));
    }

    @POST
    @Path("/{id}/challenges/{cid}/join")
    @Operation(
            summary = "Join a challenge",
            description = "Creates its habit for you (visibility groups, with this group) from your today or its "
                    + "start; answers the challenge with myHabitId. 409 when you joined already or it has ended.")
    public ChallengeDto joinChallenge(
            @PathParam("id") String id, @PathParam("cid") String cid, @Context SecurityContext sc) {
        return ChallengeDto.of(
                challenges.join(Auth.user(sc).userId(), Params.id(id, "Group"), Params.id(cid, "Challenge")));
    }

    @GET
    @Path("/{id}/challenges/{cid}/leaderboard")
    @Operation(
            summary = "The challenge's leaderboard",
            description = "[{rank, userId, displayName, completionRate, currentStreak, doneDays}]: by completion "
                    + "rate over the challenge's days so far (from the day each joined), then current streak.")
    public List<StandingDto> leaderboard(
            @PathParam("id") String id, @PathParam("cid") String cid, @Context SecurityContext sc) {
        return challenges
                .leaderboard(Auth.user(sc).userId(), Params.id(id, "Group"), Params.id(cid, "Challenge"))
                .stream()
                .map(s -> new StandingDto(
                        s.rank(), s.userId(), s.displayName(), s.completionRate(), s.currentStreak(), s.doneDays()))
                .toList();
    }
}
