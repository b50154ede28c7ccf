package io.steadfast.accountability.internal.service;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.steadfast.accountability.internal.domain.Notice;
import io.steadfast.accountability.internal.store.FeedItemRow;
import io.steadfast.accountability.internal.store.FeedStore;
import io.steadfast.habit.api.DayState;
import io.steadfast.habit.api.DayView;
import io.steadfast.habit.api.HabitInfo;
import io.steadfast.habit.api.HabitQuery;

/**
 * Writes the feed after a change of a shared habit's days commits (called by the durable consumer): one item per
 * done day, removed when the day is not done any more (cleared, disputed). Idempotent: the same change again finds
 * the same days. A private habit writes nothing; a backfill reaches at most {@link #FEED_DAYS} days back.
 */
@Component(service = FeedWriter.class)
public class FeedWriter {

    /** How far back from the owner's today a change of days makes feed items. */
    static final int FEED_DAYS = 31;

    private final HabitQuery habits;
    private final FeedStore feed;
    private final Clock clock;
    private final Signals signals;

    @Activate
    public FeedWriter(
            @Reference HabitQuery habits,
            @Reference FeedStore feed,
            @Reference Clock clock,
            @Reference Signals signals) {
        this.habits = habits;
        this.feed = feed;
        this.clock = clock;
        this.signals = signals;
    }

    /** The key of a habit day's item. */
    static String checkinKey(UUID habitId, LocalDate day) {
        return Notice.FEED_CHECKIN + ":" + habitId + ":" + day;
    }

    public void daysChanged(UUID ownerId, UUID habitId, LocalDate from) {
        Optional<HabitInfo> habit = habits.habit(ownerId, habitId);
        if (habit.isEmpty() || !habit.get().sharing().shared()) {
            return;
        }
        HabitInfo h = habit.get();
        LocalDate today = h.today();
        LocalDate f = from.isBefore(today.minusDays(FEED_DAYS - 1)) ? today.minusDays(FEED_DAYS - 1) : from;
        if (f.isAfter(today)) {
            return;
        }
        Map<LocalDate, HabitQuery.RecordedDay> records = new HashMap<>();
        habits.records(ownerId, habitId, f, today).forEach(r -> records.put(r.date(), r));
        for (DayView d : habits.days(ownerId, habitId, f, today)) {
            String key = checkinKey(habitId, d.date());
            HabitQuery.RecordedDay r = records.get(d.date());
            if (d.state() == DayState.DONE && r != null && !r.skipped()) {
                boolean added = feed.add(new FeedItemRow(
                        0,
                        ownerId,
                        Notice.FEED_CHECKIN,
                        habitId,
                        h.name(),
                        d.date(),
                        r.backfilled(),
                        key,
                        clock.instant().truncatedTo(ChronoUnit.MILLIS)));
                if (added) {
                    signals.fed(ownerId);
                }
            } else {
                feed.remove(ownerId, key);
            }
        }
    }
}
