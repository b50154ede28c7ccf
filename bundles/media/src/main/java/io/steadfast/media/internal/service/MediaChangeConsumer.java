package io.steadfast.media.internal.service;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.steadfast.habit.api.HabitChangeConsumer;
import io.steadfast.habit.api.HabitQuery;
import io.steadfast.media.internal.domain.MediaKeys;
import io.steadfast.media.internal.store.AttachmentStore;

/**
 * The habit outbox's durable consumer {@code media}: a deleted habit takes its photos, a day whose check-in was
 * cleared takes that day's — after the habit bundle's commit, off the request thread, on one node. Idempotent: the
 * files go first (deleting what is gone is no error), then the rows, so a change delivered again, or after a
 * failure in between, ends the same.
 */
@Component(service = HabitChangeConsumer.class, property = HabitChangeConsumer.NAME + "=" + MediaChangeConsumer.NAME)
public class MediaChangeConsumer implements HabitChangeConsumer {

    public static final String NAME = "media";

    private static final Logger LOG = LoggerFactory.getLogger(MediaChangeConsumer.class);

    private final HabitQuery habits;
    private final AttachmentStore store;
    private final MediaFiles files;

    @Activate
    public MediaChangeConsumer(
            @Reference HabitQuery habits, @Reference AttachmentStore store, @Reference MediaFiles files) {
        this.habits = habits;
        this.store = store;
        this.files = files;
    }

    @Override
    public void habitChanged(UUID userId, UUID habitId) {
        if (habits.habit(userId, habitId).isPresent()) {
            return;
        }
        files.deletePrefix(MediaKeys.habit(userId, habitId));
        int n = store.deleteOfHabit(userId, habitId);
        if (n > 0) {
            LOG.debug("Deleted {} photos of the deleted habit {}", n, habitId);
        }
    }

    @Override
    public void daysChanged(UUID userId, UUID habitId, LocalDate from) {
        var days = store.days(userId, habitId, from);
        if (days.isEmpty()) {
            return;
        }
        if (habits.habit(userId, habitId).isEmpty()) {
            habitChanged(userId, habitId);
            return;
        }
        LocalDate last = days.get(days.size() - 1);
        Set<LocalDate> recorded = new HashSet<>();
        habits.records(userId, habitId, days.get(0), last).forEach(r -> recorded.add(r.date()));
        for (LocalDate d : days) {
            if (!recorded.contains(d)) {
                files.deletePrefix(MediaKeys.day(userId, habitId, d));
                store.deleteOfDay(userId, habitId, d);
            }
        }
    }
}
