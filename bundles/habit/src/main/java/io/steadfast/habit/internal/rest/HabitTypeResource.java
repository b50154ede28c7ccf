package io.steadfast.habit.internal.rest;

import java.util.List;

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

import io.steadfast.habit.internal.rest.HabitDtos.HabitTypeDto;
import io.steadfast.habit.internal.service.HabitDefinitions;
import io.steadfast.platform.rest.RestApi;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@Component(service = HabitTypeResource.class)
@JaxrsResource
@JaxrsApplicationSelect(RestApi.APP_SELECT)
@JSONRequired
@Path("/v1/habit-types")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "habits")
public class HabitTypeResource {

    private final HabitDefinitions habits;

    @Activate
    public HabitTypeResource(@Reference HabitDefinitions habits) {
        this.habits = habits;
    }

    @GET
    @Operation(
            summary = "The habit types running now",
            description = "Built in: boolean, count, limit; plugins add "
                    + "more (measurement, journal, ...). A type whose plugin stops disappears from this list at once.")
    public List<HabitTypeDto> list() {
        return habits.types().stream().map(HabitTypeDto::of).collect(java.util.stream.Collectors.toList());
    }
}
