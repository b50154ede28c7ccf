package io.steadfast.delivery.internal.service;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.steadfast.api.delivery.Outbound;
import io.steadfast.api.reminder.spi.ReminderChannel.Message;
import io.steadfast.calendar.api.ReminderDue;
import io.steadfast.calendar.api.ScheduleConsumer;
import io.steadfast.habit.api.DayState;
import io.steadfast.habit.api.DayView;
import io.steadfast.habit.api.HabitDays;
import io.steadfast.habit.api.HabitQuery;
import io.steadfast.streak.api.HabitStatistics;

/**
 * The scheduler's consumer {@code delivery}: a due reminder, the streak-at-risk check and a day's end become messages
 * for the user's channels. Each message has a key of what it is about, so that a hand-over repeated after a node died
 * queues nothing new.
 */
@Component(service = ScheduleConsumer.class, property = ScheduleConsumer.NAME + "=delivery")
public class ScheduledMessages implements ScheduleConsumer {

    /** The shortest running streak the streak-at-risk alert speaks of. */
    static final int AT_RISK_STREAK = 3;

    private final Outbound outbound;
    private final Deliveries deliveries;
    private final HabitQuery habits;
    private final HabitStatistics statistics;

    @Activate
    public ScheduledMessages(
            @Reference Deliveries deliveries, @Reference HabitQuery habits, @Reference HabitStatistics statistics) {
        this.outbound = deliveries;
        this.deliveries = deliveries;
        this.habits = habits;
        this.statistics = statistics;
    }

    @Override
    public void reminderDue(ReminderDue due) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("reminderId", due.reminderId().toString());
        data.put("habitId", due.habitId().toString());
        data.put("habitName", due.habitName());
        data.put("date", due.date().toString());
        data.put("time", due.time().toString());
        data.put("dueAt", due.dueAt().toString());
        outbound.queue(
                due.userId(),
                new Outbound.Message(
                        due.key(),
                        Message.REMINDER_DUE,
                        due.habitName(),
                        "Time for " + due.habitName() + " — still to do today.",
                        "/habits/" + due.habitId(),
                        due.dueAt(),
                        data),
                due.channelIds());
    }

    @Override
    public void streakCheckDue(UUID userId, LocalDate date, Instant dueAt) {
        List<Map<String, Object>> atRisk = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (HabitDays h : habits.activeDays(userId, date, date)) {
            if (h.days().isEmpty()) {
                continue;
            }
            DayView d = h.days().get(0);
            if (!d.due()
                    || d.state() == DayState.DONE
                    || d.state() == DayState.SKIPPED
                    || d.state() == DayState.PAUSED) {
                continue;
            }
            HabitStatistics.Summary s = statistics.summary(h.habit());
            if (s.currentStreak() >= AT_RISK_STREAK) {
                atRisk.add(Map.of(
                        "habitId", h.habit().id().toString(),
                        "habitName", h.habit().name(),
                        "currentStreak", s.currentStreak(),
                        "streakUnit", s.streakUnit()));
                names.add(h.habit().name() + " (" + s.currentStreak() + " " + s.streakUnit() + ")");
            }
        }
        if (atRisk.isEmpty()) {
            return;
        }
        outbound.queue(
                userId,
                new Outbound.Message(
                        "streak-at-risk:" + userId + ":" + date,
                        Message.STREAK_AT_RISK,
                        atRisk.size() == 1 ? "A streak is at risk" : atRisk.size() + " streaks are at risk",
                        "Not done yet today: " + String.join(", ", names) + ".",
                        "/today",
                        dueAt,
                        Map.of("date", date.toString(), "habits", atRisk)),
                List.of());
    }

    @Override
    public void dayEnded(UUID userId, LocalDate date, Instant endedAt) {
        if (!deliveries.subscribed(userId, Message.STREAK_BROKEN).isEmpty()) {
            streaksBroken(userId, date, endedAt);
        }
        outbound.queue(
                userId,
                new Outbound.Message(
                        "day-ended:" + userId + ":" + date,
                        Message.DAY_ENDED,
                        "Your day " + date + " ended",
                        null,
                        null,
                        endedAt,
                        Map.of("date", date.toString(), "endedAt", endedAt.toString())),
                List.of());
    }

    /** A due day that ended missed after at least two done due days in a row: {@code streak.broken}. */
    private void streaksBroken(UUID userId, LocalDate date, Instant endedAt) {
        for (HabitDays h : habits.activeDays(userId, date, date)) {
            if (h.days().isEmpty() || !h.days().get(0).due() || h.days().get(0).state() != DayState.MISSED) {
                continue;
            }
            List<DayView> before = habits.days(userId, h.habit().id(), date.minusDays(366), date.minusDays(1));
            int done = 0;
            for (int i = before.size() - 1; i >= 0; i--) {
                DayView d = before.get(i);
                if (d.state() == DayState.DONE && d.due()) {
                    done++;
                } else if (d.due() && d.state() == DayState.MISSED) {
                    break;
                }
            }
            if (done < 2) {
                continue;
            }
            outbound.queue(
                    userId,
                    new Outbound.Message(
                            "streak-broken:" + h.habit().id() + ":" + date,
                            Message.STREAK_BROKEN,
                            h.habit().name() + ": the streak ended",
                            h.habit().name() + " was missed on " + date + " after " + done + " done days in a row.",
                            "/habits/" + h.habit().id(),
                            endedAt,
                            Map.of(
                                    "habitId", h.habit().id().toString(),
                                    "habitName", h.habit().name(),
                                    "date", date.toString(),
                                    "doneInARow", done)),
                    List.of());
        }
    }
}
