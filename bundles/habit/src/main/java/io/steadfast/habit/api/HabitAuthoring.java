package io.steadfast.habit.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Creating a habit for a user on their behalf (joining a group challenge creates its habit), with the same rules as
 * {@code POST /api/v1/habits}: an invalid one is a {@code ValidationException} naming the field.
 *
 * @since 2.3
 */
@ProviderType
public interface HabitAuthoring {

    /**
     * @param type      a habit type key ({@code boolean}, {@code count}, a plugin's)
     * @param startDate the first day ({@code null}: the user's today)
     */
    record NewHabit(
            String name,
            String description,
            String type,
            BigDecimal target,
            String unit,
            Schedule schedule,
            LocalDate startDate,
            Sharing sharing) {}

    HabitInfo create(UUID userId, NewHabit habit);
}
