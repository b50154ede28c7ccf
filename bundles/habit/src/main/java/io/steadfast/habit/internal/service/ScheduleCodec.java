package io.steadfast.habit.internal.service;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import io.steadfast.habit.api.Schedule;
import io.steadfast.habit.api.ScheduleSpec;

/** The compact text form of a schedule in the database: {@code daily}, {@code weekdays:MON,WED}, {@code times_per_week:3}. */
final class ScheduleCodec {

    private ScheduleCodec() {
    }

    static String encode(Schedule s) {
        ScheduleSpec spec = ScheduleSpec.of(s);
        switch (spec.kind()) {
            case "weekdays":
                return "weekdays:" + String.join(",", spec.days());
            case "times_per_week":
            case "times_per_month":
                return spec.kind() + ":" + spec.times();
            case "every_n_days":
                return "every_n_days:" + spec.n();
            default:
                return spec.kind();
        }
    }

    static Schedule decode(String text) {
        String[] parts = text.split(":", 2);
        String kind = parts[0];
        String arg = parts.length > 1 ? parts[1] : null;
        switch (kind) {
            case "weekdays":
                return new ScheduleSpec(kind, new ArrayList<>(Arrays.asList(arg.split(","))), null, null).toSchedule();
            case "times_per_week":
            case "times_per_month":
                return new ScheduleSpec(kind, null, Integer.valueOf(arg), null).toSchedule();
            case "every_n_days":
                return new ScheduleSpec(kind, null, null, Integer.valueOf(arg)).toSchedule();
            default:
                return new ScheduleSpec(kind, List.of(), null, null).toSchedule();
        }
    }
}
