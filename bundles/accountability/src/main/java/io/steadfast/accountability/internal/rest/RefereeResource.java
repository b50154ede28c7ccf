package io.steadfast.accountability.internal.rest;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
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

import io.steadfast.accountability.internal.service.RefereeService;
import io.steadfast.habit.api.Verifications;
import io.steadfast.platform.rest.Auth;
import io.steadfast.platform.rest.Params;
import io.steadfast.platform.rest.RestApi;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@Component(service = RefereeResource.class)
@JaxrsResource
@JaxrsApplicationSelect(RestApi.APP_SELECT)
@JSONRequired
@Path("/v1/referee")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "partners", description = "Accountability partners: invitations, invite codes and shared habits")
public class RefereeResource {

    private final RefereeService referees;

    @Activate
    public RefereeResource(@Reference RefereeService referees) {
        this.referees = referees;
    }

    public record PersonDto(UUID userId, String displayName) {}

    public record HabitRefDto(UUID id, String name) {}

    public record WaitingDto(
            PersonDto owner, HabitRefDto habit, LocalDate date, BigDecimal value, String note, Instant recordedAt) {}

    public record VerdictInput(String comment) {}

    public record VerdictDto(
            UUID habitId, LocalDate date, String verification, String verificationComment, Instant verifiedAt) {
        static VerdictDto of(Verifications.Verdict v) {
            return new VerdictDto(v.habitId(), v.date(), v.state(), v.comment(), v.at());
        }
    }

    @GET
    @Path("/queue")
    @Operation(
            summary = "The done days waiting for your verdict as a referee",
            description = "[{owner: {userId, displayName}, habit: {id, name}, date, value, note, recordedAt}], the "
                    + "oldest first; note only where the owner shares notes.")
    public List<WaitingDto> queue(@Context SecurityContext sc) {
        return referees.queue(Auth.user(sc).userId()).stream()
                .map(w -> new WaitingDto(
                        new PersonDto(w.ownerId(), w.ownerName()),
                        new HabitRefDto(w.habitId(), w.habitName()),
                        w.date(),
                        w.value(),
                        w.note(),
                        w.recordedAt()))
                .toList();
    }

    @POST
    @Path("/habits/{habitId}/checkins/{date}/confirm")
    @Operation(
            summary = "Confirm a done day of a habit you referee",
            description = "{comment?} (at most 500 characters). Answers {habitId, date, verification: confirmed, "
                    + "verificationComment, verifiedAt}; you may change your verdict later. 404 unless you referee "
                    + "the habit and the day is done.")
    public VerdictDto confirm(
            @PathParam("habitId") String habitId,
            @PathParam("date") String date,
            VerdictInput body,
            @Context SecurityContext sc) {
        return decide(habitId, date, true, body, sc);
    }

    @POST
    @Path("/habits/{habitId}/checkins/{date}/dispute")
    @Operation(
            summary = "Dispute a done day of a habit you referee",
            description = "{comment?}. The day counts as missed for the owner (streaks, rates) until you confirm it.")
    public VerdictDto dispute(
            @PathParam("habitId") String habitId,
            @PathParam("date") String date,
            VerdictInput body,
            @Context SecurityContext sc) {
        return decide(habitId, date, false, body, sc);
    }

    private VerdictDto decide(String habitId, String date, boolean confirm, VerdictInput body, SecurityContext sc) {
        return VerdictDto.of(referees.decide(
                Auth.user(sc).userId(),
                Params.id(habitId, "Habit"),
                Params.date(date, "date"),
                confirm,
                body == null ? null : body.comment()));
    }
}
