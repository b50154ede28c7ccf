package io.steadfast.streak.internal.service;

import java.time.LocalDate;
import java.util.UUID;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.steadfast.habit.api.HabitEvents;
import io.steadfast.habit.api.HabitQuery;

/** Keeps statistics and achievements current as day records and habits change. */
@Component(
        property = {
            "event.topics=" + HabitEvents.TOPIC_CHECKIN_CHANGED,
            "event.topics=" + HabitEvents.TOPIC_HABIT_CHANGED
        })
public class CheckinListener implements EventHandler {

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
    public void handleEvent(Event event) {
        try {
            UUID userId = HabitEvents.userId(event);
            UUID habitId = HabitEvents.habitId(event);
            if (HabitEvents.TOPIC_HABIT_CHANGED.equals(event.getTopic())) {
                stats.habitChanged(userId, habitId);
                return;
            }
            LocalDate date = HabitEvents.date(event);
            stats.changed(userId, habitId, date).ifPresent(s -> habits.habit(userId, habitId)
                    .ifPresent(h -> achievements.check(userId, h, date, s)));
        } catch (RuntimeException e) {
            // statistics are derived data: forget the state so the next read recomputes it from the records;
            // never fail the write that caused this
            LOG.warn("Could not update statistics for {}: {}", event.getProperty(HabitEvents.HABIT_ID), e.toString());
            try {
                stats.forget(HabitEvents.habitId(event));
            } catch (RuntimeException ignored) {
                // the next read recomputes anyway if the state is unusable
            }
        }
    }
}
