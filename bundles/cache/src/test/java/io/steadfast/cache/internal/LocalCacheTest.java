package io.steadfast.cache.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import io.steadfast.api.cache.MessageBus;

class LocalCacheTest {

    private final AtomicLong now = new AtomicLong(1_000_000_000L);

    @Test
    void valuesExpireAfterTheirTtl() {
        LocalKeyValueCache cache = new LocalKeyValueCache(now::get, 100);
        cache.put("a", "1", Duration.ofSeconds(10));
        assertThat(cache.get("a")).contains("1");
        now.addAndGet(Duration.ofSeconds(9).toNanos());
        assertThat(cache.get("a")).contains("1");
        now.addAndGet(Duration.ofSeconds(1).toNanos());
        assertThat(cache.get("a")).isEmpty();
        cache.put("b", "2", Duration.ZERO);
        assertThat(cache.get("b")).isEmpty();
        cache.put("c", "3", Duration.ofMinutes(1));
        cache.remove("c");
        assertThat(cache.get("c")).isEmpty();
    }

    @Test
    void staysWithinItsBound() {
        LocalKeyValueCache cache = new LocalKeyValueCache(now::get, 50);
        for (int i = 0; i < 500; i++) {
            cache.put("k" + i, "v", Duration.ofMinutes(1));
        }
        assertThat(cache.size()).isLessThanOrEqualTo(50);
        assertThat(cache.get("k499")).contains("v");
    }

    @Test
    void countersCountWithinAWindowAndThenStartOver() {
        LocalRateCounter counter = new LocalRateCounter(now::get);
        assertThat(counter.increment("login:x", Duration.ofMinutes(1))).isEqualTo(1);
        assertThat(counter.increment("login:x", Duration.ofMinutes(1))).isEqualTo(2);
        assertThat(counter.current("login:x")).isEqualTo(2);
        now.addAndGet(Duration.ofSeconds(30).toNanos());
        assertThat(counter.remaining("login:x")).isEqualTo(Duration.ofSeconds(30));
        now.addAndGet(Duration.ofSeconds(30).toNanos());
        assertThat(counter.current("login:x")).isZero();
        assertThat(counter.increment("login:x", Duration.ofMinutes(1))).isEqualTo(1);
        counter.reset("login:x");
        assertThat(counter.current("login:x")).isZero();
        assertThat(counter.remaining("login:x")).isEqualTo(Duration.ZERO);
    }

    @Test
    void busDeliversToSubscribersUntilTheyUnsubscribe() throws Exception {
        LocalMessageBus bus = new LocalMessageBus();
        try {
            List<String> got = new CopyOnWriteArrayList<>();
            CountDownLatch two = new CountDownLatch(2);
            MessageBus.Subscription sub = bus.subscribe("tokens", m -> {
                got.add(m);
                two.countDown();
            });
            bus.publish("tokens", "a");
            bus.publish("other", "x");
            bus.publish("tokens", "b");
            assertThat(two.await(2, TimeUnit.SECONDS)).isTrue();
            assertThat(got).containsExactly("a", "b");
            sub.close();
            CountDownLatch marker = new CountDownLatch(1);
            bus.subscribe("tokens", m -> marker.countDown());
            bus.publish("tokens", "c");
            assertThat(marker.await(2, TimeUnit.SECONDS)).isTrue();
            assertThat(got).containsExactly("a", "b");
        } finally {
            bus.deactivate();
        }
    }
}
