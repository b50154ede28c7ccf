package io.steadfast.streak.internal.service;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.event.EventAdmin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.steadfast.habit.api.DayState;
import io.steadfast.habit.api.DayView;
import io.steadfast.habit.api.HabitInfo;
import io.steadfast.habit.api.HabitQuery;
import io.steadfast.streak.api.AchievementEvents;
import io.steadfast.streak.internal.engine.Stats;
import io.steadfast.streak.internal.store.AchievementRow;
import io.steadfast.streak.internal.store.AchievementStore;

/**
 * Awards achievements at the check-in that reaches them, once each, and posts
 * {@link AchievementEvents#TOPIC_EARNED} for plugins and the accountability bundle.
 */
@Component(service = AchievementService.class)
public class AchievementService {

    /** Event Admin topic of an earned achievement; properties userId, code, scope, habitId (if any), reachedOn. */
    public static final String ALL = "all";

    static final int[] STREAKS = {7, 30, 100, 365};
    static final int[] DONE_DAYS = {100, 1000};
    private static final Logger LOG = LoggerFactory.getLogger(AchievementService.class);

    private final HabitQuery habits;
    private final AchievementStore store;
    private final Clock clock;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    volatile EventAdmin events;

    @Activate
    public AchievementService(@Reference HabitQuery habits, @Reference AchievementStore store, @Reference Clock clock) {
        this.clock = clock;
        this.habits = habits;
        this.store = store;
    }

    /**
     * Checks what a change of {@code date} of a habit has reached. Runs on every check-in, so it reads the earned
     * achievements once and evaluates only those not earned yet (the perfect week and month read every active
     * habit's days; once earned they cost nothing).
     */
    public void check(UUID userId, HabitInfo habit, LocalDate date, Stats stats) {
        Set<String> have = new HashSet<>();
        for (AchievementRow r : store.list(userId)) {
            have.add(r.scope() + "/" + r.code());
        }
        String scope = habit.id().toString();
        // reachedOn is the day of the history the milestone was reached, whatever day this runs
        for (int n : STREAKS) {
            LocalDate reached = stats.reached().get(Stats.streakMilestone(n));
            if (!have.contains(scope + "/streak-" + n) && reached != null) {
                award(userId, scope, habit.id(), "streak-" + n, reached);
            }
        }
        for (int n : DONE_DAYS) {
            LocalDate reached = stats.reached().get(Stats.doneMilestone(n));
            if (!have.contains(scope + "/done-" + n) && reached != null) {
                award(userId, scope, habit.id(), "done-" + n, reached);
            }
        }
        boolean wantFirst = !have.contains(ALL + "/first-checkin");
        boolean wantWeek = !have.contains(ALL + "/perfect-week");
        boolean wantMonth = !have.contains(ALL + "/perfect-month");
        if (!wantFirst && !wantWeek && !wantMonth) {
            return;
        }
        List<DayView> day = habits.days(userId, habit.id(), date, date);
        if (day.isEmpty() || day.get(0).state() != DayState.DONE) {
            return;
        }
        if (wantFirst) {
            award(userId, ALL, null, "first-checkin", date);
        }
        if (wantWeek) {
            // the week of the changed day, and the last week that ended (a week can end on a day without a check-in)
            LocalDate weekStart = date.with(TemporalAdjusters.previousOrSame(habit.weekStart()));
            LocalDate lastWeek = habit.today()
                    .with(TemporalAdjusters.previousOrSame(habit.weekStart()))
                    .minusWeeks(1);
            for (LocalDate start : new java.util.TreeSet<>(List.of(weekStart, lastWeek))) {
                if (start.equals(lastWeek)
                        && knownImperfect(imperfectWeek, userId, lastWeek, date, lastWeek.plusDays(6))) {
                    continue;
                }
                if (perfect(userId, start, start.plusDays(6), habit.today())) {
                    award(userId, ALL, null, "perfect-week", start.plusDays(6));
                    break;
                }
                if (start.equals(lastWeek)) {
                    imperfectWeek.put(userId, lastWeek);
                }
            }
        }
        if (wantMonth) {
            LocalDate lastMonth = habit.today().withDayOfMonth(1).minusMonths(1);
            for (LocalDate start : new java.util.TreeSet<>(List.of(date.withDayOfMonth(1), lastMonth))) {
                LocalDate end = start.with(TemporalAdjusters.lastDayOfMonth());
                if (start.equals(lastMonth) && knownImperfect(imperfectMonth, userId, lastMonth, date, end)) {
                    continue;
                }
                if (perfect(userId, start, end, habit.today())) {
                    award(userId, ALL, null, "perfect-month", end);
                    break;
                }
                if (start.equals(lastMonth)) {
                    imperfectMonth.put(userId, lastMonth);
                }
            }
        }
    }

    /**
     * The last ended week (month) of each user that this node found not perfect: a change after its end cannot
     * make it perfect, so it is not evaluated again at every check-in of the current week (month). A change within
     * or before it evaluates it again. Node-local and bounded; without an entry the period is simply evaluated.
     */
    private final Map<UUID, LocalDate> imperfectWeek = new java.util.concurrent.ConcurrentHashMap<>();

    private final Map<UUID, LocalDate> imperfectMonth = new java.util.concurrent.ConcurrentHashMap<>();

    private static boolean knownImperfect(
            Map<UUID, LocalDate> memo, UUID userId, LocalDate start, LocalDate changed, LocalDate end) {
        if (memo.size() > 50_000) {
            memo.clear();
        }
        return start.equals(memo.get(userId)) && changed.isAfter(end);
    }

    /**
     * Every due day of every active habit in the range is done (or skipped, or paused), every period of a per-period
     * habit that ends in the range is met, something was done, and the range has ended (or ends today).
     */
    boolean perfect(UUID userId, LocalDate from, LocalDate to, LocalDate today) {
        if (to.isAfter(today)) {
            return false;
        }
        int done = 0;
        // every active habit's days in one evaluation (one read of the records, however many habits)
        for (io.steadfast.habit.api.HabitDays hd : habits.activeDays(userId, from, to)) {
            HabitInfo h = hd.habit();
            if (h.startDate().isAfter(from)) {
                continue;
            }
            boolean present = false; // a day of the current period that was neither skipped nor paused
            for (DayView d : hd.days()) {
                DayView.PeriodView p = d.period();
                present |= d.state() != DayState.SKIPPED && d.state() != DayState.PAUSED;
                if (p != null && d.date().equals(p.end())) {
                    boolean tracked = !p.end().isBefore(h.createdOn() == null ? LocalDate.MIN : h.createdOn());
                    if (present && tracked && p.done() < p.times()) {
                        return false;
                    }
                    present = false;
                }
                if (!d.due()) {
                    done += d.state() == DayState.DONE ? 1 : 0;
                    continue;
                }
                if (d.state() != DayState.DONE && d.state() != DayState.SKIPPED && d.state() != DayState.PAUSED) {
                    return false;
                }
                done += d.state() == DayState.DONE ? 1 : 0;
            }
        }
        return done > 0;
    }

    private void award(UUID userId, String scope, UUID habitId, String code, LocalDate reachedOn) {
        boolean fresh =
                store.award(new AchievementRow(UUID.randomUUID(), userId, scope, code, reachedOn, clock.instant()));
        if (fresh) {
            LOG.info("Achievement {} ({}) earned by {}", code, scope, userId);
            EventAdmin ea = events;
            if (ea != null) {
                ea.postEvent(AchievementEvents.earned(userId, code, scope, habitId, reachedOn));
            }
        }
    }

    /** The earned achievements and the progress towards the next ones. */
    public Achievements list(UUID userId, StatsService stats) {
        List<Earned> earned = new ArrayList<>();
        Set<String> have = new HashSet<>();
        Map<UUID, String> names = new LinkedHashMap<>();
        List<HabitInfo> active = habits.activeHabits(userId);
        active.forEach(h -> names.put(h.id(), h.name()));
        for (AchievementRow r : store.list(userId)) {
            UUID habitId = ALL.equals(r.scope()) ? null : UUID.fromString(r.scope());
            earned.add(new Earned(
                    r.code(),
                    title(r.code(), unitOf(active, habitId)),
                    habitId,
                    habitId == null ? null : names.get(habitId),
                    r.reachedOn()));
            have.add(r.scope() + "/" + r.code());
        }
        List<Next> next = new ArrayList<>();
        if (!have.contains(ALL + "/first-checkin")) {
            next.add(new Next("first-checkin", title("first-checkin", null), null, null, 0, 1));
        }
        for (HabitInfo h : active) {
            Stats s = stats.stats(userId, h.id());
            for (int n : STREAKS) {
                if (!have.contains(h.id() + "/streak-" + n)) {
                    next.add(new Next(
                            "streak-" + n,
                            title("streak-" + n, StatsService.unit(h)),
                            h.id(),
                            h.name(),
                            s.streak().current(),
                            n));
                    break;
                }
            }
            for (int n : DONE_DAYS) {
                if (!have.contains(h.id() + "/done-" + n)) {
                    next.add(new Next(
                            "done-" + n,
                            title("done-" + n, null),
                            h.id(),
                            h.name(),
                            (int) Math.min(Integer.MAX_VALUE, s.totals().doneDays()),
                            n));
                    break;
                }
            }
        }
        return new Achievements(earned, next);
    }

    private static String unitOf(List<HabitInfo> active, UUID habitId) {
        return active.stream()
                .filter(h -> h.id().equals(habitId))
                .findFirst()
                .map(StatsService::unit)
                .orElse("days");
    }

    static String title(String code, String unit) {
        if (code.startsWith("streak-")) {
            return code.substring(7) + "-" + (unit == null ? "days" : unit).replaceAll("s$", "") + " streak";
        }
        switch (code) {
            case "first-checkin":
                return "First check-in";
            case "done-100":
                return "100 done days";
            case "done-1000":
                return "1000 done days";
            case "perfect-week":
                return "A perfect week";
            case "perfect-month":
                return "A perfect month";
            default:
                return code;
        }
    }

    /** An earned achievement. */
    public record Earned(String code, String title, UUID habitId, String habitName, LocalDate reachedOn) {}

    /** The next achievement of a kind and how far along the user is. */
    public record Next(String code, String title, UUID habitId, String habitName, int current, int target) {}

    public record Achievements(List<Earned> earned, List<Next> next) {}
}
