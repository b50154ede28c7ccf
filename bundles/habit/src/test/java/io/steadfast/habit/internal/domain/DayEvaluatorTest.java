package io.steadfast.habit.internal.domain;

import static io.steadfast.habit.internal.domain.Fixtures.dec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.steadfast.api.habit.spi.HabitType;
import io.steadfast.api.habit.spi.HabitType.DayOutcome;
import io.steadfast.api.habit.spi.HabitType.DayRecord;
import io.steadfast.api.habit.spi.HabitType.HabitDefinition;
import io.steadfast.api.habit.spi.HabitType.Status;
import io.steadfast.habit.api.DayState;

class DayEvaluatorTest {

    private static final HabitDefinition HABIT = new HabitDefinition(dec("5"), "km");

    @Test
    void skippedDaysNeverReachTheType() {
        ScriptedType type = new ScriptedType(new DayOutcome(Status.MISSED, null));
        DayResult result = DayEvaluator.evaluate(type, HABIT, new DayRecord(dec("3"), "ill", true), true);
        assertThat(result).isEqualTo(new DayResult(DayState.SKIPPED, null));
        assertThat(type.calls).isEmpty();
    }

    @Test
    void everyStatusMapsToItsStateWithTheProgress() {
        for (Status status : Status.values()) {
            ScriptedType type = new ScriptedType(new DayOutcome(status, dec("2.5")));
            DayRecord record = new DayRecord(dec("2.5"), null, false);
            DayResult result = DayEvaluator.evaluate(type, HABIT, record, false);
            assertThat(result.state()).isEqualTo(DayState.valueOf(status.name()));
            assertThat(result.progress()).isEqualTo(dec("2.5"));
            assertThat(type.calls).containsExactly(record + "/false");
        }
    }

    @Test
    void theTypeSeesMissingRecordsAndWhetherTheDayEnded() {
        ScriptedType type = new ScriptedType(DayOutcome.of(Status.MISSED));
        assertThat(DayEvaluator.evaluate(type, HABIT, null, true)).isEqualTo(new DayResult(DayState.MISSED, null));
        assertThat(type.calls).containsExactly("null/true");
    }

    @Test
    void aTypeAnsweringWithoutAStatusIsABug() {
        assertThatThrownBy(() -> DayEvaluator.evaluate(new ScriptedType(null), HABIT, null, true))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("'scripted'");
        assertThatThrownBy(() -> DayEvaluator.evaluate(
                        new ScriptedType(new DayOutcome(null, BigDecimal.ONE)), HABIT, null, true))
                .isInstanceOf(IllegalStateException.class);
    }

    /** A type answering one outcome and recording its calls. */
    private static final class ScriptedType implements HabitType {

        final DayOutcome outcome;
        final List<String> calls = new ArrayList<>();

        ScriptedType(DayOutcome outcome) {
            this.outcome = outcome;
        }

        @Override
        public String key() {
            return "scripted";
        }

        @Override
        public String name() {
            return "Scripted";
        }

        @Override
        public String description() {
            return "Answers what it is told.";
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
        public Optional<String> validate(HabitDefinition habit, DayRecord record) {
            return Optional.empty();
        }

        @Override
        public DayOutcome evaluate(HabitDefinition habit, DayRecord record, boolean dayEnded) {
            calls.add(record + "/" + dayEnded);
            return outcome;
        }
    }
}
