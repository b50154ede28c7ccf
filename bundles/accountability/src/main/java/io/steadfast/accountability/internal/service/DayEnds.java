package io.steadfast.accountability.internal.service;

import java.time.Instant;
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
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

import io.steadfast.accountability.internal.domain.Notice;
import io.steadfast.accountability.internal.store.GroupRows;
import io.steadfast.accountability.internal.store.GroupStore;
import io.steadfast.accountability.internal.store.NotificationRow;
import io.steadfast.accountability.internal.store.NotificationStore;
import io.steadfast.api.account.UserDirectory;
import io.steadfast.api.account.UserProfile;
import io.steadfast.api.delivery.Outbound;
import io.steadfast.api.reminder.spi.ReminderChannel.Message;
import io.steadfast.calendar.api.ScheduleConsumer;
import io.steadfast.habit.api.DayState;
import io.steadfast.habit.api.DayView;
import io.steadfast.habit.api.HabitDays;
import io.steadfast.habit.api.HabitInfo;
import io.steadfast.habit.api.HabitQuery;

/**
 * The scheduler's consumer {@code accountability}: when a user's day ends, partners who opted in hear of the shared
 * habits it ended missed (through their channels; in the app when the delivery bundle is not running), and a
 * challenge whose last day it was finishes for the user (a feed item with the result). Idempotent: the alert's key
 * and the feed item's key are of the habit and the day.
 */
@Component(service = ScheduleConsumer.class, property = ScheduleConsumer.NAME + "=accountability")
public class DayEnds implements ScheduleConsumer {

    private final HabitQuery habits;
    private final PartnerService partners;
    private final Audience audience;
    private final UserDirectory directory;
    private final NotificationStore notifications;
    private final Signals signals;
    private final GroupStore groups;
    private final FeedWriter feed;
    private volatile Outbound outbound;

    @Activate
    public DayEnds(
            @Reference HabitQuery habits,
            @Reference PartnerService partners,
            @Reference Audience audience,
            @Reference UserDirectory directory,
            @Reference NotificationStore notifications,
            @Reference Signals signals,
            @Reference GroupStore groups,
            @Reference FeedWriter feed) {
        this.habits = habits;
        this.partners = partners;
        this.audience = audience;
        this.directory = directory;
        this.notifications = notifications;
        this.signals = signals;
        this.groups = groups;
        this.feed = feed;
    }

    @Reference(
            cardinality = ReferenceCardinality.OPTIONAL,
            policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void setOutbound(Outbound o) {
        this.outbound = o;
    }

    void unsetOutbound(Outbound o) {
        if (this.outbound == o) {
            this.outbound = null;
        }
    }

    @Override
    public void dayEnded(UUID userId, LocalDate date, Instant endedAt) {
        List<HabitDays> days = habits.activeDays(userId, date, date);
        missed(userId, date, endedAt, days);
        challengesFinished(userId, date);
    }

    private void missed(UUID userId, LocalDate date, Instant endedAt, List<HabitDays> days) {
        List<HabitInfo> missed = days.stream()
                .filter(h -> h.habit().sharing().shared() && !h.days().isEmpty())
                .filter(h -> {
                    DayView d = h.days().get(0);
                    return d.due() && d.state() == DayState.MISSED;
                })
                .map(HabitDays::habit)
                .toList();
        if (missed.isEmpty()) {
            return;
        }
        String name = directory.find(userId).map(UserProfile::displayName).orElse("A partner");
        for (UUID partner : partners.partners(userId)) {
            Optional<UserProfile> p = directory.find(partner);
            if (p.isEmpty() || !p.get().alerts().partnerMissed()) {
                continue;
            }
            for (HabitInfo h : missed) {
                if (audience.sees(partner, h)) {
                    alert(partner, userId, name, h, date, endedAt);
                }
            }
        }
    }

    private void alert(UUID partner, UUID owner, String ownerName, HabitInfo h, LocalDate date, Instant endedAt) {
        String key = "partner-missed:" + h.id() + ":" + date;
        String text = ownerName + " missed " + h.name() + " on " + date + ". A nudge might help.";
        Outbound o = outbound;
        if (o != null) {
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("actorId", owner.toString());
            data.put("partnerName", ownerName);
            data.put("habitId", h.id().toString());
            data.put("habitName", h.name());
            data.put("date", date.toString());
            o.queue(
                    partner,
                    new Outbound.Message(
                            key,
                            Message.PARTNER_MISSED,
                            ownerName + " missed " + h.name(),
                            text,
                            "/partners/" + owner,
                            endedAt,
                            data),
                    List.of());
            return;
        }
        if (notifications.add(new NotificationRow(
                0,
                partner,
                Notice.PARTNER_MISSED,
                owner,
                h.id(),
                h.name(),
                date,
                null,
                text,
                key,
                endedAt.truncatedTo(ChronoUnit.MILLIS),
                null))) {
            signals.notified(partner);
        }
    }

    private void challengesFinished(UUID userId, LocalDate date) {
        for (GroupRows.Participant p : groups.participationsOf(userId)) {
            Optional<GroupRows.Challenge> c = groups.challenge(p.challengeId());
            if (c.isEmpty() || !c.get().endDate().equals(date)) {
                continue;
            }
            Optional<HabitInfo> h = habits.habit(userId, p.habitId());
            if (h.isEmpty()) {
                continue;
            }
            LocalDate from = p.joinedOn().isAfter(c.get().startDate())
                    ? p.joinedOn()
                    : c.get().startDate();
            List<DayView> views = habits.days(userId, p.habitId(), from, date);
            int due = (int) views.stream().filter(DayView::due).count();
            int done =
                    (int) views.stream().filter(d -> d.state() == DayState.DONE).count();
            feed.finished(userId, h.get(), c.get().id(), date, done, due);
        }
    }
}
