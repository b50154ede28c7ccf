package io.steadfast.habit.api;

import java.util.List;

/** A habit with its evaluated days of a range, oldest first. */
public record HabitDays(HabitInfo habit, List<DayView> days) {}
