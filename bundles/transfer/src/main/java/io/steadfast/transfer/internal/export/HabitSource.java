package io.steadfast.transfer.internal.export;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import io.steadfast.habit.api.HabitInfo;
import io.steadfast.habit.api.HabitQuery;
import io.steadfast.habit.api.HabitQuery.RecordedDay;

/**
 * What the CSV and iCalendar exports read of a user's habits: the two calls of {@link HabitQuery} they need, so
 * that the writers are plain Java with plain tests.
 */
public interface HabitSource {

    /** The records the writers read at a time: their memory does not grow with a habit's history. */
    int PAGE = 1000;

    /** Every habit of the user, archived ones included, in their order. */
    List<HabitInfo> habits(UUID userId);

    /** The first {@code limit} records of the habit after {@code after} ({@code null}: from the first), by date. */
    List<RecordedDay> records(UUID userId, UUID habitId, LocalDate after, int limit);

    /** The habit bundle's. */
    static HabitSource of(HabitQuery q) {
        return new HabitSource() {
            @Override
            public List<HabitInfo> habits(UUID userId) {
                return q.habits(userId);
            }

            @Override
            public List<RecordedDay> records(UUID userId, UUID habitId, LocalDate after, int limit) {
                return q.recordsAfter(userId, habitId, after, limit);
            }
        };
    }

    /** Calls {@code each} with every record of the habit, oldest first, reading a page at a time. */
    default void eachRecord(UUID userId, UUID habitId, RecordConsumer each) throws java.io.IOException {
        LocalDate after = null;
        while (true) {
            List<RecordedDay> page = records(userId, habitId, after, PAGE);
            for (RecordedDay d : page) {
                each.accept(d);
            }
            if (page.size() < PAGE) {
                return;
            }
            after = page.get(page.size() - 1).date();
        }
    }

    /** What is done with each record (writing it). */
    @FunctionalInterface
    interface RecordConsumer {
        void accept(RecordedDay day) throws java.io.IOException;
    }
}
