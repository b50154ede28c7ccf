package io.steadfast.habit.internal.types;

import java.math.BigDecimal;
import java.util.Optional;

import org.osgi.service.component.annotations.Component;

import io.steadfast.api.habit.spi.HabitType;

/**
 * A yes-or-no habit: the day is done when it has a record. A record's value is optional; {@code 1} (or none) means
 * yes, {@code 0} is an explicit no and counts like no record at all.
 */
@Component(service = HabitType.class)
public class BooleanHabitType implements HabitType {

    /** The key of this type. */
    public static final String KEY = "boolean";

    @Override
    public String key() {
        return KEY;
    }

    @Override
    public String name() {
        return "Yes or no";
    }

    @Override
    public String description() {
        return "Do it or not, once a day: read, meditate, no sugar.";
    }

    @Override
    public boolean needsTarget() {
        return false;
    }

    @Override
    public ValueKind valueKind() {
        return ValueKind.NONE;
    }

    @Override
    public Optional<String> validate(HabitDefinition habit, DayRecord record) {
        BigDecimal value = record.value();
        if (value != null && value.compareTo(BigDecimal.ZERO) != 0 && value.compareTo(BigDecimal.ONE) != 0) {
            return Optional.of("The value must be 0 or 1.");
        }
        return Optional.empty();
    }

    @Override
    public DayOutcome evaluate(HabitDefinition habit, DayRecord record, boolean dayEnded) {
        if (record != null && (record.value() == null || record.value().signum() > 0)) {
            return DayOutcome.of(Status.DONE);
        }
        return DayOutcome.of(dayEnded ? Status.MISSED : Status.PENDING);
    }
}
