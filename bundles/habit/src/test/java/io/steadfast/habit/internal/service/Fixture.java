package io.steadfast.habit.internal.service;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

import io.steadfast.api.account.UserProfile;
import io.steadfast.api.limit.Limits;
import io.steadfast.habit.internal.types.BooleanHabitType;
import io.steadfast.habit.internal.types.CountHabitType;
import io.steadfast.habit.internal.types.LimitHabitType;
import io.steadfast.testsupport.TestClock;

/** The habit services wired to in-memory stores and a clock that the test moves. */
final class Fixture {

    final TestClock clock;
    final InMemoryStores.Habits habitStore = new InMemoryStores.Habits();
    final InMemoryStores.Checkins checkinStore = new InMemoryStores.Checkins();
    final InMemoryStores.Directory directory = new InMemoryStores.Directory();
    final HabitTypeRegistry types = new HabitTypeRegistry();
    final HabitChanges changes = new HabitChanges();
    final InMemoryStores.Vacations vacationStore = new InMemoryStores.Vacations();
    final HabitEvaluator evaluator = new HabitEvaluator(checkinStore, types, vacationStore);
    final HabitDefinitions definitions;
    /** The per-user limits, by name; a test lowers one to reach it. */
    final java.util.Map<String, Integer> max = new java.util.HashMap<>();

    final Limits limits = name -> max.getOrDefault(name, 1000);
    final DayRecords days;
    final HabitQueryService query;

    Fixture(Instant now) {
        clock = new TestClock(now);
        types.add(new BooleanHabitType());
        types.add(new CountHabitType());
        types.add(new LimitHabitType());
        definitions = new HabitDefinitions(
                habitStore, directory, types, changes, clock, new InMemoryStores.Referees(), limits);
        days = new DayRecords(habitStore, checkinStore, directory, evaluator, changes, clock);
        query = new HabitQueryService(
                habitStore, checkinStore, directory, evaluator, clock, new InMemoryStores.Outbox());
    }

    UUID user(String zone) {
        UUID id = UUID.randomUUID();
        directory.users.put(
                id,
                new UserProfile(
                        id, id + "@example.org", "T", ZoneId.of(zone), DayOfWeek.MONDAY, 0, "user", clock.instant()));
        return id;
    }

    LocalDate today(UUID user) {
        return query.today(user).orElseThrow();
    }
}
