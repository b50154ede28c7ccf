package io.steadfast.habit.internal.domain;

import java.time.LocalDate;
import java.util.Objects;

import io.steadfast.habit.api.Schedule;

/**
 * A schedule and the first day it applies. A habit's schedule changes apply from the change on: the days before
 * keep the schedule they had, so a change never reinterprets history.
 */
public record ScheduleEra(LocalDate from, Schedule schedule) {

    public ScheduleEra {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(schedule, "schedule");
    }
}
