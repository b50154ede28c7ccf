package io.steadfast.habit.internal.domain;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A goal as the user asks for it, before validation: set (the three fields, any of them possibly missing or
 * wrong) or removed ({@link #REMOVE}, from {@code "goal": null}).
 *
 * @param direction as given ({@code down} or {@code up} when valid)
 */
public record GoalDraft(BigDecimal value, String direction, LocalDate by, boolean remove) {

    /** Removes the habit's goal. */
    public static final GoalDraft REMOVE = new GoalDraft(null, null, null, true);

    /** A goal to set. */
    public static GoalDraft of(BigDecimal value, String direction, LocalDate by) {
        return new GoalDraft(value, direction, by, false);
    }
}
