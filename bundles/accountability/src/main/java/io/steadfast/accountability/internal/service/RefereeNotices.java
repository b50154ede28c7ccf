package io.steadfast.accountability.internal.service;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.steadfast.accountability.internal.domain.Notice;
import io.steadfast.accountability.internal.store.NotificationRow;
import io.steadfast.accountability.internal.store.NotificationStore;
import io.steadfast.api.partner.Partnerships;
import io.steadfast.habit.api.Verifications;

/**
 * Referee notifications, written after a check-in or a verdict commits (called by the durable consumer, off the
 * request thread): the referee hears of a day that waits for them, the owner of a verdict. Idempotent: a change delivered again finds the same days and writes nothing new (dedupe keys of the day's
 * write and of the verdict's time); a request's latency does not depend on any of it.
 */
@Component(service = RefereeNotices.class)
public class RefereeNotices {

    private final Verifications verifications;
    private final Partnerships partnerships;
    private final NotificationStore notifications;
    private final Clock clock;
    private final Signals signals;

    @Activate
    public RefereeNotices(
            @Reference Verifications verifications,
            @Reference Partnerships partnerships,
            @Reference NotificationStore notifications,
            @Reference Clock clock,
            @Reference Signals signals) {
        this.verifications = verifications;
        this.partnerships = partnerships;
        this.notifications = notifications;
        this.clock = clock;
        this.signals = signals;
    }

    private void add(NotificationRow n) {
        if (notifications.add(n)) {
            signals.notified(n.userId());
        }
    }

    /** Days of {@code h} changed from {@code from} on (the habit as its owner looked it up after the change). */
    public void daysChanged(io.steadfast.habit.api.HabitInfo h, LocalDate from) {
        UUID userId = h.userId();
        UUID habitId = h.id();
        for (Verifications.VerifiedDay d : verifications.verifiedDays(userId, habitId, from)) {
            if (Verifications.PENDING.equals(d.state())) {
                if (d.refereeId() != null && partnerships.arePartners(userId, d.refereeId())) {
                    add(row(
                            d.refereeId(),
                            Notice.REFEREE_REQUEST,
                            userId,
                            d,
                            null,
                            "request:" + habitId + ":" + d.date() + ":"
                                    + d.recordedAt().toEpochMilli()));
                }
            } else if (d.at() != null) {
                // a referee's verdict (a day confirmed because its referee went has no time and tells nobody)
                boolean confirmed = Verifications.CONFIRMED.equals(d.state());
                add(row(
                        userId,
                        confirmed ? Notice.REFEREE_CONFIRMED : Notice.REFEREE_DISPUTED,
                        d.refereeId(),
                        d,
                        d.comment(),
                        "verdict:" + habitId + ":" + d.date() + ":" + d.at().toEpochMilli()));
            }
        }
    }

    private NotificationRow row(
            UUID recipient, String kind, UUID actor, Verifications.VerifiedDay d, String comment, String key) {
        return new NotificationRow(
                0,
                recipient,
                kind,
                actor,
                d.habitId(),
                d.habitName(),
                d.date(),
                null,
                comment,
                key,
                clock.instant().truncatedTo(ChronoUnit.MILLIS),
                null);
    }
}
