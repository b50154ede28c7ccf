package io.steadfast.habit.internal.domain;

import java.math.BigDecimal;
import java.util.Objects;

import io.steadfast.habit.api.DayState;

/**
 * The evaluation of one day.
 *
 * @param state    what became of the day
 * @param progress the value counted towards the target, or {@code null}
 */
public record DayResult(DayState state, BigDecimal progress) {

    public DayResult {
        Objects.requireNonNull(state, "state");
    }
}
