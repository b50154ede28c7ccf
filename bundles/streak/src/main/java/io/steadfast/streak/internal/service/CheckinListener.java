package io.steadfast.streak.internal.service;

import java.time.LocalDate;
import java.util.UUID;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.steadfast.habit.api.HabitChangeConsumer;
import io.steadfast.habit.api.HabitQuery;

/**
 * Keeps statistics and achievements current as day records and habits change: the durable consumer
 * {@value #NAME} of the habit bundle's outbox. Idempotent: the same change again stores the same state and awards
 * nothing twice (achievements are unique per user, scope and code).
 */
@Component(property = HabitChangeConsumer.NAME + "=" + CheckinListener.NAME)
public class CheckinListener implements HabitChangeConsumer {

    /** This consumer's name, in the habit bundle's default delivery configuration. */
    public static final String NAME = "statistics";

    private static final Logger LOG = LoggerFactory.getLogger(CheckinListener.class);

    private final StatsService stats;
    private final AchievementService achievements;
    private final HabitQuery habits;

    @Activate
    public CheckinListener(
            @Reference StatsService stats, @Reference AchievementService achievements, @Reference HabitQuery habits) {
        this.stats = stats;
        this.achievements = achievements;
        this.habits = habits;
    }

    @Override
    public void habitChanged(UUID userId, UUID habitId) {
        try {
            stats.habitChanged(userId, habitId);
        } catch (RuntimeException e) {
            throw forget(habitId, e);
        }
    }

    @Override
    public void daysChanged(UUID userId, UUID habitId, LocalDate from) {
        try {
            stats.changed(userId, habitId, from).ifPresent(s -> habits.habit(userId, habitId)
                    .ifPresent(h -> achievements.check(userId, h, from, s)));
        } catch (RuntimeException e) {
            throw forget(habitId, e);
        }
    }

    /**
     * Statistics are derived data: forget the state so that a read recomputes it from the records; the change is
     * delivered again later (for the achievements).
     */
    private RuntimeException forget(UUID habitId, RuntimeException e) {
        LOG.warn("Could not update statistics for {}: {}", habitId, e.toString());
        try {
            stats.forget(habitId);
        } catch (RuntimeException ignored) {
            // the next read recomputes anyway if the state is unusable
        }
        return e;
    }
}
