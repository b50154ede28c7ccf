package io.steadfast.streak.internal.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;

import io.steadfast.api.cache.KeyValueCache;
import io.steadfast.api.cache.MessageBus;
import io.steadfast.habit.api.DayState;
import io.steadfast.habit.api.DayView;
import io.steadfast.habit.api.HabitDays;
import io.steadfast.habit.api.HabitInfo;
import io.steadfast.habit.api.HabitQuery;
import io.steadfast.habit.api.RecordedValue;
import io.steadfast.habit.api.Schedule;
import io.steadfast.streak.internal.engine.StatsDifferences;
import io.steadfast.streak.internal.store.StatsRow;
import io.steadfast.streak.internal.store.StatsStore;

/**
 * {@link StatsService#recompute} on two nodes sharing the stored state, the cache and the bus, with a habit whose
 * records change behind the statistics' back (as an SQL fix or a restore would): the recomputation reports and fixes
 * the difference, and both nodes then answer the fresh figures.
 */
class StatsRecomputeTest {

    static final LocalDate START = LocalDate.of(2026, 3, 1);
    static final LocalDate TODAY = LocalDate.of(2026, 3, 10);
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-10T12:00:00Z"), ZoneOffset.UTC);

    final UUID userId = UUID.randomUUID();
    final HabitInfo habit = new HabitInfo(
            UUID.randomUUID(),
            userId,
            "Walk",
            null,
            "boolean",
            null,
            null,
            new Schedule.Daily(),
            START,
            START,
            null,
            null,
            false,
            0,
            true,
            START.atStartOfDay().toInstant(ZoneOffset.UTC),
            DayOfWeek.MONDAY,
            TODAY,
            null,
            START,
            7);
    /** The day records as the habit bundle judges them; a test changes one without a new revision. */
    final Map<LocalDate, DayState> states = new TreeMap<>();

    final Records records = new Records();
    final Store store = new Store();
    final Cache cache = new Cache();
    final Bus bus = new Bus();

    StatsService node() {
        StatsService s = new StatsService(records, store, CLOCK);
        s.setCache(cache);
        s.setBus(bus);
        return s;
    }

    StatsRecomputeTest() {
        for (LocalDate d = START; d.isBefore(TODAY); d = d.plusDays(1)) {
            states.put(d, DayState.DONE);
        }
        states.put(TODAY, DayState.PENDING);
    }

    @Test
    void consistentStatisticsAreLeftAsTheyAre() {
        StatsService a = node();
        assertThat(a.stats(habit).streak().current()).isEqualTo(9);
        StatsRow stored = store.rows.get(habit.id());

        StatsService.Recomputed r = a.recompute(habit);

        assertThat(r.fixed()).isFalse();
        assertThat(StatsDifferences.between(r.before(), r.after())).isEmpty();
        assertThat(store.rows.get(habit.id())).isSameAs(stored);
        assertThat(bus.published).isEmpty();
    }

    @Test
    void aDifferenceIsReportedFixedAndServedOnEveryNode() {
        StatsService a = node();
        StatsService b = node();
        assertThat(a.stats(habit).streak().current()).isEqualTo(9);
        assertThat(b.stats(habit).streak().current())
                .as("b holds it locally now")
                .isEqualTo(9);
        // yesterday's record goes away behind the statistics' back: no change delivered, no new revision
        states.put(TODAY.minusDays(1), DayState.MISSED);
        assertThat(a.stats(habit).streak().current())
                .as("still the derived figure")
                .isEqualTo(9);

        StatsService.Recomputed r = a.recompute(habit);

        assertThat(r.fixed()).isTrue();
        assertThat(StatsDifferences.between(r.before(), r.after()))
                .extracting(Object::toString)
                .contains("current streak 9 days → 0 days", "done days 9 → 8");
        assertThat(a.stats(habit).streak().current()).isZero();
        assertThat(b.stats(habit).streak().current()).as("the other node too").isZero();
        assertThat(store.rows.get(habit.id()).revision()).isEqualTo(7);
        assertThat(a.recompute(habit).fixed()).as("once fixed, it agrees").isFalse();
    }

    /** The habit bundle's answers for the one habit. */
    final class Records implements HabitQuery {
        @Override
        public Optional<LocalDate> today(UUID user) {
            return Optional.of(TODAY);
        }

        @Override
        public Optional<HabitInfo> habit(UUID user, UUID habitId) {
            return habitId.equals(habit.id()) ? Optional.of(habit) : Optional.empty();
        }

        @Override
        public List<HabitInfo> activeHabits(UUID user) {
            return List.of(habit);
        }

        @Override
        public List<DayView> days(UUID user, UUID habitId, LocalDate from, LocalDate to) {
            List<DayView> out = new ArrayList<>();
            for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
                out.add(new DayView(d, true, states.getOrDefault(d, DayState.PENDING), null, null, null));
            }
            return out;
        }

        @Override
        public List<HabitDays> activeDays(UUID user, LocalDate from, LocalDate to) {
            return List.of(new HabitDays(habit, days(user, habit.id(), from, to)));
        }

        @Override
        public Optional<RecordedValue.Span> recordedValues(UUID user, UUID habitId, LocalDate to) {
            return Optional.empty();
        }

        @Override
        public Optional<PendingChanges> pending(UUID user, UUID habitId) {
            return Optional.empty();
        }

        @Override
        public List<RecordedDay> records(UUID user, UUID habitId, LocalDate from, LocalDate to) {
            return List.of();
        }
    }

    static final class Store implements StatsStore {
        final Map<UUID, StatsRow> rows = new HashMap<>();

        @Override
        public Optional<StatsRow> find(UUID habitId) {
            return Optional.ofNullable(rows.get(habitId));
        }

        @Override
        public boolean put(StatsRow row) {
            StatsRow old = rows.get(row.habitId());
            if (old != null && old.revision() > row.revision()) {
                return false;
            }
            rows.put(row.habitId(), row);
            return true;
        }

        @Override
        public void delete(UUID habitId) {
            rows.remove(habitId);
        }
    }

    static final class Cache implements KeyValueCache {
        final Map<String, String> entries = new HashMap<>();

        @Override
        public Optional<String> get(String key) {
            return Optional.ofNullable(entries.get(key));
        }

        @Override
        public void put(String key, String value, Duration ttl) {
            entries.put(key, value);
        }

        @Override
        public void remove(String key) {
            entries.remove(key);
        }

        @Override
        public String backend() {
            return "test";
        }
    }

    /** Delivers at once to every subscriber, as the in-process bus does. */
    static final class Bus implements MessageBus {
        final List<String> published = new CopyOnWriteArrayList<>();
        final Map<String, List<Consumer<String>>> listeners = new HashMap<>();

        @Override
        public void publish(String channel, String message) {
            published.add(channel + " " + message);
            for (Consumer<String> l : List.copyOf(listeners.getOrDefault(channel, List.of()))) {
                l.accept(message);
            }
        }

        @Override
        public Subscription subscribe(String channel, Consumer<String> listener) {
            listeners
                    .computeIfAbsent(channel, c -> new CopyOnWriteArrayList<>())
                    .add(listener);
            return () -> listeners.get(channel).remove(listener);
        }
    }
}
