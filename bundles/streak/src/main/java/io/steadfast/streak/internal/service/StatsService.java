package io.steadfast.streak.internal.service;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.steadfast.api.cache.KeyValueCache;
import io.steadfast.api.cache.MessageBus;
import io.steadfast.api.error.NotFoundException;
import io.steadfast.habit.api.DayState;
import io.steadfast.habit.api.DayView;
import io.steadfast.habit.api.HabitInfo;
import io.steadfast.habit.api.HabitQuery;
import io.steadfast.streak.internal.engine.Day;
import io.steadfast.streak.internal.engine.IncrementalStreaks;
import io.steadfast.streak.internal.engine.Stats;
import io.steadfast.streak.internal.engine.StatsDifferences;
import io.steadfast.streak.internal.store.StatsRow;
import io.steadfast.streak.internal.store.StatsStore;

/**
 * Statistics of a habit, kept up to date incrementally: each habit's engine state is stored with the habit revision
 * it reflects; a delivered change of a day replays from the checkpoint before it (for a change today: one day), a
 * read advances to today, and the result is cached under the habit's revision. A read reads no days unless the day
 * changed since the state was stored: however long the history, its cost is bounded.
 */
@Component(service = StatsService.class)
public class StatsService {

    static final Duration CACHE_TTL = Duration.ofMinutes(10);
    private static final Logger LOG = LoggerFactory.getLogger(StatsService.class);

    private final HabitQuery habits;
    private final StatsStore store;
    private final ObjectMapper json = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private final Clock clock;
    private volatile KeyValueCache cache;

    @Activate
    public StatsService(@Reference HabitQuery habits, @Reference StatsStore store, @Reference Clock clock) {
        this.clock = clock;
        this.habits = habits;
        this.store = store;
    }

    @Reference(policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    void setCache(KeyValueCache c) {
        this.cache = c;
    }

    void unsetCache(KeyValueCache c) {
        // replaced before unset
    }

    /**
     * The {@link MessageBus} channel of recomputed habits (a message is the habit's id): every node drops its local
     * results of the habit, which a recomputation replaced under the same key (the habit's revision did not change).
     */
    static final String RECOMPUTED = "streak.stats-recomputed";

    private MessageBus bus;
    private MessageBus.Subscription recomputed;

    @Reference(policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    synchronized void setBus(MessageBus b) {
        MessageBus.Subscription previous = recomputed;
        recomputed = b.subscribe(RECOMPUTED, this::dropLocal);
        bus = b;
        if (previous != null) {
            previous.close();
        }
    }

    synchronized void unsetBus(MessageBus b) {
        if (bus == b) {
            recomputed.close();
            recomputed = null;
            bus = null;
        }
    }

    @Deactivate
    synchronized void deactivate() {
        if (recomputed != null) {
            recomputed.close();
            recomputed = null;
        }
    }

    /** Forgets this node's results of a habit (a message on {@link #RECOMPUTED}). */
    void dropLocal(String habitId) {
        String prefix = "stats:" + habitId + ":";
        recent.keySet().removeIf(k -> k.startsWith(prefix));
    }

    /**
     * A recomputation of a habit's statistics.
     *
     * @param before what a read answered: the stored state brought to today incrementally, as every read does
     * @param after  the statistics derived afresh from every day's record since {@link HabitInfo#statsSince()}
     * @param fixed  whether they differed, so that the fresh state was stored and the cached results replaced on
     *               every node
     */
    public record Recomputed(Stats before, Stats after, boolean fixed) {}

    /**
     * Derives the habit's statistics afresh from its day records, with a new engine state (the same engine and the
     * same days a read uses, replayed from the first), and compares them with what the stored state answers. When
     * they differ, the fresh state replaces the stored one (of the same revision) and every node's cached result
     * is replaced, so the next read answers the fresh figures. For the operator's {@code steadfast:stats-recompute}.
     */
    public Recomputed recompute(HabitInfo info) {
        Stats before = compute(info, null);
        LocalDate today = info.today();
        if (today.isBefore(info.statsSince())) {
            return new Recomputed(before, before, false);
        }
        IncrementalStreaks fresh = IncrementalStreaks.create(info.schedule(), info.statsSince(), info.weekStart());
        fresh.apply(today, days(info, info.statsSince(), today));
        Stats after = fresh.stats();
        if (StatsDifferences.between(before, after).isEmpty()) {
            return new Recomputed(before, after, false);
        }
        store.put(new StatsRow(info.id(), fresh.serialize(), today, clock.instant(), info.revision()));
        // the shared cache first, then the other nodes drop theirs (and read the shared one afresh)
        dropLocal(info.id().toString());
        cached(info, after);
        MessageBus b;
        synchronized (this) {
            b = bus;
        }
        if (b != null) {
            b.publish(RECOMPUTED, info.id().toString());
        }
        LOG.info("Statistics of habit {} recomputed: {}", info.id(), StatsDifferences.between(before, after));
        return new Recomputed(before, after, true);
    }

    /** The habit's statistics; 404 for another user's habit. */
    public Stats stats(UUID userId, UUID habitId) {
        return stats(habits.habit(userId, habitId).orElseThrow(() -> new NotFoundException("Habit")));
    }

    /**
     * The statistics of a habit its owner looked up ({@link HabitQuery#habit}). The cache key holds the habit's
     * revision, so a cached result is never older than the last change; on a miss the stored state is brought up to
     * the revision from what is still undelivered ({@link HabitQuery#pending}), so a read right after a write sees
     * it even before the delivery thread got to it.
     */
    public Stats stats(HabitInfo info) {
        UUID habitId = info.id();
        String key = cacheKey(info);
        Stats local = recent.get(key);
        if (local != null) {
            return local;
        }
        Optional<String> hit = cache.get(key);
        if (hit.isPresent()) {
            try {
                Stats stats = json.readValue(hit.get(), Stats.class);
                remember(key, stats);
                return stats;
            } catch (IOException e) {
                LOG.debug("Unreadable cached stats for {}", habitId);
            }
        }
        return cached(info, compute(info, null));
    }

    /**
     * The most recent results on this node, in front of the shared cache. Its keys hold the habit's revision and the
     * owner's today, so an entry never goes stale: a change makes a new key. Bounded; when full, a part goes.
     */
    private final java.util.concurrent.ConcurrentHashMap<String, Stats> recent =
            new java.util.concurrent.ConcurrentHashMap<>();

    /** How many results {@link #recent} holds at most. */
    static final int LOCAL_ENTRIES = 20_000;

    private void remember(String key, Stats stats) {
        if (recent.size() >= LOCAL_ENTRIES) {
            java.util.Iterator<String> it = recent.keySet().iterator();
            for (int i = 0; i < LOCAL_ENTRIES / 10 && it.hasNext(); i++) {
                it.next();
                it.remove();
            }
        }
        recent.put(key, stats);
    }

    /**
     * A day changed (delivered from the habit bundle's outbox): replay from it, store the state and cache the
     * result under the habit's revision; answers the new statistics. Idempotent: delivered again, it stores the
     * same.
     */
    public Optional<Stats> changed(UUID userId, UUID habitId, LocalDate date) {
        Optional<HabitInfo> info = habits.habit(userId, habitId);
        if (info.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(cached(info.get(), compute(info.get(), date)));
    }

    /** The habit changed (schedule, start date) or went away: derive its state again, or forget it. */
    public void habitChanged(UUID userId, UUID habitId) {
        habits.habit(userId, habitId)
                .ifPresentOrElse(info -> cached(info, compute(info, info.statsSince())), () -> store.delete(habitId));
    }

    /** Drops a habit's stored state; the next read recomputes it from the records. */
    public void forget(UUID habitId) {
        store.delete(habitId);
    }

    private Stats cached(HabitInfo info, Stats stats) {
        remember(cacheKey(info), stats);
        try {
            cache.put(cacheKey(info), json.writeValueAsString(stats), CACHE_TTL);
        } catch (IOException | RuntimeException e) {
            LOG.debug("Could not cache stats for {}: {}", info.id(), e.toString());
        }
        return stats;
    }

    /**
     * Brings the stored state to the user's today and the habit's revision, and answers the statistics.
     *
     * @param changed a changed day to replay from (a delivered change), or {@code null}
     */
    private Stats compute(HabitInfo info, LocalDate changed) {
        LocalDate today = info.today();
        String unit = unit(info);
        if (today.isBefore(info.statsSince())) {
            return Stats.empty(unit);
        }
        Optional<StatsRow> row = store.find(info.id());
        if (row.isEmpty() || row.get().revision() < info.revision()) {
            // changes after the stored state: those not delivered yet are in the outbox (asked first); those
            // delivered meanwhile are in the state read after that
            Optional<HabitQuery.PendingChanges> pending = habits.pending(info.userId(), info.id());
            row = store.find(info.id());
            if (row.isPresent() && row.get().revision() < info.revision()) {
                LocalDate from = pending.map(
                                p -> p.habitChanged() || p.earliestDay() == null ? info.statsSince() : p.earliestDay())
                        .orElse(info.statsSince());
                changed = changed == null || from.isBefore(changed) ? from : changed;
            }
        }
        IncrementalStreaks engine = load(info, row);
        LocalDate from;
        if (engine.computedThrough() == null) {
            from = info.statsSince();
        } else if (changed != null && !changed.isAfter(engine.computedThrough())) {
            from = engine.replayFrom(changed.isBefore(info.statsSince()) ? info.statsSince() : changed);
        } else if (engine.computedThrough().isBefore(today)) {
            from = engine.replayFrom(engine.computedThrough().plusDays(1));
        } else {
            from = null;
        }
        if (from != null || row.isEmpty() || row.get().revision() < info.revision()) {
            if (from != null) {
                engine.apply(today, days(info, from, today));
            }
            store.put(new StatsRow(info.id(), engine.serialize(), today, clock.instant(), info.revision()));
        }
        return engine.stats();
    }

    private IncrementalStreaks load(HabitInfo info, Optional<StatsRow> row) {
        if (row.isPresent() && !IncrementalStreaks.isCurrentFormat(row.get().state())) {
            LOG.debug("Statistics state of habit {} is of an earlier version; recomputing", info.id());
        } else if (row.isPresent()) {
            try {
                IncrementalStreaks e = IncrementalStreaks.restore(row.get().state());
                if (e.isFor(info.schedule(), info.statsSince(), info.weekStart())) {
                    return e;
                }
            } catch (RuntimeException unreadable) {
                LOG.warn("Statistics state of habit {} unreadable; recomputing: {}", info.id(), unreadable.toString());
            }
        }
        return IncrementalStreaks.create(info.schedule(), info.statsSince(), info.weekStart());
    }

    List<Day> days(HabitInfo info, LocalDate from, LocalDate to) {
        List<Day> out = new ArrayList<>();
        for (DayView d : habits.days(info.userId(), info.id(), from, to)) {
            out.add(day(info, d));
        }
        return out;
    }

    /**
     * The engine's day of an evaluated day. A day before the habit was created without a record (not due) is an
     * absence to the engine, like a vacation day: it neither counts nor makes its period count.
     */
    static Day day(HabitInfo info, DayView d) {
        boolean untracked = d.state() == DayState.NOT_DUE
                && info.createdOn() != null
                && d.date().isBefore(info.createdOn());
        return new Day(d.date(), d.due(), untracked ? DayState.PAUSED : d.state(), d.value());
    }

    static String unit(HabitInfo info) {
        switch (info.schedule().kind()) {
            case "times_per_week":
                return "weeks";
            case "times_per_month":
                return "months";
            default:
                return "days";
        }
    }

    private static String cacheKey(HabitInfo info) {
        return "stats:" + info.id() + ":" + info.today() + ":" + info.revision() + ":"
                + info.weekStart().getValue();
    }

    /** The number of buckets of a series without {@code from}. */
    static final int SERIES_BUCKETS = 12;

    /** Completion and value per week or month of a habit, for charts. */
    public List<Bucket> series(UUID userId, UUID habitId, String granularity, LocalDate from, LocalDate to) {
        HabitInfo info = habits.habit(userId, habitId).orElseThrow(() -> new NotFoundException("Habit"));
        boolean weeks = !"month".equals(granularity);
        if (granularity != null && !"week".equals(granularity) && !"month".equals(granularity)) {
            throw new io.steadfast.api.error.ValidationException("granularity", "must be week or month");
        }
        LocalDate t = to == null ? info.today() : to;
        // by default the last 12 weeks or months, the current one included
        LocalDate f =
                from == null ? (weeks ? t.minusWeeks(SERIES_BUCKETS - 1) : t.minusMonths(SERIES_BUCKETS - 1)) : from;
        if (t.isBefore(f)) {
            throw new io.steadfast.api.error.ValidationException("to", "must not be before from");
        }
        if (java.time.temporal.ChronoUnit.DAYS.between(f, t) > 3660) {
            throw new io.steadfast.api.error.ValidationException("to", "the range is at most 10 years");
        }
        LocalDate start = weeks
                ? f.with(java.time.temporal.TemporalAdjusters.previousOrSame(info.weekStart()))
                : f.withDayOfMonth(1);
        List<Bucket> out = new ArrayList<>();
        List<DayView> views = habits.days(info.userId(), info.id(), start, t);
        List<Occasions.Unit> units = Occasions.of(info, views, info.today());
        int i = 0;
        int u = 0;
        for (LocalDate b = start; !b.isAfter(t); b = weeks ? b.plusWeeks(1) : b.plusMonths(1)) {
            LocalDate e = weeks ? b.plusDays(6) : b.with(java.time.temporal.TemporalAdjusters.lastDayOfMonth());
            java.math.BigDecimal value = java.math.BigDecimal.ZERO;
            while (i < views.size() && !views.get(i).date().isAfter(e)) {
                DayView d = views.get(i++);
                if (d.value() != null
                        && (d.state() == io.steadfast.habit.api.DayState.DONE
                                || d.state() == io.steadfast.habit.api.DayState.PARTIAL)) {
                    value = value.add(d.value());
                }
            }
            int due = 0;
            int done = 0;
            int counted = 0;
            while (u < units.size() && !units.get(u).date().isAfter(e)) {
                Occasions.Unit x = units.get(u++);
                due += x.due();
                done += x.done();
                counted += x.counted();
            }
            out.add(new Bucket(
                    b,
                    e.isAfter(t) ? t : e,
                    due,
                    done,
                    counted == 0 ? null : (double) done / counted,
                    value.stripTrailingZeros().scale() < 0 ? value.setScale(0) : value.stripTrailingZeros()));
        }
        return out;
    }

    /** One bucket of a series: due days, done days, completion over ended due days, the summed value. */
    public record Bucket(LocalDate start, LocalDate end, int due, int done, Double rate, java.math.BigDecimal value) {}
}
