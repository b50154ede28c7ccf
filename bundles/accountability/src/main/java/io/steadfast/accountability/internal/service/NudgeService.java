package io.steadfast.accountability.internal.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

import io.steadfast.accountability.internal.domain.Notice;
import io.steadfast.accountability.internal.store.NotificationRow;
import io.steadfast.accountability.internal.store.NotificationStore;
import io.steadfast.api.cache.RateCounter;
import io.steadfast.api.error.NotFoundException;
import io.steadfast.api.error.TooManyAttemptsException;
import io.steadfast.api.error.ValidationException;
import io.steadfast.habit.api.HabitInfo;
import io.steadfast.habit.api.HabitQuery;

/**
 * Nudges: a partner's reminder about a habit shared with the sender, delivered as a notification. Limited per sender
 * and recipient and per sender per day (UTC), counted in the {@link RateCounter} — on every node at once with Redis.
 */
@Component(service = NudgeService.class)
public class NudgeService {

    /** How many nudges one sender may send one recipient a day. */
    static final int PER_RECIPIENT_PER_DAY = 3;

    /** How many nudges one sender may send a day, to anyone. */
    static final int PER_SENDER_PER_DAY = 30;

    /** The longest message. */
    static final int MAX_MESSAGE = 200;

    private final PartnerService partners;
    private final HabitQuery habits;
    private final NotificationStore notifications;
    private final Clock clock;
    private final Signals signals;
    private volatile RateCounter counter;

    @Activate
    public NudgeService(
            @Reference PartnerService partners,
            @Reference HabitQuery habits,
            @Reference NotificationStore notifications,
            @Reference Clock clock,
            @Reference Signals signals) {
        this.signals = signals;
        this.partners = partners;
        this.habits = habits;
        this.notifications = notifications;
        this.clock = clock;
    }

    @Reference(policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    void setCounter(RateCounter c) {
        this.counter = c;
    }

    void unsetCounter(RateCounter c) {
        // replaced before unset
    }

    /** A nudge as sent; {@code remainingToday}: how many more the sender may send this recipient today. */
    public record Nudge(UUID recipientId, UUID habitId, String message, Instant sentAt, int remainingToday) {}

    public Nudge nudge(UUID senderId, UUID recipientId, UUID habitId, String message) {
        PartnerService.Partner p = partners.partner(senderId, recipientId);
        HabitInfo h = habits.habit(recipientId, habitId)
                .filter(i -> i.sharing().shared() && !i.archived())
                .orElseThrow(() -> new NotFoundException("Habit"));
        String text = message == null || message.isBlank() ? null : message.trim();
        if (text != null && text.length() > MAX_MESSAGE) {
            throw new ValidationException("message", "must be at most " + MAX_MESSAGE + " characters");
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        LocalDate day = LocalDate.ofInstant(now, ZoneOffset.UTC);
        Duration rest = Duration.between(now, day.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC));
        RateCounter rc = counter;
        long toThem = rc.increment("nudge:" + senderId + ":" + recipientId + ":" + day, rest);
        if (toThem > PER_RECIPIENT_PER_DAY) {
            throw new TooManyAttemptsException(
                    "You nudged " + p.displayName() + " " + PER_RECIPIENT_PER_DAY + " times today; the limit resets at "
                            + "midnight UTC",
                    rest);
        }
        long all = rc.increment("nudge:" + senderId + ":" + day, rest);
        if (all > PER_SENDER_PER_DAY) {
            throw new TooManyAttemptsException(
                    "You sent " + PER_SENDER_PER_DAY + " nudges today; the limit resets at midnight UTC", rest);
        }
        notifications.add(new NotificationRow(
                0,
                recipientId,
                Notice.NUDGE,
                senderId,
                habitId,
                h.name(),
                h.today(),
                null,
                text,
                "nudge:" + UUID.randomUUID(),
                now,
                null));
        signals.notified(recipientId);
        return new Nudge(recipientId, habitId, text, now, (int) Math.max(0, PER_RECIPIENT_PER_DAY - toThem));
    }
}
