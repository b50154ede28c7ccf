package io.steadfast.calendar.internal.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentSkipListMap;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.event.EventAdmin;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.steadfast.api.account.UserDirectory;
import io.steadfast.api.account.UserProfile;
import io.steadfast.api.time.UserDay;
import io.steadfast.api.work.PollingWorker;
import io.steadfast.calendar.api.CalendarEvents;
import io.steadfast.calendar.api.ReminderDue;
import io.steadfast.calendar.api.ScheduleConsumer;
import io.steadfast.calendar.internal.domain.ReminderRule;
import io.steadfast.calendar.internal.domain.ReminderTimes;
import io.steadfast.calendar.internal.store.ReminderStore;
import io.steadfast.calendar.internal.store.TimerRow;
import io.steadfast.calendar.internal.store.TimerStore;
import io.steadfast.habit.api.DayView;
import io.steadfast.habit.api.HabitInfo;
import io.steadfast.habit.api.HabitQuery;

/**
 * The calendar's scheduler: on every node, a thread that looks every few seconds (on the platform clock) for the
 * timers that are due — users' day ends, reminders, streak checks — claims them, hands each to every
 * {@link ScheduleConsumer} and moves it on to its next moment. A claim is a lease with a token of this node's: of
 * two nodes that see a timer due, one claims it; a node that dies holding it leaves it to the others when the lease
 * ends. The consumers are idempotent, so a hand-over repeated after such a death notifies once. A node that was
 * down finds the timers that passed where they were and catches up: every missed day end in order (up to
 * {@code catchUpDays}), reminders and checks at most {@code maxLateMinutes} late (older ones are dropped, not sent).
 */
@Component(
        service = Scheduler.class,
        immediate = true,
        configurationPid = Scheduler.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = Scheduler.Config.class)
public class Scheduler {

    public static final String PID = "io.steadfast.calendar.scheduler";

    @ObjectClassDefinition(name = "Steadfast scheduler (day ends, reminders)")
    public @interface Config {
        @AttributeDefinition(description = "Run the scheduler on this node (false: leave the timers to other nodes)")
        boolean enabled() default true;

        @AttributeDefinition(description = "Seconds between looks for due timers")
        int tickSeconds() default 5;

        @AttributeDefinition(description = "Timers claimed at a time")
        int batchSize() default 200;

        @AttributeDefinition(description = "Seconds a claim lasts; a node that died is taken over after it")
        int leaseSeconds() default 120;

        @AttributeDefinition(description = "A reminder or streak check later than this many minutes is dropped")
        int maxLateMinutes() default 60;

        @AttributeDefinition(description = "How many missed day ends of a user are caught up after an outage")
        int catchUpDays() default 7;

        @AttributeDefinition(
                description = "The durable consumers (ScheduleConsumer names) that must run on this node before it "
                        + "hands anything out")
        String[] consumers() default {"delivery", "accountability"};
    }

    private static final Logger LOG = LoggerFactory.getLogger(Scheduler.class);

    private final TimerStore timers;
    private final ReminderStore reminders;
    private final HabitQuery habits;
    private final UserDirectory users;
    private final Clock clock;
    private final EventAdmin events;
    private final String node = "node-" + UUID.randomUUID();
    private final Map<String, ScheduleConsumer> consumers = new ConcurrentSkipListMap<>();
    private final PollingWorker worker;
    private volatile Config config;
    private volatile boolean waitingLogged;

    @Activate
    public Scheduler(
            @Reference TimerStore timers,
            @Reference ReminderStore reminders,
            @Reference HabitQuery habits,
            @Reference UserDirectory users,
            @Reference Clock clock,
            @Reference EventAdmin events,
            Config config) {
        this.timers = timers;
        this.reminders = reminders;
        this.habits = habits;
        this.users = users;
        this.clock = clock;
        this.events = events;
        this.config = config;
        this.worker = new PollingWorker(
                "steadfast-scheduler",
                1,
                () -> Math.max(1, this.config.tickSeconds()) * 1000L,
                () -> {
                    if (this.config.enabled()) {
                        tick();
                    }
                },
                (e, n) -> LOG.warn("Scheduler could not run (attempt {}): {}", n, e.toString()));
        worker.start();
    }

    @Reference(
            service = ScheduleConsumer.class,
            cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC)
    void addConsumer(ScheduleConsumer c, Map<String, Object> props) {
        Object name = props.get(ScheduleConsumer.NAME);
        if (name != null) {
            consumers.put(name.toString(), c);
            wake();
        }
    }

    void removeConsumer(ScheduleConsumer c, Map<String, Object> props) {
        Object name = props.get(ScheduleConsumer.NAME);
        if (name != null) {
            consumers.remove(name.toString(), c);
        }
    }

    @Modified
    void modified(Config c) {
        this.config = c;
        wake();
    }

    @Deactivate
    void deactivate() throws InterruptedException {
        worker.stop(Duration.ofSeconds(30));
    }

    /** Looks for due timers now (a timer was set, the clock moved). */
    public void wake() {
        worker.wake();
    }

    /** Claims and handles due timers until none is left. */
    void tick() {
        while (worker.active() && consumersPresent()) {
            Config c = config;
            Instant now = clock.instant();
            String claim = node + ":" + UUID.randomUUID();
            List<TimerRow> due =
                    timers.claim(claim, now, now.plusSeconds(Math.max(10, c.leaseSeconds())), c.batchSize());
            for (TimerRow t : due) {
                handle(t, claim);
            }
            if (due.size() < c.batchSize()) {
                return;
            }
        }
    }

    private void handle(TimerRow t, String claim) {
        try {
            switch (t.kind()) {
                case TimerRow.DAY_END -> dayEnd(t, claim);
                case TimerRow.REMINDER -> reminder(t, claim);
                case TimerRow.STREAK_CHECK -> streakCheck(t, claim);
                default -> timers.remove(t.id(), claim);
            }
        } catch (RuntimeException e) {
            long wait = Math.min(300, 1L << Math.min(t.attempts(), 8));
            LOG.warn(
                    "Timer {} of user {} for {} failed (attempt {}), retrying in {} s: {}",
                    t.kind(),
                    t.userId(),
                    t.date(),
                    t.attempts(),
                    wait,
                    e.toString());
            timers.retry(t.id(), claim, clock.instant().plusSeconds(wait));
        }
    }

    private void dayEnd(TimerRow t, String claim) {
        Optional<UserProfile> profile = users.find(t.userId());
        if (profile.isEmpty()) {
            timers.remove(t.id(), claim);
            return;
        }
        UserProfile p = profile.get();
        Instant now = clock.instant();
        Instant end = UserDay.endOf(t.date(), p.timezone(), p.dayStartsAt());
        if (end.isAfter(now)) {
            // the profile changed since the timer was set: the day has not ended in the user's zone of now
            timers.advance(t.id(), claim, end, t.date());
            return;
        }
        LocalDate today = UserDay.today(now, p.timezone(), p.dayStartsAt());
        LocalDate oldest = today.minusDays(Math.max(1, config.catchUpDays()));
        if (t.date().isBefore(oldest)) {
            LOG.info(
                    "Day ends of user {} from {} to {} were missed too long ago; skipped",
                    t.userId(),
                    t.date(),
                    oldest);
            timers.advance(t.id(), claim, UserDay.endOf(oldest, p.timezone(), p.dayStartsAt()), oldest);
            return;
        }
        for (ScheduleConsumer c : inOrder()) {
            c.dayEnded(t.userId(), t.date(), end);
        }
        LocalDate next = t.date().plusDays(1);
        timers.advance(t.id(), claim, UserDay.endOf(next, p.timezone(), p.dayStartsAt()), next);
        events.postEvent(CalendarEvents.dayEnded(t.userId(), t.date(), end));
    }

    private void reminder(TimerRow t, String claim) {
        Optional<ReminderRule> found = reminders.find(t.refId());
        Optional<UserProfile> profile = users.find(t.userId());
        if (found.isEmpty() || profile.isEmpty()) {
            timers.remove(t.id(), claim);
            return;
        }
        ReminderRule r = found.get();
        UserProfile p = profile.get();
        Instant now = clock.instant();
        boolean late = Duration.between(t.dueAt(), now).toMinutes() >= config.maxLateMinutes();
        ReminderDue due = null;
        if (!late) {
            Optional<HabitInfo> habit = habits.habit(r.userId(), r.habitId());
            if (habit.isPresent() && fires(r, habit.get(), t.date())) {
                due = new ReminderDue(
                        r.id(),
                        r.userId(),
                        r.habitId(),
                        habit.get().name(),
                        t.date(),
                        r.time(),
                        t.dueAt(),
                        r.channelIds());
                for (ScheduleConsumer c : inOrder()) {
                    c.reminderDue(due);
                }
            }
        } else {
            LOG.info(
                    "Reminder {} of {} due at {} is more than {} minutes late; dropped",
                    r.id(),
                    t.date(),
                    t.dueAt(),
                    config.maxLateMinutes());
        }
        ReminderTimes.Moment next = Reminders.next(r, p, late ? now : t.dueAt());
        timers.advance(t.id(), claim, next.at(), next.date());
        if (due != null) {
            events.postEvent(CalendarEvents.reminderDue(due));
        }
    }

    /** Whether a reminder fires for its habit on a day: due there, not skipped or paused, and not done if so asked. */
    private boolean fires(ReminderRule r, HabitInfo habit, LocalDate date) {
        if (habit.archived() || !habit.available() || date.isBefore(habit.startDate())) {
            return false;
        }
        List<DayView> days = habits.days(r.userId(), r.habitId(), date, date);
        if (days.isEmpty()) {
            return false;
        }
        DayView d = days.get(0);
        if (!d.due()) {
            return false;
        }
        return switch (d.state()) {
            case SKIPPED, PAUSED, NOT_DUE -> false;
            case DONE -> !r.onlyIfNotDone();
            default -> true;
        };
    }

    private void streakCheck(TimerRow t, String claim) {
        Optional<UserProfile> profile = users.find(t.userId());
        if (profile.isEmpty() || profile.get().alerts().streakAtRisk() == null) {
            timers.remove(t.id(), claim);
            return;
        }
        UserProfile p = profile.get();
        Instant now = clock.instant();
        boolean late = Duration.between(t.dueAt(), now).toMinutes() >= config.maxLateMinutes();
        if (!late) {
            for (ScheduleConsumer c : inOrder()) {
                c.streakCheckDue(t.userId(), t.date(), t.dueAt());
            }
        }
        ReminderTimes.Moment next = ReminderTimes.next(
                p.alerts().streakAtRisk(), null, p.timezone(), p.dayStartsAt(), late ? now : t.dueAt());
        timers.advance(t.id(), claim, next.at(), next.date());
    }

    /** The consumers in the configured order, then any others by name. */
    List<ScheduleConsumer> inOrder() {
        List<ScheduleConsumer> out = new ArrayList<>();
        Set<String> listed = new HashSet<>();
        for (String name : config.consumers()) {
            ScheduleConsumer c = consumers.get(name.trim());
            if (c != null && listed.add(name.trim())) {
                out.add(c);
            }
        }
        consumers.forEach((name, c) -> {
            if (!listed.contains(name)) {
                out.add(c);
            }
        });
        return out;
    }

    boolean consumersPresent() {
        for (String name : config.consumers()) {
            if (!consumers.containsKey(name.trim())) {
                if (!waitingLogged) {
                    waitingLogged = true;
                    LOG.info("The scheduler waits for the consumer '{}' to start", name);
                }
                return false;
            }
        }
        if (waitingLogged) {
            waitingLogged = false;
            LOG.info("The scheduler starts: consumers {} running", consumers.keySet());
        }
        return true;
    }
}
