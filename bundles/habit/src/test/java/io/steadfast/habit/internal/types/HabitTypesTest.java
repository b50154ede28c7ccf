package io.steadfast.habit.internal.types;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Optional;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import io.steadfast.api.habit.spi.HabitType;
import io.steadfast.api.habit.spi.HabitType.DayOutcome;
import io.steadfast.api.habit.spi.HabitType.DayRecord;
import io.steadfast.api.habit.spi.HabitType.HabitDefinition;
import io.steadfast.api.habit.spi.HabitType.Status;
import io.steadfast.api.habit.spi.HabitType.ValueKind;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.BigRange;
import net.jqwik.api.constraints.Scale;

class HabitTypesTest {

    static DayRecord value(String v) {
        return new DayRecord(new BigDecimal(v), null, false);
    }

    static DayRecord noValue() {
        return new DayRecord(null, "a note", false);
    }

    static HabitDefinition target(String t) {
        return new HabitDefinition(t == null ? null : new BigDecimal(t), null);
    }

    static DayOutcome outcome(Status status, String progress) {
        return new DayOutcome(status, progress == null ? null : new BigDecimal(progress));
    }

    @Test
    void keysNamesAndDescriptionsAreStable() {
        HabitType[] types = {new BooleanHabitType(), new CountHabitType(), new LimitHabitType()};
        assertThat(types).extracting(HabitType::key).containsExactly("boolean", "count", "limit");
        assertThat(types).extracting(HabitType::name).containsExactly("Yes or no", "Count", "Limit");
        assertThat(types).extracting(HabitType::needsTarget).containsExactly(false, true, true);
        assertThat(types)
                .extracting(HabitType::valueKind)
                .containsExactly(ValueKind.NONE, ValueKind.NUMBER, ValueKind.NUMBER);
        assertThat(types).extracting(HabitType::defaultUnit).containsExactly(null, "times", null);
        for (HabitType t : types) {
            assertThat(t.key()).matches("[a-z0-9-]+");
            assertThat(t.description()).isNotBlank().endsWith(".");
        }
    }

    @Property(tries = 200)
    void countIsDoneExactlyAtOrAboveTheTarget(
            @ForAll @BigRange(min = "0", max = "100") @Scale(2) BigDecimal value,
            @ForAll @BigRange(min = "1", max = "50") @Scale(1) BigDecimal target,
            @ForAll boolean ended) {
        DayOutcome o = new CountHabitType()
                .evaluate(new HabitDefinition(target, null), new DayRecord(value, null, false), ended);
        assertThat(o.progress()).isEqualTo(value);
        Status expected = value.compareTo(target) >= 0
                ? Status.DONE
                : value.signum() > 0 ? Status.PARTIAL : ended ? Status.MISSED : Status.PENDING;
        assertThat(o.status()).isEqualTo(expected);
    }

    @Nested
    class YesOrNo {

        final HabitType type = new BooleanHabitType();
        final HabitDefinition habit = target(null);

        @Test
        void aRecordMakesTheDayDone() {
            assertThat(type.evaluate(habit, noValue(), false)).isEqualTo(DayOutcome.of(Status.DONE));
            assertThat(type.evaluate(habit, noValue(), true)).isEqualTo(DayOutcome.of(Status.DONE));
            assertThat(type.evaluate(habit, value("1"), true)).isEqualTo(DayOutcome.of(Status.DONE));
        }

        @Test
        void noRecordIsMissedOnceTheDayEndedAndPendingBefore() {
            assertThat(type.evaluate(habit, null, true)).isEqualTo(DayOutcome.of(Status.MISSED));
            assertThat(type.evaluate(habit, null, false)).isEqualTo(DayOutcome.of(Status.PENDING));
        }

        @Test
        void zeroIsAnExplicitNo() {
            assertThat(type.evaluate(habit, value("0"), true)).isEqualTo(DayOutcome.of(Status.MISSED));
            assertThat(type.evaluate(habit, value("0"), false)).isEqualTo(DayOutcome.of(Status.PENDING));
            assertThat(type.evaluate(habit, value("0.00"), true)).isEqualTo(DayOutcome.of(Status.MISSED));
        }

        @Test
        void valuesAreZeroOrOne() {
            assertThat(type.validate(habit, noValue())).isEmpty();
            assertThat(type.validate(habit, value("0"))).isEmpty();
            assertThat(type.validate(habit, value("1"))).isEmpty();
            assertThat(type.validate(habit, value("1.0"))).isEmpty();
            assertThat(type.validate(habit, value("2"))).contains("The value must be 0 or 1.");
            assertThat(type.validate(habit, value("0.5"))).isPresent();
            assertThat(type.validate(habit, value("-1"))).isPresent();
        }
    }

    @Nested
    class Count {

        final HabitType type = new CountHabitType();
        final HabitDefinition eight = target("8");

        @Test
        void reachingTheTargetIsDone() {
            assertThat(type.evaluate(eight, value("8"), false)).isEqualTo(outcome(Status.DONE, "8"));
            assertThat(type.evaluate(eight, value("8.0"), true).status()).isEqualTo(Status.DONE);
            assertThat(type.evaluate(eight, value("11"), true)).isEqualTo(outcome(Status.DONE, "11"));
        }

        @Test
        void belowTheTargetIsPartialWhileAndAfterTheDay() {
            assertThat(type.evaluate(eight, value("3"), false)).isEqualTo(outcome(Status.PARTIAL, "3"));
            assertThat(type.evaluate(eight, value("3"), true)).isEqualTo(outcome(Status.PARTIAL, "3"));
            assertThat(type.evaluate(eight, value("7.99"), true)).isEqualTo(outcome(Status.PARTIAL, "7.99"));
            assertThat(type.evaluate(eight, value("0.01"), true)).isEqualTo(outcome(Status.PARTIAL, "0.01"));
        }

        @Test
        void nothingIsMissedOnceTheDayEndedAndPendingBefore() {
            assertThat(type.evaluate(eight, null, true)).isEqualTo(DayOutcome.of(Status.MISSED));
            assertThat(type.evaluate(eight, null, false)).isEqualTo(DayOutcome.of(Status.PENDING));
            assertThat(type.evaluate(eight, noValue(), true)).isEqualTo(DayOutcome.of(Status.MISSED));
            assertThat(type.evaluate(eight, value("0"), true)).isEqualTo(outcome(Status.MISSED, "0"));
            assertThat(type.evaluate(eight, value("0"), false)).isEqualTo(outcome(Status.PENDING, "0"));
        }

        @Test
        void withoutATargetAnyPositiveValueIsDone() {
            assertThat(type.evaluate(target(null), value("1"), true).status()).isEqualTo(Status.DONE);
            assertThat(type.evaluate(target(null), value("0.5"), true).status()).isEqualTo(Status.PARTIAL);
        }

        @Test
        void valuesAreZeroToOneBillion() {
            assertThat(type.validate(eight, value("0"))).isEmpty();
            assertThat(type.validate(eight, value("1000000000"))).isEmpty();
            assertThat(type.validate(eight, noValue())).isEmpty();
            assertThat(type.validate(eight, value("-0.5"))).contains("The value must not be negative.");
            assertThat(type.validate(eight, value("1000000000.01"))).contains("The value must be at most 1000000000.");
        }
    }

    @Nested
    class Limit {

        final HabitType type = new LimitHabitType();
        final HabitDefinition two = target("2");
        final HabitDefinition quit = target("0");

        @Test
        void atOrUnderTheLimitIsDoneOnceTheDayEnded() {
            assertThat(type.evaluate(two, value("2"), true)).isEqualTo(outcome(Status.DONE, "2"));
            assertThat(type.evaluate(two, value("0"), true)).isEqualTo(outcome(Status.DONE, "0"));
            assertThat(type.evaluate(quit, value("0"), true)).isEqualTo(outcome(Status.DONE, "0"));
        }

        @Test
        void atOrUnderTheLimitIsPendingWhileTheDayRuns() {
            assertThat(type.evaluate(two, value("1"), false)).isEqualTo(outcome(Status.PENDING, "1"));
            assertThat(type.evaluate(two, value("2"), false)).isEqualTo(outcome(Status.PENDING, "2"));
            assertThat(type.evaluate(two, null, false)).isEqualTo(DayOutcome.of(Status.PENDING));
        }

        @Test
        void overTheLimitIsMissedAtOnce() {
            assertThat(type.evaluate(two, value("3"), false)).isEqualTo(outcome(Status.MISSED, "3"));
            assertThat(type.evaluate(two, value("2.5"), true)).isEqualTo(outcome(Status.MISSED, "2.5"));
            assertThat(type.evaluate(quit, value("1"), false)).isEqualTo(outcome(Status.MISSED, "1"));
        }

        @Test
        void aDayThatEndedWithoutARecordIsDone() {
            assertThat(type.evaluate(two, null, true)).isEqualTo(DayOutcome.of(Status.DONE));
            assertThat(type.evaluate(quit, null, true)).isEqualTo(DayOutcome.of(Status.DONE));
            assertThat(type.evaluate(quit, noValue(), true)).isEqualTo(DayOutcome.of(Status.DONE));
        }

        @Test
        void withoutATargetTheLimitIsZero() {
            assertThat(type.evaluate(target(null), value("0"), true).status()).isEqualTo(Status.DONE);
            assertThat(type.evaluate(target(null), value("1"), true).status()).isEqualTo(Status.MISSED);
        }

        @Test
        void valuesAreNotNegative() {
            assertThat(type.validate(two, value("0"))).isEmpty();
            assertThat(type.validate(two, value("40"))).isEmpty();
            assertThat(type.validate(two, noValue())).isEmpty();
            assertThat(type.validate(two, value("-1"))).isEqualTo(Optional.of("The value must not be negative."));
        }
    }
}
