package io.steadfast.plugins.measurement;

import java.math.BigDecimal;
import java.util.Optional;

import org.osgi.service.component.annotations.Component;

import io.steadfast.api.habit.spi.HabitType;

/**
 * A measured value, such as body weight, calories or sleep hours: a day is done when a value is recorded. The
 * value series (charts, trends) is what matters, not a target; an optional target is shown for reference, and a
 * goal (a value to reach by a date) is followed in the habit's statistics.
 */
@Component(service = HabitType.class)
public class MeasurementHabitType implements HabitType {

    static final BigDecimal LIMIT = HabitType.MAX_VALUE;

    @Override
    public String key() {
        return "measurement";
    }

    @Override
    public String name() {
        return "Measurement";
    }

    @Override
    public String description() {
        return "Record a measured value such as weight or calories; a day is done when it is recorded";
    }

    @Override
    public boolean needsTarget() {
        return false;
    }

    @Override
    public ValueKind valueKind() {
        return ValueKind.NUMBER;
    }

    @Override
    public String defaultUnit() {
        return "kg";
    }

    /** A measurement can have a goal, such as 70 kg by June (docs/api.md). */
    @Override
    public boolean supportsGoal() {
        return true;
    }

    @Override
    public Optional<String> validate(HabitDefinition habit, DayRecord record) {
        if (record.skipped()) {
            return Optional.empty();
        }
        if (record.value() == null) {
            return Optional.of("a measurement needs a value");
        }
        if (record.value().abs().compareTo(LIMIT) > 0) {
            return Optional.of("the value is out of range");
        }
        return Optional.empty();
    }

    @Override
    public DayOutcome evaluate(HabitDefinition habit, DayRecord record, boolean dayEnded) {
        if (record != null && record.value() != null) {
            return new DayOutcome(Status.DONE, record.value());
        }
        return DayOutcome.of(dayEnded ? Status.MISSED : Status.PENDING);
    }
}
