package io.steadfast.habit.internal.domain;

import java.math.BigDecimal;
import java.time.LocalDate;

import io.steadfast.api.habit.spi.HabitType;
import io.steadfast.api.habit.spi.HabitType.DayRecord;
import io.steadfast.api.habit.spi.HabitType.HabitDefinition;
import io.steadfast.habit.api.Schedule;
import io.steadfast.habit.internal.types.BooleanHabitType;
import io.steadfast.habit.internal.types.CountHabitType;
import io.steadfast.habit.internal.types.LimitHabitType;

/** Shorthands for the domain tests. */
final class Fixtures {

    static final HabitType BOOLEAN = new BooleanHabitType();
    static final HabitType COUNT = new CountHabitType();
    static final HabitType LIMIT = new LimitHabitType();

    private Fixtures() {}

    static LocalDate date(String iso) {
        return LocalDate.parse(iso);
    }

    /** A plain "done" record without a value. */
    static DayRecord done() {
        return new DayRecord(null, null, false);
    }

    static DayRecord value(String value) {
        return new DayRecord(new BigDecimal(value), null, false);
    }

    static DayRecord skip() {
        return new DayRecord(null, "travelling", true);
    }

    static BigDecimal dec(String value) {
        return new BigDecimal(value);
    }

    static HabitRules yesNo(Schedule schedule, String startDate) {
        return new HabitRules(schedule, date(startDate), BOOLEAN, new HabitDefinition(null, null));
    }

    static HabitRules count(Schedule schedule, String startDate, String target) {
        return new HabitRules(schedule, date(startDate), COUNT, new HabitDefinition(dec(target), "glasses"));
    }

    static HabitRules limit(Schedule schedule, String startDate, String target) {
        return new HabitRules(schedule, date(startDate), LIMIT, new HabitDefinition(dec(target), "coffees"));
    }
}
