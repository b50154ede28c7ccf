package io.steadfast.transfer.internal.export;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.steadfast.api.account.UserDataExporter;

/**
 * Steadfast's own export, {@code GET /api/v1/me/export} ({@code format=json}), as it is written: the document
 * {@value #FORMAT}, {@link #VERSION version} 1, for reading it back (an import into this or another server).
 * <p>
 * The document is one JSON object: {@code format}, {@code version}, {@code exportedAt}, {@code profile},
 * {@code accessTokens}, then one member per bundle's section, each at the top level ({@code habits},
 * {@code vacations}, {@code reminders}, {@code achievements}, {@code accountability}, {@code channels}, ...: the
 * section names of {@code io.steadfast.api.account.UserDataContributor#section()}). Every record ignores members
 * it does not know, and the sections without a record here ({@code accountability}, {@code channels}) are
 * skipped: a later version 1 may add members and sections (additive changes keep the version; only an
 * incompatible change raises it, and a reader refuses a version it does not know). Read with a mapper that knows
 * {@code java.time} (Jackson's {@code JavaTimeModule}): instants and dates are ISO-8601 text.
 * <p>
 * <b>What an import restores</b>: the profile's settings (time zone, week start, day start, display name, the
 * alerts — never the e-mail, id or role: the importing account keeps its own), the habits (definition, schedule,
 * goal, archived, color, icon, order), their days (value, note, done or skipped), the reminders (time, days,
 * "only if not done"; their channels are the other server's and are left out) and the vacations (for the
 * imported habits). <b>What it cannot</b>: the access tokens (secrets that never leave a server, and only their
 * names are here), partners, groups, challenges, referees and their verdicts, the feed, notification channels and
 * their deliveries — they belong to other people of the other server, or to secrets that were never exported.
 * Achievements are earned again from the imported days; the section is informative. Ids in the document are the
 * other server's: an import makes new ones and maps a reminder's or vacation's {@code habitId}s through them.
 *
 * @param format       {@value #FORMAT}; anything else is not this document
 * @param version      {@value #VERSION} for every document of this form
 * @param exportedAt   when the export was made (the server's clock)
 * @param profile      the account
 * @param accessTokens the personal access tokens that were not revoked, never their secrets
 * @param habits       the {@code habits} section: each habit with every day record, oldest first; {@code null}
 *                     when the habit bundle did not run
 * @param vacations    the {@code vacations} section, or {@code null}
 * @param reminders    the {@code reminders} section (the calendar bundle), or {@code null}
 * @param achievements the {@code achievements} section (the streak bundle), or {@code null}
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record SteadfastDocument(
        String format,
        int version,
        Instant exportedAt,
        Profile profile,
        List<AccessToken> accessTokens,
        List<HabitEntry> habits,
        List<Vacation> vacations,
        List<Reminder> reminders,
        List<Achievement> achievements) {

    /** The {@code format} of the document. */
    public static final String FORMAT = UserDataExporter.DOCUMENT_FORMAT;

    /** The {@code version} this record reads. */
    public static final int VERSION = UserDataExporter.DOCUMENT_VERSION;

    /** Whether this is a document of the form these records read. */
    public boolean readable() {
        return FORMAT.equals(format) && version == VERSION;
    }

    /**
     * The account as {@code GET /api/v1/me} shows it.
     *
     * @param timezone    an IANA time zone
     * @param weekStart   {@code MON} or {@code SUN}
     * @param dayStartsAt the hour (0–6) a day begins
     * @param alerts      the alerts opted in to ({@code notify} in JSON)
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Profile(
            UUID id,
            String email,
            String displayName,
            String timezone,
            String weekStart,
            int dayStartsAt,
            String role,
            Instant createdAt,
            @JsonProperty("notify") Alerts alerts) {}

    /**
     * @param streakAtRisk {@code "HH:mm"} or {@code null} (never)
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Alerts(boolean partnerMissed, String streakAtRisk) {}

    /** A personal access token, without its secret: not restorable. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record AccessToken(
            UUID id, String name, List<String> scopes, Instant createdAt, Instant lastUsedAt, Instant expiresAt) {}

    /** An element of the {@code habits} section. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record HabitEntry(Habit habit, List<Checkin> checkins) {}

    /**
     * A habit as the API shows it ({@code io.steadfast.habit.dto.HabitDto}).
     *
     * @param type       {@code boolean}, {@code count}, {@code limit} or a plugin's key ({@code measurement}, ...)
     * @param available  whether its type ran on the exporting server
     * @param visibility {@code private}, {@code partners} or {@code groups} (the audience is not restorable)
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Habit(
            UUID id,
            String name,
            String description,
            String type,
            BigDecimal target,
            String unit,
            Schedule schedule,
            LocalDate startDate,
            String color,
            String icon,
            boolean archived,
            int sortOrder,
            boolean available,
            Instant createdAt,
            Goal goal,
            String visibility,
            boolean shareNotes,
            UUID refereeUserId,
            List<UUID> groupIds) {}

    /**
     * A schedule ({@code io.steadfast.habit.dto.ScheduleSpec}): {@code {"kind":"weekdays","days":["MON"]}}.
     *
     * @param kind  {@code daily}, {@code weekdays}, {@code times_per_week}, {@code times_per_month},
     *              {@code every_n_days}
     * @param days  day codes {@code MON} … {@code SUN} (weekdays)
     * @param times per week (1–7) or month (1–31)
     * @param n     every n days (1–365)
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Schedule(String kind, List<String> days, Integer times, Integer n) {}

    /**
     * A measurement habit's goal.
     *
     * @param direction {@code up} or {@code down}
     * @param by        the day to reach it by, or {@code null}
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Goal(BigDecimal value, String direction, LocalDate by) {}

    /**
     * A day record of a habit.
     *
     * @param status              {@code done} or {@code skipped}
     * @param backfilled          written after its day had ended
     * @param verification        a referee's verdict ({@code pending}, {@code confirmed}, {@code disputed}) or
     *                            {@code null}: not restorable (the referee is another server's person)
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Checkin(
            UUID habitId,
            LocalDate date,
            BigDecimal value,
            String note,
            String status,
            boolean backfilled,
            Instant updatedAt,
            String verification,
            String verificationComment) {

        public boolean skipped() {
            return "skipped".equals(status);
        }
    }

    /**
     * A vacation: habits paused from {@code from} to {@code to} inclusive.
     *
     * @param habitIds the paused habits, or {@code null} for all of them
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Vacation(UUID id, LocalDate from, LocalDate to, List<UUID> habitIds, Instant createdAt) {}

    /**
     * A reminder of a habit.
     *
     * @param time          the local time, {@code "HH:mm"}
     * @param days          day codes {@code MON} … {@code SUN}, or {@code null} for the habit's due days
     * @param onlyIfNotDone whether it stays quiet when the day is done
     * @param channelIds    the exporting server's channels: not restorable
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Reminder(
            UUID id,
            UUID habitId,
            LocalTime time,
            List<String> days,
            boolean onlyIfNotDone,
            List<UUID> channelIds,
            Instant createdAt) {}

    /**
     * An earned achievement: earned again from the days, never imported as such.
     *
     * @param habitId   the habit it was earned with, or {@code null} for the account's
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Achievement(String code, String title, UUID habitId, String habitName, LocalDate reachedOn) {}
}
