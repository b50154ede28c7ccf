package io.steadfast.accountability.internal.service;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.steadfast.accountability.internal.domain.Notice;
import io.steadfast.accountability.internal.store.NotificationRow;
import io.steadfast.accountability.internal.store.NotificationStore;
import io.steadfast.api.reminder.spi.ReminderChannel;

/**
 * The built-in channel {@code in-app}: a message becomes one of the user's notifications (the bell, the event
 * stream). Every user has one such channel; it takes the messages for people by default.
 */
@Component(service = ReminderChannel.class, property = ReminderChannel.KEY + "=in-app")
public class InAppChannel implements ReminderChannel {

    private final NotificationStore notifications;
    private final Signals signals;

    @Activate
    public InAppChannel(@Reference NotificationStore notifications, @Reference Signals signals) {
        this.notifications = notifications;
        this.signals = signals;
    }

    @Override
    public String key() {
        return "in-app";
    }

    @Override
    public String name() {
        return "In the app";
    }

    @Override
    public List<ConfigField> configSchema() {
        return List.of();
    }

    @Override
    public List<ConfigProblem> validate(Map<String, Object> config) {
        return List.of();
    }

    @Override
    public Result deliver(Message m, Map<String, Object> config) {
        Map<String, Object> d = m.data();
        notifications.add(new NotificationRow(
                0,
                m.userId(),
                kind(m.type()),
                uuid(d.get("actorId")),
                uuid(d.get("habitId")),
                text(d.get("habitName"), 100),
                date(d.get("date")),
                text(d.get("channelId"), 36),
                text(m.body() == null ? m.title() : m.body(), 500),
                "delivery:" + m.id(),
                m.createdAt().truncatedTo(ChronoUnit.MILLIS),
                null));
        signals.notified(m.userId());
        return Result.delivered("notified in the app");
    }

    static String kind(String type) {
        return switch (type) {
            case Message.REMINDER_DUE -> Notice.REMINDER;
            case Message.PARTNER_MISSED -> Notice.PARTNER_MISSED;
            case Message.STREAK_AT_RISK -> Notice.STREAK_AT_RISK;
            case Message.CHANNEL_DISABLED -> Notice.CHANNEL_DISABLED;
            case Message.SECURITY_ALERT -> Notice.SECURITY_ALERT;
            default -> Notice.CHANNEL_TEST;
        };
    }

    private static UUID uuid(Object o) {
        try {
            return o instanceof String s ? UUID.fromString(s) : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static LocalDate date(Object o) {
        try {
            return o instanceof String s ? LocalDate.parse(s) : null;
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static String text(Object o, int max) {
        if (o == null) {
            return null;
        }
        String s = o.toString();
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
