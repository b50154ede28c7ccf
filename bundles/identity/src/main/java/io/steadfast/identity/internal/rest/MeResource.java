package io.steadfast.identity.internal.rest;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;

import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import javax.ws.rs.core.StreamingOutput;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

import io.steadfast.api.account.UserDataExporter;
import io.steadfast.api.auth.AuthenticatedUser;
import io.steadfast.api.error.ValidationException;
import io.steadfast.identity.internal.domain.ExportDocument;
import io.steadfast.identity.internal.rest.Dtos.DeleteAccount;
import io.steadfast.identity.internal.rest.Dtos.PasswordChange;
import io.steadfast.identity.internal.rest.Dtos.ProfilePatch;
import io.steadfast.identity.internal.rest.Dtos.UserDto;
import io.steadfast.identity.internal.service.AccountExport;
import io.steadfast.identity.internal.service.Accounts;
import io.steadfast.platform.rest.Auth;
import io.steadfast.platform.rest.PATCH;
import io.steadfast.platform.rest.RestApi;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@Component(service = MeResource.class)
@JaxrsResource
@JaxrsApplicationSelect(RestApi.APP_SELECT)
@JSONRequired
@Path("/v1/me")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "me", description = "The caller's account")
public class MeResource {

    private final Accounts accounts;
    private final AccountExport export;

    @Activate
    public MeResource(@Reference Accounts accounts, @Reference AccountExport export) {
        this.accounts = accounts;
        this.export = export;
    }

    @GET
    @Operation(summary = "The caller's profile")
    public UserDto get(@Context SecurityContext sc) {
        return UserDto.of(accounts.get(Auth.user(sc).userId()));
    }

    @PATCH
    @Operation(
            summary =
                    "Change displayName, timezone, weekStart (MON|SUN; MONDAY, SUNDAY and any case are read too), dayStartsAt (hour 0-6), email or the alerts (notify)",
            description = "Only the fields present change. dayStartsAt: a check-in before that hour counts for the "
                    + "previous day, for people who go to bed after midnight. A new email needs currentPassword "
                    + "(422 without it or when it is wrong; 409 when another account has the email). "
                    + "notify: the alerts, and again only the settings present change: "
                    + "{\"notify\": {\"partnerMissed\": true}} to hear when a partner's shared habit ends its "
                    + "due day missed; {\"notify\": {\"streakAtRisk\": \"20:30\"}} to hear at that local time "
                    + "of your day of habits with a streak of 3 or more that are not done yet, "
                    + "{\"notify\": {\"streakAtRisk\": null}} to stop. streakAtRisk is \"HH:mm\" from 00:00 to "
                    + "23:59 (else 422 notify.streakAtRisk); a name in notify that is no setting is a 422 naming it "
                    + "(notify.<name>); partnerMissed other than true or false, or notify other than an object, "
                    + "is a 400.")
    public UserDto patch(ProfilePatch body, @Context SecurityContext sc) {
        AuthenticatedUser u = Auth.user(sc);
        if (body == null) {
            throw new ValidationException("body", "a JSON object with the fields to change is required");
        }
        if (body.email() != null && !body.email().trim().equals(u.email())) {
            // the profile form sends the e-mail it shows: only a new one is an account-level change
            AccountLevel.require(u, "change the e-mail address");
        }
        return UserDto.of(accounts.changeProfile(u.userId(), body.change()));
    }

    @POST
    @Path("/password")
    @AllowedBeforePasswordChange
    @Operation(
            summary = "Change the password",
            description = "Revokes every other token of the account. With the session of a temporary password "
                    + "(login answered passwordChangeRequired) that session ends too: log in with the new password.")
    @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "204", description = "Done; no content")
    public Response password(PasswordChange body, @Context SecurityContext sc) {
        if (body == null) {
            throw new ValidationException("body", "a JSON object is required");
        }
        accounts.changePassword(
                AccountLevel.require(Auth.user(sc), "change the password"), body.currentPassword(), body.newPassword());
        return Response.noContent().build();
    }

    @GET
    @Path("/export")
    @Produces({MediaType.APPLICATION_JSON, MediaType.WILDCARD})
    @Operation(
            summary = "Everything the caller owns: the JSON document (format=json, the default), a CSV zip "
                    + "(format=csv) or an iCalendar of the done days (format=ics), as a download",
            description = "json: format `steadfast-export`, version 1: profile, access tokens (never their secrets) "
                    + "and one section per bundle (habits with every check-in, vacations, reminders, ...). csv: a zip "
                    + "of habits.csv and habits/<slug>.csv per habit (habit,date,value,note,status). ics: one all-day "
                    + "event per done day. Streamed as it is written. Another format is a 422 naming the accepted "
                    + "ones. See docs/api.md, Export.")
    public Response export(@QueryParam("format") String format, @Context SecurityContext sc) {
        java.util.UUID userId = Auth.user(sc).userId();
        // before a byte is sent: an unknown format and a deleted account are answers of their own
        Optional<UserDataExporter> exporter = export.exporter(format);
        ExportDocument head = export.head(userId);
        LocalDate day =
                LocalDate.ofInstant(head.exportedAt(), zone(head.profile().timezone()));
        String extension = exporter.map(UserDataExporter::fileExtension).orElse("json");
        StreamingOutput body = exporter.<StreamingOutput>map(e -> out -> e.write(userId, out))
                .orElseGet(() -> out -> ExportJson.write(out, userId, head, export.sections()));
        return Response.ok(body)
                .type(exporter.map(UserDataExporter::mediaType).orElse(MediaType.APPLICATION_JSON + ";charset=utf-8"))
                .header(
                        "Content-Disposition",
                        "attachment; filename=\"steadfast-export-" + day + "." + extension + "\"")
                .build();
    }

    private static ZoneId zone(String id) {
        try {
            return ZoneId.of(id);
        } catch (java.time.DateTimeException e) {
            return ZoneOffset.UTC;
        }
    }

    @DELETE
    @Operation(
            summary = "Delete the account and everything it owns",
            description =
                    "Needs the password in the " + "body: {\"password\": \"...\"}. Every token stops working at once.")
    @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "204", description = "Done; no content")
    public Response delete(DeleteAccount body, @Context SecurityContext sc) {
        accounts.delete(
                AccountLevel.require(Auth.user(sc), "delete the account").userId(),
                body == null ? null : body.password());
        return Response.noContent().build();
    }
}
