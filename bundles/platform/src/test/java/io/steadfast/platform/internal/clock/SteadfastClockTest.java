package io.steadfast.platform.internal.clock;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.annotation.Annotation;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import io.steadfast.testsupport.TestClock;

class SteadfastClockTest {

    /** A system clock that the test moves by hand. */
    static ClockConfig config(String start) {
        return new ClockConfig() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return ClockConfig.class;
            }

            @Override
            public String start() {
                return start;
            }
        };
    }

    final TestClock system = TestClock.at("2026-06-10T08:00:00Z");

    @Test
    void withoutAStartItIsTheSystemClockInUtc() {
        SteadfastClock c = new SteadfastClock(system, null, config(""));
        assertThat(c.instant()).isEqualTo(system.instant());
        assertThat(c.getZone()).isEqualTo(ZoneOffset.UTC);
        assertThat(c.check().healthy()).isTrue();
        assertThat(c.check().message()).isEqualTo("system clock");
    }

    @Test
    void aSimulatedClockStartsAtTheInstantAndTicksAtTheNormalRate() {
        SteadfastClock c = new SteadfastClock(system, null, config("2027-12-31T23:30:00Z"));
        assertThat(c.instant()).isEqualTo(Instant.parse("2027-12-31T23:30:00Z"));
        system.advance(Duration.ofMinutes(45));
        assertThat(c.instant()).isEqualTo(Instant.parse("2028-01-01T00:15:00Z"));
        assertThat(c.millis()).isEqualTo(c.instant().toEpochMilli());
        assertThat(LocalDate.now(c.withZone(ZoneId.of("Pacific/Auckland")))).isEqualTo(LocalDate.of(2028, 1, 1));
        assertThat(c.check().healthy()).isTrue();
        assertThat(c.check().message()).isEqualTo("simulated clock, started at 2027-12-31T23:30:00Z");
    }

    @Test
    void theEnvironmentWinsOverTheConfiguration() {
        SteadfastClock c = new SteadfastClock(system, "2028-02-29T12:00:00Z", config("2027-01-01T00:00:00Z"));
        assertThat(c.instant()).isEqualTo(Instant.parse("2028-02-29T12:00:00Z"));
    }

    @Test
    void anOffsetDateTimeIsAccepted() {
        SteadfastClock c = new SteadfastClock(system, null, config("2028-03-01T12:30:00+13:00"));
        assertThat(c.instant()).isEqualTo(Instant.parse("2028-02-29T23:30:00Z"));
    }

    @Test
    void reReadingTheSameStartLeavesTheClockRunning() {
        SteadfastClock c = new SteadfastClock(system, null, config("2027-03-28T00:30:00Z"));
        system.advance(Duration.ofHours(2));
        c.configure(config("2027-03-28T00:30:00Z"));
        assertThat(c.instant()).isEqualTo(Instant.parse("2027-03-28T02:30:00Z"));
        c.configure(config("2030-01-01T00:00:00Z"));
        assertThat(c.instant()).as("a new start moves the clock").isEqualTo(Instant.parse("2030-01-01T00:00:00Z"));
        c.configure(config(""));
        assertThat(c.instant()).isEqualTo(system.instant());
    }

    @Test
    void aMalformedStartIsReportedAndTheSystemClockIsUsed() {
        SteadfastClock c = new SteadfastClock(system, "next tuesday", config(""));
        assertThat(c.instant()).isEqualTo(system.instant());
        assertThat(c.check().healthy()).isFalse();
        assertThat(c.check().message()).contains("STEADFAST_CLOCK_START", "ISO-8601", "next tuesday");
    }

    @Test
    void theDoctorSaysWhichClockAndHowFarFromTheSystemsItIs() {
        SteadfastClock plain = new SteadfastClock(system, null, config(""));
        assertThat(plain.run().verdict()).isEqualTo(io.steadfast.api.ops.Check.Verdict.OK);
        assertThat(plain.run().detail()).isEqualTo("the system clock, in UTC: now 2026-06-10T08:00:00Z");
        SteadfastClock simulated = new SteadfastClock(system, "2026-06-13T10:30:00Z", config(""));
        io.steadfast.api.ops.Check.Finding f = simulated.run();
        assertThat(f.verdict()).isEqualTo(io.steadfast.api.ops.Check.Verdict.WARNING);
        assertThat(f.detail())
                .contains("STEADFAST_CLOCK_START")
                .contains("3 day(s) 2 h 30 min ahead of the system clock");
        assertThat(f.fix()).contains("never in production");
        SteadfastClock broken = new SteadfastClock(system, "soon", config(""));
        assertThat(broken.run().verdict()).isEqualTo(io.steadfast.api.ops.Check.Verdict.PROBLEM);
        assertThat(SteadfastClock.describe(Duration.ofMinutes(-10))).isEqualTo("10 min behind");
    }
}
