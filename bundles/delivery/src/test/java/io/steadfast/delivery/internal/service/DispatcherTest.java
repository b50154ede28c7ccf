package io.steadfast.delivery.internal.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.annotation.Annotation;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;

import io.steadfast.api.delivery.Outbound;
import io.steadfast.api.error.ConflictException;
import io.steadfast.api.error.LimitReachedException;
import io.steadfast.api.error.ValidationException;
import io.steadfast.api.limit.Limits;
import io.steadfast.api.reminder.spi.ReminderChannel;
import io.steadfast.delivery.internal.domain.Delivery;
import io.steadfast.delivery.internal.store.JpaChannelStore;
import io.steadfast.delivery.internal.store.JpaDeliveryStore;
import io.steadfast.storage.internal.db.TestDatabase;
import io.steadfast.testsupport.TestClock;
import io.steadfast.testsupport.TestRows;

/**
 * Channels and the dispatcher on a real database (H2) with a channel type written for the test (the SPI as a plugin
 * implements it): validation and masking, delivery once, retries with back-off, failure after the last attempt,
 * waiting while the type is away and sending when it returns, a channel turned off after days of failures.
 */
class DispatcherTest {

    /** Limits no test here reaches. */
    static final Limits PLENTY = name -> 100;

    /** A channel type that answers what it is told to, and records what it got. */
    static final class Scripted implements ReminderChannel {
        final List<Message> got = new CopyOnWriteArrayList<>();
        final Deque<Result> answers = new ArrayDeque<>();
        final String key;

        Scripted(String key) {
            this.key = key;
        }

        @Override
        public String key() {
            return key;
        }

        @Override
        public String name() {
            return "Scripted";
        }

        @Override
        public List<ConfigField> configSchema() {
            return List.of(
                    new ConfigField("url", "URL", FieldType.URL, true, false, null),
                    new ConfigField("secret", "Secret", FieldType.STRING, false, true, null),
                    new ConfigField("events", "Events", FieldType.STRING_LIST, false, false, null));
        }

        @Override
        public List<ConfigProblem> validate(Map<String, Object> config) {
            return String.valueOf(config.get("url")).startsWith("https://")
                    ? List.of()
                    : List.of(new ConfigProblem("url", "must be an https URL"));
        }

        @Override
        public Map<String, Object> complete(Map<String, Object> config) {
            if (config.containsKey("secret")) {
                return config;
            }
            Map<String, Object> m = new java.util.LinkedHashMap<>(config);
            m.put("secret", "generated");
            return m;
        }

        @Override
        @SuppressWarnings("unchecked")
        public Set<String> events(Map<String, Object> config) {
            return config.get("events") instanceof List<?> l ? Set.copyOf((List<String>) l) : null;
        }

        @Override
        public synchronized Result deliver(Message message, Map<String, Object> config) {
            got.add(message);
            return answers.isEmpty() ? Result.delivered("200") : answers.poll();
        }
    }

    static Dispatcher.Config config() {
        return new Dispatcher.Config() {
            public Class<? extends Annotation> annotationType() {
                return Dispatcher.Config.class;
            }

            public boolean enabled() {
                return false; // the test drains by hand
            }

            public int pollSeconds() {
                return 3600;
            }

            public int batchSize() {
                return 20;
            }

            public int leaseSeconds() {
                return 120;
            }

            public int threads() {
                return 1;
            }

            public int maxAttempts() {
                return 3;
            }

            public int firstRetrySeconds() {
                return 30;
            }

            public int maxRetrySeconds() {
                return 3600;
            }

            public int disableAfterHours() {
                return 72;
            }

            public int keepDays() {
                return 30;
            }
        };
    }

    @Test
    void messagesGoOutOnceRetryFailWaitAndResume() throws Exception {
        try (TestDatabase db =
                TestDatabase.create(TestDatabase.Kind.H2, "steadfast.delivery", "identity", "delivery")) {
            TestClock clock = TestClock.at("2031-03-04T10:00:00Z");
            JpaChannelStore channelStore = new JpaChannelStore(db.jpa(), db.ready());
            JpaDeliveryStore deliveryStore = new JpaDeliveryStore(db.jpa(), db.ready());
            ChannelTypes types = new ChannelTypes();
            Scripted hook = new Scripted("hook");
            types.add(hook);
            Channels channels = new Channels(channelStore, types, clock, PLENTY);
            Dispatcher dispatcher = new Dispatcher(
                    deliveryStore,
                    channelStore,
                    types,
                    () -> URI.create("https://habits.example.org"),
                    clock,
                    config());
            Deliveries deliveries = new Deliveries(deliveryStore, channels, types, dispatcher, clock);
            UUID ann = TestRows.user(db.dataSource(), "ann@example.org");

            // validation names the field; a secret the type made shows once, then masked
            assertThatThrownBy(() -> channels.create(ann, "hook", null, Map.of("url", "http://x", "colour", 1)))
                    .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                            .extracting(f -> f.field())
                            .containsExactly("config.colour"));
            assertThatThrownBy(() -> channels.create(ann, "hook", null, Map.of("url", "http://x")))
                    .isInstanceOfSatisfying(
                            ValidationException.class,
                            e -> assertThat(e.errors().get(0).message()).isEqualTo("must be an https URL"));
            assertThatThrownBy(() -> channels.create(ann, "nope", null, Map.of()))
                    .isInstanceOf(ValidationException.class);
            Channels.Channel created = channels.create(ann, "hook", "My hook", Map.of("url", "https://example.org/h"));
            assertThat(created.config()).containsEntry("secret", "generated");
            UUID id = created.row().id();
            assertThat(channels.get(ann, id).config()).containsEntry("secret", Channels.MASK);
            // a masked secret sent back keeps the secret
            channels.patch(ann, id, Map.of("config", Map.of("secret", Channels.MASK, "url", "https://example.org/2")));
            assertThat(channels.find(ann, id).config())
                    .containsEntry("secret", "generated")
                    .containsEntry("url", "https://example.org/2");

            // queued once per key; delivered once
            Outbound.Message m = new Outbound.Message(
                    "reminder:1:2031-03-04",
                    ReminderChannel.Message.REMINDER_DUE,
                    "Read",
                    "Time to read",
                    "/habits/1",
                    clock.instant(),
                    Map.of("habitName", "Read"));
            assertThat(deliveries.queue(ann, m, List.of())).isEqualTo(1);
            assertThat(deliveries.queue(ann, m, List.of())).isZero();
            dispatcher.drain();
            dispatcher.drain();
            assertThat(hook.got).singleElement().satisfies(x -> {
                assertThat(x.link()).isEqualTo("https://habits.example.org/habits/1");
                assertThat(x.unsubscribeLink())
                        .startsWith("https://habits.example.org/api/v1/channels/unsubscribe?token=sfu_");
                assertThat(x.type()).isEqualTo("reminder.due");
            });
            assertThat(deliveries.list(ann, Delivery.SENT, null, null, 10)).hasSize(1);

            // a type that asked not to get a kind does not get it
            channels.patch(ann, id, Map.of("config", Map.of("events", List.of("checkin.changed"))));
            assertThat(deliveries.queue(
                            ann,
                            new Outbound.Message(
                                    "reminder:2",
                                    ReminderChannel.Message.REMINDER_DUE,
                                    "Read",
                                    null,
                                    null,
                                    clock.instant(),
                                    Map.of()),
                            List.of()))
                    .isZero();
            channels.patch(ann, id, Map.of("config", java.util.Collections.singletonMap("events", null)));

            // retried with back-off, then failed after the last attempt
            hook.got.clear();
            hook.answers.add(ReminderChannel.Result.retry("503"));
            hook.answers.add(ReminderChannel.Result.retry("503"));
            hook.answers.add(ReminderChannel.Result.retry("503"));
            deliveries.queue(
                    ann,
                    new Outbound.Message(
                            "reminder:3",
                            ReminderChannel.Message.REMINDER_DUE,
                            "Read",
                            null,
                            null,
                            clock.instant(),
                            Map.of()),
                    List.of());
            dispatcher.drain();
            assertThat(hook.got).hasSize(1);
            dispatcher.drain();
            assertThat(hook.got).as("not before the back-off").hasSize(1);
            clock.advance(Duration.ofSeconds(37));
            dispatcher.drain();
            assertThat(hook.got).hasSize(2);
            clock.advance(Duration.ofSeconds(73));
            dispatcher.drain();
            assertThat(hook.got).hasSize(3);
            Delivery failed =
                    deliveries.list(ann, Delivery.FAILED, null, null, 10).get(0);
            assertThat(failed.lastError()).contains("gave up after 3 attempts: 503");
            assertThat(hook.got).extracting(ReminderChannel.Message::id).containsOnly(failed.id());
            // the user retries it: it goes out now
            deliveries.retry(ann, failed.id());
            dispatcher.drain();
            assertThat(deliveries.get(ann, failed.id()).status()).isEqualTo(Delivery.SENT);
            assertThatThrownBy(() -> deliveries.retry(ann, failed.id())).isInstanceOf(ConflictException.class);

            // the type goes away: its messages wait; it comes back: they go out
            types.remove(hook);
            UUID test = deliveries.test(ann, id);
            dispatcher.drain();
            assertThat(deliveries.get(ann, test).status()).isEqualTo(Delivery.WAITING);
            hook.got.clear();
            types.add(hook);
            dispatcher.drain();
            assertThat(deliveries.get(ann, test).status()).isEqualTo(Delivery.SENT);
            assertThat(hook.got).singleElement().satisfies(x -> assertThat(x.type())
                    .isEqualTo("channel.test"));

            // failing for days turns the channel off
            for (int day = 0; day < 4; day++) {
                hook.answers.add(ReminderChannel.Result.failed("410 Gone"));
                deliveries.queue(
                        ann,
                        new Outbound.Message(
                                "reminder:f" + day,
                                ReminderChannel.Message.REMINDER_DUE,
                                "Read",
                                null,
                                null,
                                clock.instant(),
                                Map.of()),
                        List.of());
                dispatcher.drain();
                clock.advance(Duration.ofHours(25));
            }
            assertThat(channels.find(ann, id).enabled()).isFalse();
            assertThat(channels.find(ann, id).disabledReason()).startsWith("kept failing since");
            channels.delete(ann, id);
            assertThat(deliveries.list(ann, null, null, null, 100)).isEmpty();
            assertThatThrownBy(() -> channels.get(ann, id))
                    .isInstanceOf(io.steadfast.api.error.NotFoundException.class);
            dispatcher.deactivate();
        }
    }

    @Test
    void aUserHasAtMostTheChannelsTheLimitAllowsTheInAppOneIncluded() throws Exception {
        try (TestDatabase db =
                TestDatabase.create(TestDatabase.Kind.H2, "steadfast.delivery", "identity", "delivery")) {
            TestClock clock = TestClock.at("2031-03-04T10:00:00Z");
            JpaChannelStore store = new JpaChannelStore(db.jpa(), db.ready());
            ChannelTypes types = new ChannelTypes();
            types.add(new Scripted(Channels.IN_APP));
            types.add(new Scripted("hook"));
            Channels channels = new Channels(store, types, clock, name -> 2);
            UUID ann = TestRows.user(db.dataSource(), "ann@example.org");
            assertThat(channels.list(ann))
                    .as("the in-app channel, made when first needed")
                    .hasSize(1);
            UUID hook = channels.create(ann, "hook", null, Map.of("url", "https://example.org/1"))
                    .row()
                    .id();

            assertThatThrownBy(() -> channels.create(ann, "hook", null, Map.of("url", "https://example.org/2")))
                    .isInstanceOfSatisfying(LimitReachedException.class, e -> {
                        assertThat(e.limit()).isEqualTo(Limits.CHANNELS);
                        assertThat(e.max()).isEqualTo(2);
                        assertThat(e.getMessage()).contains("2 notification channels", "delete one first");
                    });
            assertThat(store.count(ann))
                    .as("nothing stored by the refused call")
                    .isEqualTo(2);
            // bad settings are still told as such
            assertThatThrownBy(() -> channels.create(ann, "hook", null, Map.of("url", "http://x")))
                    .isInstanceOf(ValidationException.class);

            channels.delete(ann, hook);
            assertThat(channels.create(ann, "hook", "Again", Map.of("url", "https://example.org/2"))
                            .row()
                            .name())
                    .as("deleting one makes room")
                    .isEqualTo("Again");
            assertThat(channels.list(ann)).hasSize(2);
        }
    }

    @Test
    void theBackOffDoublesWithJitterAndHonoursRetryAfter() throws Exception {
        try (TestDatabase db =
                TestDatabase.create(TestDatabase.Kind.H2, "steadfast.delivery", "identity", "delivery")) {
            TestClock clock = TestClock.at("2031-03-04T10:00:00Z");
            Dispatcher d = new Dispatcher(
                    new JpaDeliveryStore(db.jpa(), db.ready()),
                    new JpaChannelStore(db.jpa(), db.ready()),
                    new ChannelTypes(),
                    () -> URI.create("https://habits.example.org"),
                    clock,
                    config());
            for (int attempt = 1; attempt <= 10; attempt++) {
                long base = Math.min(3600, 30L << (attempt - 1));
                Duration b = d.backoff(attempt, null);
                assertThat(b.toMillis()).isBetween((long) (base * 800), (long) (base * 1200));
            }
            assertThat(d.backoff(2, Duration.ofSeconds(90))).isEqualTo(Duration.ofSeconds(90));
            assertThat(d.backoff(2, Duration.ofDays(9))).isEqualTo(Duration.ofSeconds(3600));
            d.deactivate();
        }
    }

    @Test
    void twoNodesMakingTheInAppChannelAtOnceMakeOne() throws Exception {
        try (TestDatabase db =
                TestDatabase.create(TestDatabase.Kind.H2, "steadfast.delivery", "identity", "delivery")) {
            TestClock clock = TestClock.at("2031-03-04T10:00:00Z");
            ChannelTypes types = new ChannelTypes();
            types.add(new Scripted("in-app"));
            // two services on one database: two nodes
            Channels a = new Channels(new JpaChannelStore(db.jpa(), db.ready()), types, clock, PLENTY);
            Channels b = new Channels(new JpaChannelStore(db.jpa(), db.ready()), types, clock, PLENTY);
            UUID ann = TestRows.user(db.dataSource(), "ann@example.org");
            java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
            java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
            List<java.util.concurrent.Future<?>> all = new java.util.ArrayList<>();
            for (int i = 0; i < 8; i++) {
                Channels c = i % 2 == 0 ? a : b;
                all.add(pool.submit(() -> {
                    go.await();
                    return c.ensureInApp(ann).orElseThrow().id();
                }));
            }
            go.countDown();
            java.util.Set<Object> ids = new java.util.HashSet<>();
            for (java.util.concurrent.Future<?> f : all) {
                ids.add(f.get());
            }
            pool.shutdown();
            assertThat(ids).hasSize(1);
            assertThat(a.list(ann)).hasSize(1);
        }
    }
}
