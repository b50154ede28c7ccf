package io.steadfast.habit.internal.service;

import java.time.DayOfWeek;
import java.time.LocalDate;

import io.steadfast.habit.api.HabitInfo;
import io.steadfast.habit.internal.store.HabitRow;

/** From the stored row to the domain's {@link HabitInfo}. */
final class HabitMapping {

    private HabitMapping() {}

    static HabitInfo info(HabitRow h, boolean available, DayOfWeek weekStart, LocalDate today) {
        return new HabitInfo(
                h.id(),
                h.userId(),
                h.name(),
                h.description(),
                h.typeKey(),
                h.target(),
                h.unit(),
                ScheduleCodec.decode(h.schedule()),
                h.startDate(),
                HabitQueryService.statsSince(h),
                h.color(),
                h.icon(),
                h.archived(),
                h.sortOrder(),
                available,
                h.createdAt(),
                weekStart,
                today,
                h.goal(),
                h.createdOn(),
                h.revision(),
                h.sharing());
    }
}
