package io.steadfast.accountability.internal.service;

import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.steadfast.habit.api.HabitChangeConsumer;
import io.steadfast.habit.api.HabitInfo;
import io.steadfast.habit.api.HabitQuery;

/**
 * The accountability bundle's durable consumer of habit changes ({@value #NAME}): after a change of a habit's days
 * commits, off the request thread, on one node, the referee notifications and the feed follow it. Both parts are
 * idempotent, so a change delivered again (after a node died, say) writes nothing twice; a part that fails makes the
 * habit bundle deliver the change again later.
 */
@Component(property = HabitChangeConsumer.NAME + "=" + ChangeConsumer.NAME)
public class ChangeConsumer implements HabitChangeConsumer {

    /** This consumer's name, for the habit bundle's {@code consumers} list. */
    public static final String NAME = "accountability";

    private final RefereeNotices referees;
    private final FeedWriter feed;
    private final HabitQuery habits;

    @Activate
    public ChangeConsumer(
            @Reference RefereeNotices referees, @Reference FeedWriter feed, @Reference HabitQuery habits) {
        this.referees = referees;
        this.feed = feed;
        this.habits = habits;
    }

    @Override
    public void habitChanged(UUID userId, UUID habitId) {
        // an edit changes no day; who sees the habit's items is decided when the feed is read
    }

    @Override
    public void daysChanged(UUID userId, UUID habitId, LocalDate from) {
        // one read of the habit; a private habit without a referee (most changes) costs nothing more. A deleted
        // habit tells nobody anything. (A verdict whose referee was removed before its delivery tells the owner
        // nothing either: they see it on the day.)
        Optional<HabitInfo> habit = habits.habit(userId, habitId);
        if (habit.isEmpty()) {
            return;
        }
        HabitInfo h = habit.get();
        if (h.sharing().refereeUserId() != null) {
            referees.daysChanged(h, from);
        }
        if (h.sharing().shared()) {
            feed.daysChanged(h, from);
        }
    }
}
