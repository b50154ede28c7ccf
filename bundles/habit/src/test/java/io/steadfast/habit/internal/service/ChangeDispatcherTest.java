package io.steadfast.habit.internal.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.annotation.Annotation;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;

import io.steadfast.habit.api.HabitChangeConsumer;
import io.steadfast.habit.api.HabitEvents;
import io.steadfast.habit.internal.store.CheckinRow;
import io.steadfast.habit.internal.store.HabitRow;
import io.steadfast.habit.internal.store.HabitStoresTest;
import io.steadfast.habit.internal.store.JpaCheckinStore;
import io.steadfast.habit.internal.store.JpaHabitStore;
import io.steadfast.habit.internal.store.JpaOutboxStore;
import io.steadfast.storage.internal.db.TestDatabase;
import io.steadfast.testsupport.TestRows;

/**
 * The delivery of the outbox on a real database (H2 and PostgreSQL): nothing goes out while a configured consumer
 * is missing; then every consumer gets each habit's changes (coalesced), a consumer that fails gets them again
 * after the back-off, and the events follow the consumers.
 */
class ChangeDispatcherTest {

    static final LocalDate DAY = LocalDate.of(2026, 3, 2);

    /** Records what it is given; throws on its first {@code failures} calls. */
    static final class Recording implements HabitChangeConsumer {
        final List<String> calls = new CopyOnWriteArrayList<>();
        final AtomicInteger failures;

        Recording(int failures) {
            this.failures = new AtomicInteger(failures);
        }

        @Override
        public void habitChanged(UUID userId, UUID habitId) {
            fail();
            calls.add("habit " + habitId);
        }

        @Override
        public void daysChanged(UUID userId, UUID habitId, LocalDate from) {
            fail();
            calls.add("days " + habitId + " " + from);
        }

        private void fail() {
            if (failures.getAndDecrement() > 0) {
                throw new IllegalStateException("not now");
            }
        }
    }

    static ChangeDispatcher.Config config(String... consumers) {
        return new ChangeDispatcher.Config() {
            @Override
            public boolean enabled() {
                return true;
            }

            @Override
            public int batchSize() {
                return 50;
            }

            @Override
            public int pollSeconds() {
                return 1;
            }

            @Override
            public int leaseSeconds() {
                return 60;
            }

            @Override
            public String[] consumers() {
                return consumers;
            }

            @Override
            public int threads() {
                return 2;
            }

            @Override
            public Class<? extends Annotation> annotationType() {
                return ChangeDispatcher.Config.class;
            }
        };
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void everyConsumerGetsEveryChangeAndAFailedDeliveryComesAgain(TestDatabase.Kind kind) throws Exception {
        try (TestDatabase db = TestDatabase.create(kind, "steadfast.habit", "identity", "habit")) {
            JpaHabitStore habits = new JpaHabitStore(db.jpa(), db.ready());
            JpaCheckinStore checkins = new JpaCheckinStore(db.jpa(), db.ready());
            JpaOutboxStore outbox = new JpaOutboxStore(db.jpa(), db.ready());
            UUID ann = TestRows.user(db.dataSource(), "ann@example.org");
            HabitRow water = habits.create(HabitStoresTest.habit(ann, "Water"));
            Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
            checkins.put(ann, new CheckinRow(water.id(), DAY.plusDays(2), null, null, "done", false, now, now));
            checkins.put(ann, new CheckinRow(water.id(), DAY.plusDays(1), null, null, "done", false, now, now));

            List<Event> events = new CopyOnWriteArrayList<>();
            EventAdmin eventAdmin = new EventAdmin() {
                @Override
                public void postEvent(Event event) {
                    events.add(event);
                }

                @Override
                public void sendEvent(Event event) {
                    events.add(event);
                }
            };
            Recording statistics = new Recording(0);
            Recording flaky = new Recording(1);
            // consumers run in the configured order: the failing one first, so the other sees each change once
            ChangeDispatcher dispatcher = new ChangeDispatcher(outbox, eventAdmin, config("flaky", "statistics"));
            try {
                dispatcher.addConsumer(statistics, Map.of(HabitChangeConsumer.NAME, "statistics"));
                dispatcher.wake();
                Thread.sleep(1500); // two polls: a consumer is missing, so nothing goes out (not domain time)
                assertThat(statistics.calls).isEmpty();
                assertThat(outbox.backlog().count()).isEqualTo(3);

                dispatcher.addConsumer(flaky, Map.of(HabitChangeConsumer.NAME, "flaky"));
                long until = System.nanoTime() + Duration.ofSeconds(20).toNanos();
                while (outbox.backlog().count() > 0 && System.nanoTime() < until) {
                    Thread.sleep(50);
                }
                assertThat(outbox.backlog().count())
                        .as("delivered, after one failure and its back-off")
                        .isZero();
                List<String> once = List.of("habit " + water.id(), "days " + water.id() + " " + DAY.plusDays(1));
                assertThat(flaky.calls).as("the failed delivery came again").isEqualTo(once);
                assertThat(statistics.calls)
                        .as("each habit's changes once, the earliest day")
                        .isEqualTo(once);
                assertThat(events)
                        .extracting(Event::getTopic)
                        .containsExactly(HabitEvents.TOPIC_HABIT_CHANGED, HabitEvents.TOPIC_CHECKIN_CHANGED);
            } finally {
                dispatcher.deactivate();
            }
        }
    }
}
