package io.steadfast.identity.internal.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.steadfast.testsupport.TestClock;

/** The local tier on its own: bounds, time to live on the platform clock, the bus epoch and the stamp guard. */
class LocalTierTest {

    static final Instant T0 = Instant.parse("2026-03-02T09:30:00Z");

    final TestClock clock = new TestClock(T0);
    final InMemoryStores.Bus bus = new InMemoryStores.Bus();
    final List<String> received = new ArrayList<>();
    final LocalTier<String> tier = new LocalTier<>("test.channel", clock, received::add);

    LocalTierTest() {
        tier.configure(Duration.ofSeconds(30), 100);
        tier.bind(bus);
    }

    void put(String key, String value) {
        assertThat(tier.put(key, value, null, tier.stamp())).isTrue();
    }

    @Test
    void entriesLiveTheConfiguredSecondsOnTheClock() {
        put("a", "1");
        clock.advance(Duration.ofSeconds(29));
        assertThat(tier.get("a")).contains("1");
        clock.advance(Duration.ofSeconds(1));
        assertThat(tier.get("a")).isEmpty();
        assertThat(tier.size()).isZero();
    }

    @Test
    void anEntryNeverOutlivesItsLimitNorAClockSetBack() {
        tier.put("short", "1", T0.plusSeconds(5), tier.stamp());
        tier.put("past", "2", T0, tier.stamp());
        assertThat(tier.get("past")).as("already over").isEmpty();
        clock.advance(Duration.ofSeconds(4));
        assertThat(tier.get("short")).contains("1");
        clock.advance(Duration.ofSeconds(1));
        assertThat(tier.get("short")).isEmpty();

        put("now", "3");
        clock.advance(Duration.ofMinutes(-1));
        assertThat(tier.get("now")).as("stored in what is now the future").isEmpty();
    }

    @Test
    void theTierStaysWithinItsBound() {
        tier.configure(Duration.ofSeconds(30), 50);
        for (int i = 0; i < 1_000; i++) {
            put("k" + i, "v");
            assertThat(tier.size()).isLessThanOrEqualTo(50);
        }
        assertThat(tier.get("k999")).as("the newest entry is kept").contains("v");
        assertThat(tier.size()).isGreaterThan(40);
    }

    @Test
    void expiredEntriesMakeRoomFirst() {
        tier.configure(Duration.ofSeconds(30), 10);
        for (int i = 0; i < 9; i++) {
            put("old" + i, "v");
        }
        clock.advance(Duration.ofSeconds(31));
        put("new0", "v");
        put("new1", "v");
        assertThat(tier.size()).isEqualTo(2);
    }

    @Test
    void zeroSecondsOrZeroEntriesTurnTheTierOff() {
        tier.configure(Duration.ZERO, 100);
        put("a", "1");
        assertThat(tier.get("a")).isEmpty();
        tier.configure(Duration.ofSeconds(30), 0);
        put("a", "1");
        assertThat(tier.get("a")).isEmpty();
    }

    @Test
    void anInvalidationDropsTheKeyHereAndIsPublishedForTheOtherNodes() {
        put("a", "1");
        tier.invalidate("a");
        assertThat(tier.get("a")).isEmpty();
        assertThat(bus.published).containsExactly("test.channel a");
        assertThat(received).as("the tier's own message came back").containsExactly("a");
    }

    @Test
    void aKeyFromAnotherNodeIsDropped() {
        put("a", "1");
        put("b", "2");
        bus.publish("test.channel", "a");
        assertThat(tier.get("a")).isEmpty();
        assertThat(tier.get("b")).contains("2");
        assertThat(received).containsExactly("a");
    }

    @Test
    void aValueReadWhileAnInvalidationArrivedIsNotKept() {
        LocalTier.Stamp before = tier.stamp();
        bus.publish("test.channel", "a");
        assertThat(tier.put("a", "stale", null, before)).isFalse();
        assertThat(tier.get("a")).isEmpty();
    }

    @Test
    void whileTheBusMayMissMessagesNothingIsServedFromTheTier() {
        put("a", "1");
        bus.epoch = 0;
        assertThat(tier.get("a")).isEmpty();
        put("b", "2");
        assertThat(tier.get("b")).isEmpty();
        bus.epoch = 2;
        assertThat(tier.get("b")).isEmpty();
        put("c", "3");
        assertThat(tier.get("c")).contains("3");

        put("d", "4");
        bus.epoch = 3;
        assertThat(tier.get("d"))
                .as("stored before an interruption of delivery: a message may have been lost")
                .isEmpty();
    }

    @Test
    void aValueReadAcrossAnInterruptionIsNotKept() {
        LocalTier.Stamp before = tier.stamp();
        bus.epoch = 2;
        tier.put("a", "1", null, before);
        assertThat(tier.get("a")).isEmpty();
    }

    @Test
    void aNewBusEmptiesTheTierAndOnlyItsMessagesCount() {
        put("a", "1");
        InMemoryStores.Bus next = new InMemoryStores.Bus();
        tier.bind(next);
        assertThat(tier.get("a")).isEmpty();
        put("b", "2");
        bus.publish("test.channel", "b");
        assertThat(tier.get("b")).as("the old bus no longer reaches the tier").contains("2");
        next.publish("test.channel", "b");
        assertThat(tier.get("b")).isEmpty();
        tier.unbind(bus);
        put("c", "3");
        assertThat(tier.get("c"))
                .as("unbinding a bus that was replaced changes nothing")
                .contains("3");
        tier.unbind(next);
        assertThat(tier.get("c")).isEmpty();
    }
}
