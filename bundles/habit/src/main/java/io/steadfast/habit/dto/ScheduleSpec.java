package io.steadfast.habit.dto;

import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import io.steadfast.api.error.FieldError;
import io.steadfast.api.error.ValidationException;
import io.steadfast.habit.api.Schedule;

/**
 * The JSON form of a {@link Schedule}, as received and sent by the API:
 * <pre>
 * {"kind":"daily"}
 * {"kind":"weekdays","days":["MON","WED","FRI"]}
 * {"kind":"times_per_week","times":3}
 * {"kind":"times_per_month","times":10}
 * {"kind":"every_n_days","n":2}
 * </pre>
 * Fields that the kind does not use are ignored by {@link #toSchedule()} and left {@code null} by {@link #of}.
 *
 * @param kind  one of {@code daily}, {@code weekdays}, {@code times_per_week}, {@code times_per_month},
 *              {@code every_n_days}
 * @param days  for {@code weekdays}: day codes {@code MON} … {@code SUN}
 * @param times for {@code times_per_week} (1–7) and {@code times_per_month} (1–31)
 * @param n     for {@code every_n_days} (1–365)
 */
@com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
public record ScheduleSpec(String kind, List<String> days, Integer times, Integer n) {

    /** The field names used in {@link ValidationException}s. */
    public static final String KIND_FIELD = "schedule.kind";

    public static final String DAYS_FIELD = "schedule.days";
    public static final String TIMES_FIELD = "schedule.times";
    public static final String N_FIELD = "schedule.n";

    private static final List<String> KINDS = List.of(
            Schedule.DAILY,
            Schedule.WEEKDAYS,
            Schedule.TIMES_PER_WEEK,
            Schedule.TIMES_PER_MONTH,
            Schedule.EVERY_N_DAYS);

    public ScheduleSpec {
        // not List.copyOf: invalid input (null elements) must reach toSchedule() to be reported as a field error
        days = days == null ? null : Collections.unmodifiableList(new ArrayList<>(days));
    }

    /**
     * The schedule this specification describes.
     *
     * @throws ValidationException listing every problem, with the fields {@value #KIND_FIELD},
     *                             {@value #DAYS_FIELD}, {@value #TIMES_FIELD} and {@value #N_FIELD}
     */
    public Schedule toSchedule() {
        if (kind == null || kind.isBlank()) {
            throw new ValidationException(KIND_FIELD, "is required");
        }
        switch (kind) {
            case Schedule.DAILY:
                return new Schedule.Daily();
            case Schedule.WEEKDAYS:
                return new Schedule.Weekdays(parseDays(days));
            case Schedule.TIMES_PER_WEEK:
                return new Schedule.TimesPerWeek(checkRange(TIMES_FIELD, times, 1, Schedule.TimesPerWeek.MAX));
            case Schedule.TIMES_PER_MONTH:
                return new Schedule.TimesPerMonth(checkRange(TIMES_FIELD, times, 1, Schedule.TimesPerMonth.MAX));
            case Schedule.EVERY_N_DAYS:
                return new Schedule.EveryNDays(checkRange(N_FIELD, n, 1, Schedule.EveryNDays.MAX));
            default:
                throw new ValidationException(KIND_FIELD, "must be one of " + String.join(", ", KINDS));
        }
    }

    /** The specification of a schedule; {@code of(s).toSchedule()} equals {@code s}. */
    public static ScheduleSpec of(Schedule schedule) {
        if (schedule instanceof Schedule.Daily) {
            return new ScheduleSpec(Schedule.DAILY, null, null, null);
        } else if (schedule instanceof Schedule.Weekdays w) {
            List<String> codes = new ArrayList<>();
            for (DayOfWeek d : w.days()) { // week order: the set is an EnumSet
                codes.add(Schedule.dayCode(d));
            }
            return new ScheduleSpec(Schedule.WEEKDAYS, codes, null, null);
        } else if (schedule instanceof Schedule.TimesPerWeek t) {
            return new ScheduleSpec(Schedule.TIMES_PER_WEEK, null, t.times(), null);
        } else if (schedule instanceof Schedule.TimesPerMonth t) {
            return new ScheduleSpec(Schedule.TIMES_PER_MONTH, null, t.times(), null);
        } else if (schedule instanceof Schedule.EveryNDays e) {
            return new ScheduleSpec(Schedule.EVERY_N_DAYS, null, null, e.n());
        }
        throw new IllegalArgumentException("unknown schedule: " + schedule);
    }

    private static Set<DayOfWeek> parseDays(List<String> codes) {
        if (codes == null || codes.isEmpty()) {
            throw new ValidationException(DAYS_FIELD, "must list at least one day");
        }
        List<FieldError> errors = new ArrayList<>();
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        Set<String> reported = new LinkedHashSet<>();
        for (String code : codes) {
            DayOfWeek day = io.steadfast.api.time.Weekdays.parse(code);
            if (day == null) {
                errors.add(new FieldError(
                        DAYS_FIELD,
                        (code == null ? "null" : "'" + code + "'") + " is not a day; use "
                                + io.steadfast.api.time.Weekdays.ALLOWED));
            } else if (!days.add(day) && reported.add(io.steadfast.api.time.Weekdays.code(day))) {
                errors.add(new FieldError(
                        DAYS_FIELD, "lists " + io.steadfast.api.time.Weekdays.code(day) + " more than once"));
            }
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return days;
    }

    private static int checkRange(String field, Integer value, int min, int max) {
        if (value == null) {
            throw new ValidationException(field, "is required");
        }
        if (value < min || value > max) {
            throw new ValidationException(field, "must be between " + min + " and " + max);
        }
        return value;
    }
}
