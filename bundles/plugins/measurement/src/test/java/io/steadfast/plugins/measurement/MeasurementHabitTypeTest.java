package io.steadfast.plugins.measurement;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

import io.steadfast.api.habit.spi.HabitType;
import io.steadfast.api.habit.spi.HabitType.DayRecord;
import io.steadfast.api.habit.spi.HabitType.HabitDefinition;
import io.steadfast.api.habit.spi.HabitType.Status;

class MeasurementHabitTypeTest {

    private final HabitType type = new MeasurementHabitType();
    private final HabitDefinition weight = new HabitDefinition(null, "kg");

    @Test
    void aRecordedValueIsADoneDay() {
        assertThat(type.evaluate(weight, new DayRecord(new BigDecimal("72.4"), null, false), false))
                .isEqualTo(new HabitType.DayOutcome(Status.DONE, new BigDecimal("72.4")));
        assertThat(type.evaluate(weight, null, false).status()).isEqualTo(Status.PENDING);
        assertThat(type.evaluate(weight, null, true).status()).isEqualTo(Status.MISSED);
        assertThat(type.evaluate(weight, new DayRecord(null, "forgot the scale", false), true)
                        .status())
                .isEqualTo(Status.MISSED);
    }

    @Test
    void aValueIsRequiredAndBounded() {
        assertThat(type.validate(weight, new DayRecord(null, "x", false))).isPresent();
        assertThat(type.validate(weight, new DayRecord(new BigDecimal("1e10"), null, false)))
                .isPresent();
        assertThat(type.validate(weight, new DayRecord(new BigDecimal("-3.5"), null, false)))
                .isEmpty();
        assertThat(type.validate(weight, new DayRecord(null, null, true))).isEmpty();
        assertThat(type.key()).isEqualTo("measurement");
        assertThat(type.needsTarget()).isFalse();
        assertThat(type.valueKind()).isEqualTo(HabitType.ValueKind.NUMBER);
        assertThat(type.supportsGoal()).as("a measurement can have a goal").isTrue();
    }
}
