package io.steadfast.habit.internal.types;

import java.math.BigDecimal;
import java.util.Optional;

import org.osgi.service.component.annotations.Component;

import io.steadfast.api.habit.spi.HabitType;

/**
 * Reach a number each day ("8 glasses of water"): done at or above the target, partial below it, missed with
 * nothing. A habit without a target (which the API does not allow) is treated as having the target 1.
 */
@Component(service = HabitType.class)
public class CountHabitType implements HabitType {

    /** The key of this type. */
    public static final String KEY = "count";

    @Override
    public String key() {
        return KEY;
    }

    @Override
    public String name() {
        return "Count";
    }

    @Override
    public String description() {
        return "Reach a number each day: glasses of water, pages, push-ups.";
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
    public String defaultUnit() {
        return "times";
    }

    @Override
    public Optional<String> validate(HabitDefinition habit, DayRecord record) {
        return Values.checkAmount(record.value());
    }

    /**
     * Done when the value reaches the target; partial when it is above zero but below the target (also while the day
     * is in progress); otherwise missed once the day ended, pending before.
     */
    @Override
    public DayOutcome evaluate(HabitDefinition habit, DayRecord record, boolean dayEnded) {
        BigDecimal value = record == null ? null : record.value();
        BigDecimal target = habit.target() == null ? BigDecimal.ONE : habit.target();
        if (value != null && value.compareTo(target) >= 0) {
            return new DayOutcome(Status.DONE, value);
        }
        if (value != null && value.signum() > 0) {
            return new DayOutcome(Status.PARTIAL, value);
        }
        return new DayOutcome(dayEnded ? Status.MISSED : Status.PENDING, value);
    }
}
