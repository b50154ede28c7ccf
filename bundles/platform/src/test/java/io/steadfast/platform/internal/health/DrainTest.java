package io.steadfast.platform.internal.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

class DrainTest {

    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final Drain.Sleeper sleeper = nanos -> now.addAndGet(nanos);

    @Test
    void keepsServingForTheDelayThenWaitsForTheRequestsInFlight() {
        AtomicInteger inFlight = new AtomicInteger(3);
        AtomicInteger sleeps = new AtomicInteger();
        // the first sleep is the delay; then one request finishes during each poll
        Drain.Sleeper finishing = nanos -> {
            now.addAndGet(nanos);
            if (sleeps.getAndIncrement() > 0) {
                inFlight.decrementAndGet();
            }
        };
        Drain.Outcome o = new Drain(5000, 20_000, now::get, finishing).run(inFlight::get);
        assertThat(o.drainedMillis()).isEqualTo(5000);
        assertThat(o.waitedMillis()).isEqualTo(150);
        assertThat(o.unfinished()).isZero();
    }

    @Test
    void givesUpAtTheTimeoutAndSaysWhatIsLeft() {
        Drain.Outcome o = new Drain(0, 2000, now::get, sleeper).run(() -> 2);
        assertThat(o.drainedMillis()).isZero();
        assertThat(o.waitedMillis()).isBetween(2000L, 2050L);
        assertThat(o.unfinished()).isEqualTo(2);
    }

    @Test
    void nothingInFlightAndNoDelayStopsAtOnce() {
        Drain.Outcome o = new Drain(0, 20_000, now::get, sleeper).run(() -> 0);
        assertThat(o.drainedMillis() + o.waitedMillis()).isZero();
    }

    @Test
    void anInterruptEndsTheWait() {
        Drain.Sleeper interrupted = nanos -> {
            throw new InterruptedException();
        };
        Drain.Outcome o = new Drain(5000, 20_000, now::get, interrupted).run(() -> 1);
        assertThat(o.unfinished()).isEqualTo(1);
        assertThat(Thread.interrupted()).isTrue();
    }

    @Test
    void secondsFromTheEnvironment() {
        assertThat(Drain.seconds(null, 5)).isEqualTo(5);
        assertThat(Drain.seconds(" 12 ", 5)).isEqualTo(12);
        assertThat(Drain.seconds("soon", 5)).isEqualTo(5);
        assertThat(Drain.seconds("-1", 5)).isEqualTo(5);
        assertThat(Drain.seconds("601", 5)).isEqualTo(5);
        assertThatThrownBy(() -> new Drain(-1, 0, now::get, sleeper)).isInstanceOf(IllegalArgumentException.class);
    }
}
