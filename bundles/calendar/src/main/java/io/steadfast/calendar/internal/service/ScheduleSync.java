package io.steadfast.calendar.internal.service;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;

import io.steadfast.api.account.AccountEvents;
import io.steadfast.api.account.UserDirectory;
import io.steadfast.api.account.UserProfile;
import io.steadfast.api.time.UserDay;
import io.steadfast.calendar.internal.domain.ReminderTimes;
import io.steadfast.calendar.internal.store.ReminderStore;
import io.steadfast.calendar.internal.store.TimerRow;
import io.steadfast.calendar.internal.store.TimerStore;
import io.steadfast.habit.api.HabitChangeConsumer;
import io.steadfast.habit.api.HabitQuery;

/**
 * Keeps the timers in step with what they follow: a user's first habit starts their day-end timer (durably, as the
 * habit outbox's consumer {@code calendar}), a deleted habit takes its reminders with it, and a changed profile (time
 * zone, day start, the streak-at-risk time) moves every timer of the user. The profile event may be missed (a node
 * dying after the commit); the scheduler re-reads the profile whenever a timer comes due, so a missed one delays a
 * moment to at most its old time.
 */
@Component(
        service = {HabitChangeConsumer.class, EventHandler.class, ScheduleSync.class},
        property = {
            HabitChangeConsumer.NAME + "=calendar",
            EventConstants.EVENT_TOPIC + "=" + AccountEvents.TOPIC_PROFILE_CHANGED
        })
public class ScheduleSync implements HabitChangeConsumer, EventHandler {

    private final TimerStore timers;
    private final ReminderStore reminders;
    private final Reminders reminderService;
    private final HabitQuery habits;
    private final UserDirectory users;
    private final Clock clock;

    @Activate
    public ScheduleSync(
            @Reference TimerStore timers,
            @Reference ReminderStore reminders,
            @Reference Reminders reminderService,
            @Reference HabitQuery habits,
            @Reference UserDirectory users,
            @Reference Clock clock) {
        this.timers = timers;
        this.reminders = reminders;
        this.reminderService = reminderService;
        this.habits = habits;
        this.users = users;
        this.clock = clock;
    }

    @Override
    public void habitChanged(UUID userId, UUID habitId) {
        if (habits.habit(userId, habitId).isEmpty()) {
            reminders.deleteOfHabit(userId, habitId);
            return;
        }
        users.find(userId).ifPresent(p -> {
            ReminderTimes.Moment end = ReminderTimes.nextDayEnd(p.timezone(), p.dayStartsAt(), clock.instant());
            timers.ensure(TimerRow.DAY_END, userId, userId, end.at(), end.date());
            if (p.alerts().streakAtRisk() != null
                    && timers.find(TimerRow.STREAK_CHECK, userId).isEmpty()) {
                streakCheck(p);
            }
        });
    }

    @Override
    public void daysChanged(UUID userId, UUID habitId, LocalDate from) {
        // a record changes nothing of when things happen
    }

    @Override
    public void handleEvent(Event event) {
        profileChanged(AccountEvents.userId(event));
    }

    /** Moves every timer of the user to the profile of now. */
    public void profileChanged(UUID userId) {
        Optional<UserProfile> found = users.find(userId);
        if (found.isEmpty()) {
            return;
        }
        UserProfile p = found.get();
        timers.find(TimerRow.DAY_END, userId)
                .ifPresent(t -> timers.put(
                        TimerRow.DAY_END,
                        userId,
                        userId,
                        UserDay.endOf(t.date(), p.timezone(), p.dayStartsAt()),
                        t.date()));
        reminderService.reschedule(userId);
        if (p.alerts().streakAtRisk() == null) {
            timers.delete(TimerRow.STREAK_CHECK, userId);
        } else {
            streakCheck(p);
        }
    }

    private void streakCheck(UserProfile p) {
        Instant now = clock.instant();
        ReminderTimes.Moment next =
                ReminderTimes.next(p.alerts().streakAtRisk(), null, p.timezone(), p.dayStartsAt(), now);
        timers.put(TimerRow.STREAK_CHECK, p.id(), p.id(), next.at(), next.date());
    }
}
