package io.steadfast.habit.internal.types;

import java.math.BigDecimal;
import java.util.Optional;

import org.osgi.service.component.annotations.Component;

import io.steadfast.api.habit.spi.HabitType;

/**
 * Quit or cut down ("at most 2 coffees", "no cigarettes" with target 0): a day is done when it ends at or under the
 * target, and missed as soon as the value goes over it. A day that ends without a record is done. A habit without
 * a target is treated as having the target 0.
 */
@Component(service = HabitType.class)
public class LimitHabitType implements HabitType {

    /** The key of this type. */
    public static final String KEY = "limit";

    @Override
    public String key() {
        return KEY;
    }

    @Override
    public String name() {
        return "Limit";
    }

    @Override
    public String description() {
        return "Quit or cut down: stay at or under a number each day, zero to quit.";
    }

    @Override
    public boolean needsTarget() {
        return true;
    }

    @Override
    public ValueKind valueKind() {
        return ValueKind.NUMBER;
    }

    @Override
    public Optional<String> validate(HabitDefinition habit, DayRecord record) {
        return Values.checkAmount(record.value());
    }

    /**
     * Missed when the value is over the target (even before the day ended); otherwise done once the day ended and
     * pending while it is in progress.
     */
    @Override
    public DayOutcome evaluate(HabitDefinition habit, DayRecord record, boolean dayEnded) {
        BigDecimal value = record == null ? null : record.value();
        BigDecimal target = habit.target() == null ? BigDecimal.ZERO : habit.target();
        if (value != null && value.compareTo(target) > 0) {
            return new DayOutcome(Status.MISSED, value);
        }
        return new DayOutcome(dayEnded ? Status.DONE : Status.PENDING, value);
    }
}
