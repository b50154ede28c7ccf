package io.steadfast.plugins.journal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

import io.steadfast.api.habit.spi.HabitType;
import io.steadfast.api.habit.spi.HabitType.DayRecord;
import io.steadfast.api.habit.spi.HabitType.HabitDefinition;
import io.steadfast.api.habit.spi.HabitType.Status;

class JournalHabitTypeTest {

    private final HabitType type = new JournalHabitType();
    private final HabitDefinition diary = new HabitDefinition(null, null);

    @Test
    void aWrittenEntryIsADoneDay() {
        assertThat(type.evaluate(diary, new DayRecord(null, "Walked by the river.", false), false)
                        .status())
                .isEqualTo(Status.DONE);
        assertThat(type.evaluate(diary, new DayRecord(null, "  ", false), true).status())
                .isEqualTo(Status.MISSED);
        assertThat(type.evaluate(diary, null, false).status()).isEqualTo(Status.PENDING);
    }

    @Test
    void entriesAreTextOfBoundedLength() {
        assertThat(type.validate(diary, new DayRecord(BigDecimal.ONE, "x", false)))
                .isPresent();
        assertThat(type.validate(diary, new DayRecord(null, "", false))).isPresent();
        assertThat(type.validate(diary, new DayRecord(null, "x".repeat(4001), false)))
                .isPresent();
        assertThat(type.validate(diary, new DayRecord(null, "A good day.", false)))
                .isEmpty();
        assertThat(type.validate(diary, new DayRecord(null, null, true))).isEmpty();
        assertThat(type.valueKind()).isEqualTo(HabitType.ValueKind.TEXT);
    }
}
