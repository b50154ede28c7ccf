package io.steadfast.habit.internal.domain;

import java.math.BigDecimal;
import java.util.Objects;

import io.steadfast.habit.api.DayState;

/**
 * One habit on one date.
 *
 * @param due      whether the habit is due on the date (listed in the day's agenda)
 * @param state    what became of the date; {@link DayState#NOT_DUE} when it is not due and nothing was recorded
 * @param progress the value counted towards the target, or {@code null}
 * @param target   the habit's target, or {@code null}
 * @param period   for per-period schedules the period holding the date, otherwise {@code null}
 */
public record AgendaItem(boolean due, DayState state, BigDecimal progress, BigDecimal target, PeriodProgress period) {

    public AgendaItem {
        Objects.requireNonNull(state, "state");
    }
}
