package io.steadfast.habit.internal.service;

import java.util.ArrayList;

import io.steadfast.habit.api.Schedule;

/**
 * The compact text form of a habit's schedule in the database: {@code daily}, {@code weekdays:MON,WED},
 * {@code times_per_week:3}; after changes, every era with the day it starts:
 * {@code daily@-;weekdays:MON,WED@2026-03-01} (the first era starts on the habit's start date).
 */
final class ScheduleCodec {

    private ScheduleCodec() {}

    static String encode(Schedule s) {
        return s.text();
    }

    /** The current schedule (the last era's). */
    static Schedule decode(String text) {
        String[] eras = text.split(";");
        String last = eras[eras.length - 1];
        int at = last.indexOf('@');
        return decodeOne(at < 0 ? last : last.substring(0, at));
    }

    /** Every era, oldest first; the first starts on {@code habitStart}. */
    static java.util.List<io.steadfast.habit.internal.domain.ScheduleEra> eras(
            String text, java.time.LocalDate habitStart) {
        java.util.List<io.steadfast.habit.internal.domain.ScheduleEra> out = new ArrayList<>();
        for (String seg : text.split(";")) {
            int at = seg.indexOf('@');
            Schedule sc = decodeOne(at < 0 ? seg : seg.substring(0, at));
            String from = at < 0 ? "-" : seg.substring(at + 1);
            java.time.LocalDate f = "-".equals(from) ? habitStart : java.time.LocalDate.parse(from);
            if (!out.isEmpty() && !f.isAfter(out.get(out.size() - 1).from())) {
                out.set(
                        out.size() - 1,
                        new io.steadfast.habit.internal.domain.ScheduleEra(
                                out.get(out.size() - 1).from(), sc));
            } else if (out.isEmpty() && f.isAfter(habitStart)) {
                out.add(new io.steadfast.habit.internal.domain.ScheduleEra(habitStart, sc));
            } else {
                out.add(new io.steadfast.habit.internal.domain.ScheduleEra(out.isEmpty() ? habitStart : f, sc));
            }
        }
        return out;
    }

    /**
     * The history after a change to {@code next} on {@code from}: a new era, or — when the change is on or before
     * the current era's first day — the current era replaced. Eras before the habit's start are dropped.
     */
    static String change(String text, java.time.LocalDate habitStart, java.time.LocalDate from, Schedule next) {
        java.util.List<io.steadfast.habit.internal.domain.ScheduleEra> eras = eras(text, habitStart);
        java.util.List<io.steadfast.habit.internal.domain.ScheduleEra> kept = new ArrayList<>();
        for (io.steadfast.habit.internal.domain.ScheduleEra e : eras) {
            if (e.from().isBefore(from)) {
                kept.add(e);
            }
        }
        if (!kept.isEmpty() && kept.get(kept.size() - 1).schedule().equals(next)) {
            return join(kept);
        }
        kept.add(new io.steadfast.habit.internal.domain.ScheduleEra(kept.isEmpty() ? habitStart : from, next));
        return join(kept);
    }

    private static String join(java.util.List<io.steadfast.habit.internal.domain.ScheduleEra> eras) {
        if (eras.size() == 1) {
            return encode(eras.get(0).schedule());
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < eras.size(); i++) {
            if (i > 0) {
                sb.append(';');
            }
            sb.append(encode(eras.get(i).schedule()))
                    .append('@')
                    .append(i == 0 ? "-" : eras.get(i).from().toString());
        }
        return sb.toString();
    }

    private static Schedule decodeOne(String text) {
        return Schedule.parse(text);
    }
}
