package io.steadfast.habit.internal.rest;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import io.steadfast.api.habit.spi.HabitType;
import io.steadfast.habit.dto.GoalSpec;
import io.steadfast.habit.dto.HabitDto;
import io.steadfast.habit.dto.ScheduleSpec;
import io.steadfast.habit.internal.domain.Checkin;
import io.steadfast.habit.internal.domain.GoalDraft;
import io.steadfast.habit.internal.domain.HabitDraft;
import io.swagger.v3.oas.annotations.media.Schema;

/** The JSON of the habit endpoints, and the mapping from and to the domain. */
public final class HabitDtos {

    private HabitDtos() {}

    public record HabitTypeDto(
            String key, String name, String description, boolean needsTarget, String valueKind, String defaultUnit) {

        static HabitTypeDto of(HabitType t) {
            return new HabitTypeDto(
                    t.key(),
                    t.name(),
                    t.description(),
                    t.needsTarget(),
                    t.valueKind().name().toLowerCase(Locale.ROOT),
                    t.defaultUnit());
        }
    }

    /** Create (every field) and patch (the fields present). */
    public record HabitInput(
            String name,
            String description,
            String type,
            BigDecimal target,
            String unit,
            ScheduleSpec schedule,
            LocalDate startDate,
            String color,
            String icon,
            Boolean archived,
            @Schema(implementation = GoalSpec.class, nullable = true) GoalInput goal,
            @Schema(
                            description = "Who sees the habit besides you: private (the default), partners, or groups "
                                    + "(the members of groupIds)",
                            allowableValues = {"private", "partners", "groups"})
                    String visibility,
            @Schema(description = "Whether those who see the habit also see your notes (default false)")
                    Boolean shareNotes,
            @Schema(
                            implementation = String.class,
                            format = "uuid",
                            nullable = true,
                            description = "The partner who confirms or disputes your done days; null removes "
                                    + "the referee")
                    RefereeInput refereeUserId,
            @Schema(description = "With visibility groups: the ids of your groups whose members see the habit")
                    List<String> groupIds) {

        /** The domain's draft; an invalid schedule is a 422 naming its fields. */
        HabitDraft draft() {
            return new HabitDraft(
                    name,
                    description,
                    type,
                    target,
                    unit,
                    schedule == null ? null : schedule.toSchedule(),
                    startDate,
                    color,
                    icon,
                    archived,
                    goal == null ? null : goal.draft(),
                    visibility,
                    shareNotes,
                    refereeUserId == null ? null : new HabitDraft.RefereeDraft(refereeUserId.userId()),
                    groupIds);
        }
    }

    /**
     * The {@code goal} of a create or a change, which tells an absent field ({@code null}: leave the goal as it
     * is) from {@code "goal": null} (remove it): {@link #spec()} is {@code null} for the latter. A field of the
     * wrong type is a 400 naming it ({@code goal.value must be a number}).
     */
    @JsonDeserialize(using = GoalInput.Reader.class)
    public record GoalInput(GoalSpec spec) {

        GoalDraft draft() {
            return spec == null ? GoalDraft.REMOVE : GoalDraft.of(spec.value(), spec.direction(), spec.by());
        }

        /** Reads the object as a {@link GoalSpec}; JSON {@code null} is a removal, an absent field stays null. */
        static final class Reader extends StdDeserializer<GoalInput> {
            private static final long serialVersionUID = 1L;

            Reader() {
                super(GoalInput.class);
            }

            @Override
            public GoalInput deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
                return new GoalInput(ctxt.readValue(p, GoalSpec.class));
            }

            @Override
            public GoalInput getNullValue(DeserializationContext ctxt) {
                return new GoalInput(null);
            }

            @Override
            public Object getAbsentValue(DeserializationContext ctxt) {
                return null;
            }
        }
    }

    /**
     * The {@code refereeUserId} of a create or a change: absent ({@code null}) leaves the referee, {@code
     * "refereeUserId": null} removes it ({@link #userId()} is {@code null}), a string names one.
     */
    @JsonDeserialize(using = RefereeInput.Reader.class)
    public record RefereeInput(String userId) {

        static final class Reader extends StdDeserializer<RefereeInput> {
            private static final long serialVersionUID = 1L;

            Reader() {
                super(RefereeInput.class);
            }

            @Override
            public RefereeInput deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
                return new RefereeInput(ctxt.readValue(p, String.class));
            }

            @Override
            public RefereeInput getNullValue(DeserializationContext ctxt) {
                return new RefereeInput(null);
            }

            @Override
            public Object getAbsentValue(DeserializationContext ctxt) {
                return null;
            }
        }
    }

    public record CheckinInput(BigDecimal value, String note, String status) {}

    public record IncrementInput(BigDecimal delta) {}

    /**
     * A day's record: {@code status} is the day's evaluated state (done, partial, missed, skipped, pending,
     * not_due — as in the agenda), {@code recordStatus} what was recorded (done or skipped).
     */
    public record CheckinDto(
            UUID habitId,
            LocalDate date,
            BigDecimal value,
            String note,
            String status,
            String recordStatus,
            boolean backfilled,
            @Schema(
                            description =
                                    "Written by an import (from another tracker or another server) and not changed "
                                            + "here since")
                    boolean imported,
            Instant updatedAt,
            @Schema(
                            description = "For a habit with a referee: pending (counts as done), confirmed, or "
                                    + "disputed (counts as missed); null otherwise")
                    String verification,
            String verificationComment) {}

    /** A day's record in the export: {@code status} is what was recorded (done or skipped). */
    public record ExportedCheckinDto(
            UUID habitId,
            LocalDate date,
            BigDecimal value,
            String note,
            String status,
            boolean backfilled,
            Instant updatedAt,
            String verification,
            String verificationComment) {}

    public record HabitExportDto(HabitDto habit, List<ExportedCheckinDto> checkins) {}

    static CheckinDto checkin(Checkin c) {
        return new CheckinDto(
                c.habitId(),
                c.date(),
                c.value(),
                c.note(),
                c.state() == null ? null : c.state().json(),
                c.recordStatus(),
                c.backfilled(),
                c.imported(),
                c.updatedAt(),
                c.verification(),
                c.verificationComment());
    }

    static ExportedCheckinDto exported(Checkin c) {
        return new ExportedCheckinDto(
                c.habitId(),
                c.date(),
                c.value(),
                c.note(),
                c.recordStatus(),
                c.backfilled(),
                c.updatedAt(),
                c.verification(),
                c.verificationComment());
    }
}
