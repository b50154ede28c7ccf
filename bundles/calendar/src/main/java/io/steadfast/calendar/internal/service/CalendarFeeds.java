package io.steadfast.calendar.internal.service;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.steadfast.api.account.UserDirectory;
import io.steadfast.api.auth.Secrets;
import io.steadfast.calendar.internal.store.CalendarFeedStore;
import io.steadfast.habit.api.DayState;
import io.steadfast.habit.api.DayView;
import io.steadfast.habit.api.HabitDays;
import io.steadfast.habit.api.HabitInfo;
import io.steadfast.habit.api.HabitQuery;

/**
 * The iCalendar feed: each user's secret feed URL (only its SHA-256 is stored; rotating it invalidates the old
 * one) and what the feed shows — the habits due and not yet done in the coming days.
 */
@Component(service = CalendarFeeds.class)
public class CalendarFeeds {

    /** The prefix of feed secrets. */
    public static final String PREFIX = "sfc_";
    /** How many days the feed shows, from today. */
    public static final int DAYS = 14;

    /** What the feed shows: per habit, the dates it is due. */
    public record FeedData(LocalDate today, Instant generatedAt, Map<HabitInfo, List<LocalDate>> due) {}

    private final CalendarFeedStore feeds;
    private final HabitQuery habits;
    private final Clock clock;
    private final UserDirectory users;

    @Activate
    public CalendarFeeds(
            @Reference CalendarFeedStore feeds,
            @Reference HabitQuery habits,
            @Reference Clock clock,
            @Reference UserDirectory users) {
        this.feeds = feeds;
        this.habits = habits;
        this.clock = clock;
        this.users = users;
    }

    /** Creates or rotates the caller's feed secret; returns the secret (shown once). */
    public String rotate(UUID userId) {
        habits.today(userId).orElseThrow(CalendarViews::gone);
        String secret = Secrets.newSecret(PREFIX);
        feeds.put(userId, Secrets.sha256Hex(secret), clock.instant(), users.credentialsEpoch(userId));
        return secret;
    }

    /** Turns the caller's feed off: its URL stops working until a new one is made. */
    public void turnOff(UUID userId) {
        habits.today(userId).orElseThrow(CalendarViews::gone);
        feeds.delete(userId);
    }

    /**
     * The owner of a feed secret; empty for anything that is not a current secret, and for a secret made before
     * the owner's credentials were last all revoked (a password change, "sign out everywhere": another credential
     * epoch): the URL ends with the sessions.
     */
    public Optional<UUID> owner(String secret) {
        if (!Secrets.wellFormed(secret, PREFIX)) {
            return Optional.empty();
        }
        return feeds.find(Secrets.sha256Hex(secret))
                .filter(f -> f.epoch() == users.credentialsEpoch(f.userId()))
                .map(CalendarFeedStore.Feed::userId);
    }

    /** The next {@link #DAYS} days: per active habit, the dates it is due and not done or skipped. */
    public FeedData data(UUID userId) {
        LocalDate today = habits.today(userId).orElseThrow(CalendarViews::gone);
        Map<HabitInfo, List<LocalDate>> due = new LinkedHashMap<>();
        for (HabitDays h : habits.activeDays(userId, today, today.plusDays(DAYS - 1))) {
            List<LocalDate> dates = new ArrayList<>();
            for (DayView d : h.days()) {
                if (d.due() && d.state() != DayState.DONE && d.state() != DayState.SKIPPED) {
                    dates.add(d.date());
                }
            }
            due.put(h.habit(), dates);
        }
        return new FeedData(today, clock.instant(), due);
    }
}
