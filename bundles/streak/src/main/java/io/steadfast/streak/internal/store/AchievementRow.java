package io.steadfast.streak.internal.store;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * An earned achievement.
 *
 * @param scope a habit id, or {@code all} for achievements across all habits
 * @param code  e.g. {@code streak-7}
 */
public record AchievementRow(UUID id, UUID userId, String scope, String code, LocalDate reachedOn, Instant createdAt) {}
