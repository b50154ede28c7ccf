package io.steadfast.accountability.internal.service;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
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
import io.steadfast.habit.api.Verifications;
import io.steadfast.streak.api.HabitStatistics;

/**
 * Writes the feed after a change of a shared habit's days commits (called by the durable consumer): one item per
 * done day, removed when the day is not done any more (cleared, disputed); a referee's verdict; a streak that reached
 * a milestone. Idempotent: the same change again finds the same days (each item has its dedupe key). A private habit
 * writes nothing; a backfill reaches at most {@link #FEED_DAYS} days back.
 */
@Component(service = FeedWriter.class)
public class FeedWriter {

    /** How far back from the owner's today a change of days makes feed items. */
    static final int FEED_DAYS = 31;

    private final HabitQuery habits;
    private final FeedStore feed;
    private final Clock clock;
    private final Signals signals;
    private final HabitStatistics statistics;
    private final Verifications verifications;

    @Activate
    public FeedWriter(
            @Reference HabitQuery habits,
            @Reference FeedStore feed,
            @Reference Clock clock,
            @Reference Signals signals,
            @Reference HabitStatistics statistics,
            @Reference Verifications verifications) {
        this.habits = habits;
        this.feed = feed;
        this.clock = clock;
        this.signals = signals;
        this.statistics = statistics;
        this.verifications = verifications;
    }

    /** The key of a habit day's item. */
    static String checkinKey(UUID habitId, LocalDate day) {
        return Notice.FEED_CHECKIN + ":" + habitId + ":" + day;
    }

    /** Days of {@code h} changed from {@code from} on (the habit as its owner looked it up after the change). */
    public void daysChanged(HabitInfo h, LocalDate from) {
        if (!h.sharing().shared()) {
            return;
        }
        UUID ownerId = h.userId();
        UUID habitId = h.id();
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
                add(ownerId, Notice.FEED_CHECKIN, h, d.date(), r.backfilled(), null, key);
            } else {
                feed.remove(ownerId, key);
            }
        }
        // a verdict of the referee's on one of these days
        for (Verifications.VerifiedDay v : verifications.verifiedDays(ownerId, habitId, f)) {
            if (v.at() != null) {
                add(
                        ownerId,
                        Notice.FEED_VERDICT,
                        h,
                        v.date(),
                        false,
                        v.state(),
                        "verdict:" + habitId + ":" + v.date() + ":" + v.at().toEpochMilli());
            }
        }
        // the habit's achievements reached in these days (awarded by the statistics consumer, which runs first)
        for (HabitStatistics.Achievement won : statistics.achievements(h)) {
            if (!won.reachedOn().isBefore(f)) {
                add(
                        ownerId,
                        Notice.FEED_ACHIEVEMENT,
                        h,
                        won.reachedOn(),
                        false,
                        won.code(),
                        "achievement:" + habitId + ":" + won.code());
            }
        }
        // a streak that reached a milestone (once per streak and length)
        HabitStatistics.Summary st = statistics.summary(h);
        if (Notice.MILESTONES.contains(st.currentStreak()) && st.currentStart() != null) {
            add(
                    ownerId,
                    Notice.FEED_STREAK,
                    h,
                    today,
                    false,
                    Integer.toString(st.currentStreak()),
                    "streak:" + habitId + ":" + st.currentStreak() + ":" + st.currentStart());
        }
    }

    /** {@code ownerId} joined a challenge whose habit is {@code habit}: an item for the group. */
    public void joined(UUID ownerId, HabitInfo habit, UUID challengeId) {
        add(
                ownerId,
                Notice.FEED_CHALLENGE,
                habit,
                habit.today(),
                false,
                challengeId.toString(),
                "challenge:" + challengeId);
    }

    /** {@code ownerId}'s challenge ended on its last day: an item for the group with the done and due days. */
    public void finished(UUID ownerId, HabitInfo habit, UUID challengeId, LocalDate lastDay, int done, int due) {
        add(
                ownerId,
                Notice.FEED_CHALLENGE_FINISHED,
                habit,
                lastDay,
                false,
                challengeId + ":" + done + ":" + due,
                "challenge-finished:" + challengeId);
    }

    private void add(
            UUID actor, String kind, HabitInfo h, LocalDate day, boolean backfilled, String detail, String key) {
        if (feed.add(new FeedItemRow(
                0,
                actor,
                kind,
                h.id(),
                h.name(),
                day,
                backfilled,
                detail,
                key,
                clock.instant().truncatedTo(ChronoUnit.MILLIS)))) {
            signals.fed(actor);
        }
    }
}
