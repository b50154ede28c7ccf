package io.steadfast.streak.internal.rest;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.SecurityContext;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

import io.steadfast.platform.rest.Auth;
import io.steadfast.platform.rest.RestApi;
import io.steadfast.streak.internal.service.AchievementService;
import io.steadfast.streak.internal.service.StatsService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@Component(service = AchievementResource.class)
@JaxrsResource
@JaxrsApplicationSelect(RestApi.APP_SELECT)
@JSONRequired
@Path("/v1/achievements")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "streaks")
public class AchievementResource {

    private final AchievementService achievements;
    private final StatsService stats;

    @Activate
    public AchievementResource(@Reference AchievementService achievements, @Reference StatsService stats) {
        this.achievements = achievements;
        this.stats = stats;
    }

    @GET
    @Operation(
            summary = "Earned achievements with the date each was reached, and progress towards the next",
            description = "Built in: first-checkin, streak-7/30/100/365 (in the habit's unit), done-100, done-1000, "
                    + "perfect-week, perfect-month. Each is awarded once, at the check-in that reaches it, and "
                    + "published as the Event Admin event steadfast/achievement/EARNED.")
    public StreakDtos.AchievementsDto get(@Context SecurityContext sc) {
        return StreakDtos.achievements(achievements.list(Auth.user(sc).userId(), stats));
    }
}
