package io.steadfast.habit.internal.rest;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import io.steadfast.habit.api.ScheduleSpec;

/** The JSON of the habit endpoints. */
public final class HabitDtos {

    private HabitDtos() {
    }

    public record HabitTypeDto(String key, String name, String description, boolean needsTarget, String valueKind,
            String defaultUnit) {
    }

    public record HabitDto(UUID id, String name, String description, String type, BigDecimal target, String unit,
            ScheduleSpec schedule, LocalDate startDate, String color, String icon, boolean archived, int sortOrder,
            boolean available, Instant createdAt) {
    }

    /** Create (every field) and patch (the fields present). */
    public record HabitInput(String name, String description, String type, BigDecimal target, String unit,
            ScheduleSpec schedule, LocalDate startDate, String color, String icon, Boolean archived) {
    }

    public record CheckinInput(BigDecimal value, String note, String status) {
    }

    public record IncrementInput(BigDecimal delta) {
    }

    public record CheckinDto(UUID habitId, LocalDate date, BigDecimal value, String note, String status,
            boolean backfilled, Instant updatedAt) {
    }

    public record Progress(BigDecimal value, BigDecimal target) {
    }

    public record PeriodDto(int done, int times, LocalDate start, LocalDate end) {
    }

    public record TodayItem(HabitDto habit, boolean due, String status, Progress progress, PeriodDto period) {
    }

    public record Today(LocalDate date, String timezone, List<TodayItem> habits) {
    }

    public record CalendarHabit(UUID habitId, boolean due, String status, BigDecimal value) {
    }

    public record CalendarDay(LocalDate date, List<CalendarHabit> habits) {
    }

    public record Calendar(LocalDate from, LocalDate to, List<CalendarDay> days) {
    }

    public record HeatmapDay(LocalDate date, BigDecimal value, String status) {
    }

    public record Heatmap(UUID habitId, int year, List<HeatmapDay> days) {
    }

    public record FeedUrl(String url) {
    }

    public record HabitExport(HabitDto habit, List<CheckinDto> checkins) {
    }
}
