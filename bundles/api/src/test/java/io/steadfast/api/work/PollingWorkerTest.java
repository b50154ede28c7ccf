package io.steadfast.api.work;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

class PollingWorkerTest {

    @Test
    void aWakeRunsAPassAtOnceAndAFailingPassIsReportedAndRetried() throws Exception {
        AtomicInteger passes = new AtomicInteger();
        CountDownLatch second = new CountDownLatch(2);
        CountDownLatch failedTwice = new CountDownLatch(2);
        AtomicInteger lastFailureCount = new AtomicInteger();
        PollingWorker w = new PollingWorker(
                "test-worker",
                1,
                () -> TimeUnit.HOURS.toMillis(1),
                () -> {
                    int n = passes.incrementAndGet();
                    second.countDown();
                    if (n >= 3 && n <= 4) {
                        throw new IllegalStateException("database away");
                    }
                },
                (e, n) -> {
                    lastFailureCount.set(n);
                    failedTwice.countDown();
                });
        w.start();
        // the first pass runs at start; the next only when woken (the poll is an hour)
        w.wake();
        assertThat(second.await(10, TimeUnit.SECONDS)).isTrue();
        w.wake();
        // passes 3 and 4 fail: each is reported, the second with the count of failures in a row
        assertThat(failedTwice.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(lastFailureCount.get()).isEqualTo(2);
        assertThat(w.active()).isTrue();
        w.stop(Duration.ofSeconds(10));
        assertThat(w.active()).isFalse();
    }
}
