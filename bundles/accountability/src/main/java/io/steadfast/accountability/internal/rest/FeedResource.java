package io.steadfast.accountability.internal.rest;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import javax.ws.rs.DELETE;
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

import io.steadfast.accountability.internal.service.FeedService;
import io.steadfast.platform.rest.Auth;
import io.steadfast.platform.rest.Params;
import io.steadfast.platform.rest.RestApi;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@Component(service = FeedResource.class)
@JaxrsResource
@JaxrsApplicationSelect(RestApi.APP_SELECT)
@JSONRequired
@Path("/v1/feed")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "feed", description = "What your partners do on the habits they share with you, and cheers")
public class FeedResource {

    private final FeedService feed;

    @Activate
    public FeedResource(@Reference FeedService feed) {
        this.feed = feed;
    }

    public record ActorDto(UUID userId, String displayName) {}

    public record HabitRefDto(UUID id, String name) {}

    public record CheersDto(long count, boolean mine) {}

    /**
     * @param milestone    the streak's length ({@code streak_milestone})
     * @param verification {@code confirmed} or {@code disputed} ({@code referee_outcome})
     * @param challengeId  the challenge joined or finished ({@code challenge_joined}, {@code challenge_finished})
     * @param result       how the challenge went for the actor ({@code challenge_finished}): done of due days
     * @param achievement  the achievement's code, e.g. {@code first-checkin}, {@code done-100} ({@code achievement})
     */
    public record FeedItemDto(
            long id,
            String kind,
            ActorDto actor,
            HabitRefDto habit,
            LocalDate date,
            boolean backfilled,
            Integer milestone,
            String verification,
            String challengeId,
            ChallengeResultDto result,
            String achievement,
            Instant createdAt,
            CheersDto cheers) {
        static FeedItemDto of(FeedService.Item i) {
            return new FeedItemDto(
                    i.id(),
                    i.kind(),
                    new ActorDto(i.actorId(), i.actorName()),
                    new HabitRefDto(i.habitId(), i.habitName()),
                    i.date(),
                    i.backfilled(),
                    "streak_milestone".equals(i.kind()) && i.detail() != null ? Integer.valueOf(i.detail()) : null,
                    "referee_outcome".equals(i.kind()) ? i.detail() : null,
                    "challenge_joined".equals(i.kind())
                            ? i.detail()
                            : "challenge_finished".equals(i.kind()) && i.detail() != null
                                    ? i.detail().split(":")[0]
                                    : null,
                    ChallengeResultDto.of(i.kind(), i.detail()),
                    "achievement".equals(i.kind()) ? i.detail() : null,
                    i.createdAt(),
                    new CheersDto(i.cheers(), i.cheered()));
        }
    }

    /** How a finished challenge went: the done days of its due days (from the day the actor joined). */
    public record ChallengeResultDto(int doneDays, int dueDays) {
        static ChallengeResultDto of(String kind, String detail) {
            if (!"challenge_finished".equals(kind) || detail == null) {
                return null;
            }
            String[] p = detail.split(":");
            return p.length == 3 ? new ChallengeResultDto(Integer.parseInt(p[1]), Integer.parseInt(p[2])) : null;
        }
    }

    public record FeedPageDto(List<FeedItemDto> items, String nextCursor) {}

    @GET
    @Operation(
            summary = "Your partners' done days on the habits they share with you, the newest first",
            description = "limit 1–100 (default 20); cursor: the nextCursor of the previous page → {items: [{id, "
                    + "kind: checkin|achievement|streak_milestone|referee_outcome|challenge_joined|challenge_finished, actor: {userId, displayName}, "
                    + "habit: {id, name}, date, backfilled, milestone, verification, challengeId, result: {doneDays, "
                    + "dueDays}, achievement, createdAt, "
                    + "cheers: {count, mine}}], nextCursor}. Items appear just after the check-in (off the request "
                    + "thread) and go when the day is no longer done, the habit is made private or the "
                    + "partnership ends.")
    public FeedPageDto page(
            @QueryParam("cursor") String cursor, @QueryParam("limit") String limit, @Context SecurityContext sc) {
        FeedService.Page p = feed.page(Auth.user(sc).userId(), cursor, Params.integer(limit, "limit", 20, 1, 100));
        return new FeedPageDto(p.items().stream().map(FeedItemDto::of).toList(), p.nextCursor());
    }

    @POST
    @Path("/{itemId}/cheers")
    @Operation(
            summary = "Cheer a feed item",
            description = "Idempotent → {count, mine: true}; its author hears of the first cheer. 404 for an item you "
                    + "do not see.")
    public CheersDto cheer(@PathParam("itemId") String itemId, @Context SecurityContext sc) {
        FeedService.CheerState s = feed.cheer(Auth.user(sc).userId(), FeedService.itemId(itemId));
        return new CheersDto(s.count(), s.mine());
    }

    @DELETE
    @Path("/{itemId}/cheers")
    @Operation(summary = "Take a cheer back", description = "→ {count, mine: false}")
    public CheersDto uncheer(@PathParam("itemId") String itemId, @Context SecurityContext sc) {
        FeedService.CheerState s = feed.uncheer(Auth.user(sc).userId(), FeedService.itemId(itemId));
        return new CheersDto(s.count(), s.mine());
    }
}
