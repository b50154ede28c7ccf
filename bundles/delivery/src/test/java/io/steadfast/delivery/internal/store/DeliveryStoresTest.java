package io.steadfast.delivery.internal.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import io.steadfast.delivery.internal.domain.Delivery;
import io.steadfast.delivery.internal.domain.UserChannel;
import io.steadfast.storage.internal.db.TestDatabase;
import io.steadfast.testsupport.TestRows;

class DeliveryStoresTest {

    static final Instant NOW = Instant.parse("2031-03-04T10:00:00Z");

    static Delivery delivery(UUID user, UUID channel, String key, String status, Instant at) {
        return new Delivery(
                UUID.randomUUID(),
                user,
                channel,
                key,
                "reminder.due",
                "Read",
                "Time to read",
                "/habits/x",
                Map.of("habitName", "Read", "n", 3),
                status,
                0,
                null,
                at,
                at,
                null);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void aDeliveryIsQueuedOnceClaimedByOneAndRecordedOnlyUnderItsClaim(TestDatabase.Kind kind) {
        try (TestDatabase db = TestDatabase.create(kind, DeliveryPersistence.UNIT, "identity", "delivery")) {
            JpaChannelStore channels = new JpaChannelStore(db.jpa(), db.ready());
            JpaDeliveryStore deliveries = new JpaDeliveryStore(db.jpa(), db.ready());
            UUID ann = TestRows.user(db.dataSource(), "ann@example.org");
            UserChannel hook = new UserChannel(
                    UUID.randomUUID(),
                    ann,
                    "webhook",
                    "Hook",
                    Map.of("url", "https://example.org/h", "secret", "s3"),
                    Set.of("secret"),
                    true,
                    null,
                    null,
                    NOW,
                    NOW);
            channels.create(hook);
            assertThat(channels.find(ann, hook.id())).contains(hook);
            assertThat(channels.find(UUID.randomUUID(), hook.id())).isEmpty();
            assertThat(channels.count(ann)).isEqualTo(1);
            assertThat(channels.count(UUID.randomUUID())).isZero();

            Delivery d = delivery(ann, hook.id(), "reminder:1:2031-03-04", Delivery.PENDING, NOW);
            assertThat(deliveries.queue(d)).isTrue();
            assertThat(deliveries.queue(delivery(ann, hook.id(), "reminder:1:2031-03-04", Delivery.PENDING, NOW)))
                    .isFalse();

            List<Delivery> a = deliveries.claim("a", NOW, NOW.plusSeconds(60), 10);
            assertThat(deliveries.claim("b", NOW, NOW.plusSeconds(60), 10)).isEmpty();
            assertThat(a).hasSize(1);
            assertThat(a.get(0).data()).containsEntry("habitName", "Read").containsEntry("n", 3);
            assertThat(a.get(0).attempts()).isEqualTo(1);
            assertThat(deliveries.sent(d.id(), "b", NOW, "ok")).isFalse();
            assertThat(deliveries.retry(d.id(), "a", NOW.plusSeconds(30), "503 from the receiver"))
                    .isTrue();
            assertThat(deliveries.claim("c", NOW.plusSeconds(10), NOW.plusSeconds(70), 10))
                    .isEmpty();
            List<Delivery> c = deliveries.claim("c", NOW.plusSeconds(31), NOW.plusSeconds(91), 10);
            assertThat(c).singleElement().satisfies(x -> {
                assertThat(x.attempts()).isEqualTo(2);
                assertThat(x.lastError()).isEqualTo("503 from the receiver");
            });
            deliveries.unsubscribeHash(d.id(), "c", "f".repeat(64));
            assertThat(deliveries.sent(d.id(), "c", NOW.plusSeconds(32), "200")).isTrue();
            assertThat(deliveries.find(ann, d.id())).hasValueSatisfying(x -> {
                assertThat(x.status()).isEqualTo(Delivery.SENT);
                assertThat(x.sentAt()).isEqualTo(NOW.plusSeconds(32));
            });
            assertThat(deliveries.channelOfUnsubscribe("f".repeat(64))).contains(hook.id());
            assertThat(channels.disable(hook.id(), "unsubscribed", NOW)).isTrue();
            assertThat(channels.disable(hook.id(), "unsubscribed", NOW)).isFalse();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void waitingDeliveriesResumeWithTheirTypeAndTheLogPages(TestDatabase.Kind kind) {
        try (TestDatabase db = TestDatabase.create(kind, DeliveryPersistence.UNIT, "identity", "delivery")) {
            JpaChannelStore channels = new JpaChannelStore(db.jpa(), db.ready());
            JpaDeliveryStore deliveries = new JpaDeliveryStore(db.jpa(), db.ready());
            UUID ann = TestRows.user(db.dataSource(), "ann@example.org");
            UserChannel ntfy = new UserChannel(
                    UUID.randomUUID(),
                    ann,
                    "ntfy",
                    "Phone",
                    Map.of("url", "https://ntfy.sh/t"),
                    Set.of(),
                    true,
                    null,
                    null,
                    NOW,
                    NOW);
            channels.create(ntfy);
            for (int i = 0; i < 5; i++) {
                deliveries.queue(delivery(ann, ntfy.id(), "k" + i, Delivery.PENDING, NOW.plusSeconds(i)));
            }
            List<Delivery> claimed = deliveries.claim("a", NOW.plusSeconds(10), NOW.plusSeconds(70), 3);
            assertThat(claimed).hasSize(3);
            for (Delivery d : claimed) {
                assertThat(deliveries.waiting(d.id(), "a", "ntfy is not running"))
                        .isTrue();
            }
            assertThat(deliveries.ofUser(ann, Delivery.WAITING, null, null, 10)).hasSize(3);
            assertThat(deliveries.resume(List.of("webhook"), NOW)).isZero();
            assertThat(deliveries.resume(List.of("ntfy"), NOW.plusSeconds(20))).isEqualTo(3);
            assertThat(deliveries.ofUser(ann, Delivery.PENDING, null, null, 10)).hasSize(5);

            List<Delivery> first = deliveries.ofUser(ann, null, null, null, 2);
            assertThat(first).extracting(Delivery::dedupeKey).containsExactly("k4", "k3");
            Delivery last = first.get(1);
            assertThat(deliveries.ofUser(ann, null, last.createdAt(), last.id(), 10))
                    .extracting(Delivery::dedupeKey)
                    .containsExactly("k2", "k1", "k0");
            Instant since = channels.failed(ntfy.id(), NOW);
            assertThat(channels.failed(ntfy.id(), NOW.plusSeconds(99))).isEqualTo(since);
            channels.succeeded(ntfy.id());
            assertThat(channels.find(ann, ntfy.id()).orElseThrow().failingSince())
                    .isNull();
            assertThat(channels.delete(ann, ntfy.id())).isTrue();
            assertThat(deliveries.ofUser(ann, null, null, null, 10)).isEmpty();
        }
    }

    static UserChannel channel(UUID user, String type, String name) {
        return new UserChannel(
                UUID.randomUUID(),
                user,
                type,
                name,
                Map.of("url", "https://example.org/" + name),
                Set.of(),
                true,
                null,
                null,
                NOW,
                NOW);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void operatorsSeeEveryonesDeliveriesAndSendAFailedOneAgainOnce(TestDatabase.Kind kind) {
        try (TestDatabase db = TestDatabase.create(kind, DeliveryPersistence.UNIT, "identity", "delivery")) {
            JpaChannelStore channels = new JpaChannelStore(db.jpa(), db.ready());
            JpaDeliveryStore deliveries = new JpaDeliveryStore(db.jpa(), db.ready());
            UUID ann = TestRows.user(db.dataSource(), "ann@example.org");
            UUID bob = TestRows.user(db.dataSource(), "bob@example.org");
            UserChannel hook = channel(ann, "webhook", "Hook");
            UserChannel phone = channel(bob, "ntfy", "Phone");
            channels.create(hook);
            channels.create(phone);
            Delivery first = delivery(ann, hook.id(), "k1", Delivery.PENDING, NOW);
            Delivery second = delivery(bob, phone.id(), "k2", Delivery.PENDING, NOW.plusSeconds(1));
            deliveries.queue(first);
            deliveries.queue(second);
            assertThat(deliveries.recent(null, null, null, 10))
                    .extracting(Delivery::id)
                    .containsExactly(second.id(), first.id());
            assertThat(deliveries.recent(bob, null, null, 10))
                    .extracting(Delivery::id)
                    .containsExactly(second.id());
            assertThat(deliveries.recent(null, null, "webhook", 10))
                    .extracting(Delivery::id)
                    .containsExactly(first.id());
            assertThat(deliveries.recent(null, Delivery.FAILED, null, 10)).isEmpty();
            assertThat(deliveries.recent(null, null, null, 1)).hasSize(1);

            assertThat(deliveries.retryNow(first.id(), NOW)).as("not failed").isFalse();
            deliveries.claim("a", NOW.plusSeconds(5), NOW.plusSeconds(60), 10);
            assertThat(deliveries.failed(first.id(), "a", "410 Gone")).isTrue();
            assertThat(deliveries.find(first.id()).orElseThrow().status()).isEqualTo(Delivery.FAILED);
            assertThat(deliveries.recent(null, Delivery.FAILED, null, 10))
                    .extracting(Delivery::id)
                    .containsExactly(first.id());

            Instant later = NOW.plusSeconds(600);
            assertThat(deliveries.retryNow(first.id(), later)).isTrue();
            assertThat(deliveries.retryNow(first.id(), later))
                    .as("a second retry loses")
                    .isFalse();
            Delivery again = deliveries.find(first.id()).orElseThrow();
            assertThat(again.status()).isEqualTo(Delivery.PENDING);
            assertThat(again.attempts()).isZero();
            assertThat(again.nextAt()).isEqualTo(later);
            assertThat(deliveries.claim("b", later, later.plusSeconds(60), 10))
                    .extracting(Delivery::id)
                    .contains(first.id());
            assertThat(deliveries.claim("c", later, later.plusSeconds(60), 10))
                    .as("one node claims it")
                    .isEmpty();
            assertThat(deliveries.find(UUID.randomUUID())).isEmpty();
        }
    }
}
