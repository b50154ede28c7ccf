package io.steadfast.streak.internal.rest;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
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

import io.steadfast.api.error.NotFoundException;
import io.steadfast.habit.api.HabitInfo;
import io.steadfast.habit.api.HabitQuery;
import io.steadfast.platform.rest.Auth;
import io.steadfast.platform.rest.Params;
import io.steadfast.platform.rest.RestApi;
import io.steadfast.streak.internal.service.GoalService;
import io.steadfast.streak.internal.service.StatsService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@Component(service = StatsResource.class)
@JaxrsResource
@JaxrsApplicationSelect(RestApi.APP_SELECT)
@JSONRequired
@Path("/v1/habits/{id}/stats")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "streaks", description = "Streaks, strength, completion, achievements and analytics")
public class StatsResource {

    private final StatsService stats;
    private final GoalService goals;
    private final HabitQuery habits;

    @Activate
    public StatsResource(@Reference StatsService stats, @Reference GoalService goals, @Reference HabitQuery habits) {
        this.stats = stats;
        this.goals = goals;
        this.habits = habits;
    }

    @GET
    @Operation(
            summary = "A habit's streak, strength, completion rates, totals, best weekday and goal",
            description = "{streak: {current, longest, unit, currentStart, longestStart, longestEnd}, strength, "
                    + "completion: {last7, last30, last365, allTime}, totals: {doneDays, value}, bestWeekday, "
                    + "goal: null | {value, direction, by, start: {date, value}, expectedToday, latest: {date, value}, "
                    + "onTrack}}. Rates are over due days (or periods) only. See docs/streaks.md.")
    public StreakDtos.StatsDto get(@PathParam("id") String id, @Context SecurityContext sc) {
        HabitInfo info = habits.habit(Auth.user(sc).userId(), Params.id(id, "Habit"))
                .orElseThrow(() -> new NotFoundException("Habit"));
        return StreakDtos.stats(stats.stats(info), goals.progress(info).orElse(null));
    }
}
