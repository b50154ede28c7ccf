package io.steadfast.delivery.internal.service;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.steadfast.api.delivery.Outbound;
import io.steadfast.api.reminder.spi.ReminderChannel.Message;
import io.steadfast.habit.api.DayView;
import io.steadfast.habit.api.HabitChangeConsumer;
import io.steadfast.habit.api.HabitInfo;
import io.steadfast.habit.api.HabitQuery;
import io.steadfast.streak.api.HabitStatistics;

/**
 * The habit outbox's consumer {@code delivery}: a changed day and the achievements it brought become the integration
 * events {@code checkin.changed} and {@code achievement.earned}, for the channels that subscribe to them (a webhook's
 * {@code events}). It runs after the statistics consumer (the configured order), so the achievements are there. A
 * user without such a channel costs one look-up of their channels.
 */
@Component(service = HabitChangeConsumer.class, property = HabitChangeConsumer.NAME + "=delivery")
public class IntegrationEvents implements HabitChangeConsumer {

    private final Deliveries deliveries;
    private final HabitQuery habits;
    private final HabitStatistics statistics;
    private final Clock clock;

    @Activate
    public IntegrationEvents(
            @Reference Deliveries deliveries,
            @Reference HabitQuery habits,
            @Reference HabitStatistics statistics,
            @Reference Clock clock) {
        this.deliveries = deliveries;
        this.habits = habits;
        this.statistics = statistics;
        this.clock = clock;
    }

    @Override
    public void habitChanged(UUID userId, UUID habitId) {
        // a definition's change is no event of the catalogue
    }

    @Override
    public void daysChanged(UUID userId, UUID habitId, LocalDate from) {
        java.util.Set<String> wanted =
                deliveries.subscribed(userId, Message.CHECKIN_CHANGED, Message.ACHIEVEMENT_EARNED);
        boolean checkins = wanted.contains(Message.CHECKIN_CHANGED);
        boolean achievements = wanted.contains(Message.ACHIEVEMENT_EARNED);
        if (!checkins && !achievements) {
            return;
        }
        Optional<HabitInfo> found = habits.habit(userId, habitId);
        if (found.isEmpty()) {
            return;
        }
        HabitInfo h = found.get();
        if (checkins) {
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("habitId", habitId.toString());
            data.put("habitName", h.name());
            data.put("date", from.toString());
            List<DayView> day = habits.days(userId, habitId, from, from);
            if (!day.isEmpty()) {
                data.put("status", day.get(0).state().json());
                data.put(
                        "value",
                        day.get(0).value() == null ? null : day.get(0).value().toPlainString());
            }
            data.put("revision", h.revision());
            deliveries.queue(
                    userId,
                    new Outbound.Message(
                            "checkin:" + habitId + ":" + h.revision(),
                            Message.CHECKIN_CHANGED,
                            h.name() + " on " + from,
                            null,
                            "/habits/" + habitId,
                            clock.instant().truncatedTo(ChronoUnit.MILLIS),
                            data),
                    List.of());
        }
        if (achievements) {
            for (HabitStatistics.Achievement a : statistics.achievements(h)) {
                achievement(userId, h, a, habitId.toString(), from);
            }
            // the account's own (first check-in, perfect week or month) come with a habit's day too
            for (HabitStatistics.Achievement a : statistics.accountAchievements(userId)) {
                achievement(userId, h, a, "all", from);
            }
        }
    }

    private void achievement(UUID userId, HabitInfo h, HabitStatistics.Achievement a, String scope, LocalDate from) {
        if (a.reachedOn().isBefore(from)) {
            return;
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("code", a.code());
        data.put("title", a.title());
        data.put("reachedOn", a.reachedOn().toString());
        data.put("scope", scope);
        data.put("habitId", h.id().toString());
        data.put("habitName", h.name());
        deliveries.queue(
                userId,
                new Outbound.Message(
                        "achievement:" + scope + ":" + a.code(),
                        Message.ACHIEVEMENT_EARNED,
                        a.title(),
                        h.name() + ": " + a.title(),
                        "/habits/" + h.id(),
                        clock.instant().truncatedTo(ChronoUnit.MILLIS),
                        data),
                List.of());
    }
}
