package io.steadfast.testsupport;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A clock that stands still until the test moves it: for testing what depends on time passing (expiry, sliding
 * renewal, throttling windows, day ends, reminders) without waiting. Always UTC, like the server's clock.
 */
public final class TestClock extends Clock {

    private volatile Instant now;

    public TestClock(Instant now) {
        this.now = now;
    }

    public static TestClock at(String instant) {
        return new TestClock(Instant.parse(instant));
    }

    @Override
    public Instant instant() {
        return now;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    /** This clock (the same instants) read in {@code zone}. */
    @Override
    public Clock withZone(ZoneId zone) {
        return zone.equals(ZoneOffset.UTC)
                ? this
                : new Clock() {
                    @Override
                    public Instant instant() {
                        return now;
                    }

                    @Override
                    public ZoneId getZone() {
                        return zone;
                    }

                    @Override
                    public Clock withZone(ZoneId other) {
                        return TestClock.this.withZone(other);
                    }
                };
    }

    /** Moves the clock forward (or back, with a negative duration). */
    public TestClock advance(Duration d) {
        now = now.plus(d);
        return this;
    }
}
