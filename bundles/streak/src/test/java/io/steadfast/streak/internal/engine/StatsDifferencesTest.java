package io.steadfast.streak.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.Test;

class StatsDifferencesTest {

    static final LocalDate D = LocalDate.of(2026, 3, 2);

    static Stats stats(int current, double strength, long done, String value, Map<String, LocalDate> reached) {
        return new Stats(
                new Stats.Streak(current, Math.max(current, 5), Stats.DAYS, current == 0 ? null : D, D, D.plusDays(4)),
                strength,
                new Stats.Completion(1.0, 0.5, null, 0.5),
                new Stats.Totals(done, new BigDecimal(value)),
                DayOfWeek.MONDAY,
                reached);
    }

    @Test
    void equalStatisticsHaveNoDifferenceWhateverTheScaleOrRounding() {
        Stats a = stats(3, 0.4, 10, "12.50", Map.of());
        Stats b = stats(3, 0.4 + 1e-12, 10, "12.5", Map.of());
        assertThat(StatsDifferences.between(a, b)).isEmpty();
    }

    @Test
    void eachFigureThatDiffersIsNamedWithBeforeAndAfter() {
        Stats a = stats(3, 0.41234, 10, "12", Map.of("streak-7", D));
        Stats b = stats(4, 0.41236, 11, "13", Map.of("streak-7", D, "done-100", D.plusDays(1)));
        assertThat(StatsDifferences.between(a, b))
                .extracting(Object::toString)
                .containsExactly(
                        "current streak 3 days → 4 days",
                        "strength 0.412340 → 0.412360",
                        "done days 10 → 11",
                        "total value 12 → 13",
                        "milestone done-100 reached - → 2026-03-03");
    }

    @Test
    void aBrokenStreakLosesItsStart() {
        assertThat(StatsDifferences.between(stats(2, 0.4, 10, "0", Map.of()), stats(0, 0.4, 10, "0", Map.of())))
                .extracting(Object::toString)
                .containsExactly("current streak 2 days → 0 days", "current streak start 2026-03-02 → -");
    }
}
