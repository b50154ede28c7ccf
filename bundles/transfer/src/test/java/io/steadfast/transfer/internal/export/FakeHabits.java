package io.steadfast.transfer.internal.export;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.steadfast.habit.api.HabitInfo;
import io.steadfast.habit.api.HabitQuery.RecordedDay;
import io.steadfast.habit.api.Schedule;

/** A user's habits and records in memory, noting every page asked for. */
final class FakeHabits implements HabitSource {

    static final UUID USER = UUID.fromString("00000000-0000-0000-0000-00000000000a");
    static final LocalDate START = LocalDate.of(2025, 1, 1);

    final Map<HabitInfo, List<RecordedDay>> records = new LinkedHashMap<>();
    /** The limits of the pages asked for. */
    final List<Integer> pages = new ArrayList<>();

    HabitInfo habit(String name, String type, BigDecimal target, String unit, Schedule schedule, boolean archived) {
        HabitInfo h = new HabitInfo(
                UUID.randomUUID(),
                USER,
                name,
                "about " + name,
                type,
                target,
                unit,
                schedule,
                START,
                START,
                "#22aa55",
                null,
                archived,
                records.size(),
                true,
                Instant.parse("2025-01-01T08:00:00Z"),
                DayOfWeek.MONDAY,
                LocalDate.of(2026, 3, 1),
                null,
                START);
        records.put(h, new ArrayList<>());
        return h;
    }

    FakeHabits day(HabitInfo h, LocalDate date, String value, String note, boolean skipped, String verification) {
        records.get(h)
                .add(new RecordedDay(
                        date,
                        value == null ? null : new BigDecimal(value),
                        note,
                        skipped,
                        false,
                        verification,
                        Instant.parse("2026-03-01T08:00:00Z")));
        return this;
    }

    @Override
    public List<HabitInfo> habits(UUID userId) {
        return userId.equals(USER) ? List.copyOf(records.keySet()) : List.of();
    }

    @Override
    public List<RecordedDay> records(UUID userId, UUID habitId, LocalDate after, int limit) {
        pages.add(limit);
        return records.entrySet().stream()
                .filter(e -> e.getKey().id().equals(habitId))
                .flatMap(e -> e.getValue().stream())
                .filter(d -> after == null || d.date().isAfter(after))
                .sorted(java.util.Comparator.comparing(RecordedDay::date))
                .limit(limit)
                .toList();
    }
}
