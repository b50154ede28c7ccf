package io.steadfast.platform.internal.clock;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.steadfast.api.health.HealthIndicator;
import io.steadfast.api.health.HealthStatus;
import io.steadfast.api.ops.Check;

/**
 * The one clock of the server, registered as the {@code java.time.Clock} service: every bundle reads domain time
 * (the user's today, token expiry, throttling windows, housekeeping, reminders, day ends) from it. Normally the
 * system clock in UTC. With a simulated start ({@value ClockConfig#ENV} or {@code start} in
 * {@code etc/io.steadfast.clock.cfg}) it starts at that instant at boot and then ticks at the normal rate; the
 * health document then shows a {@code clock} part saying so.
 *
 * <p>This is the only class of the server that reads the system's wall clock.
 */
@Component(
        service = {Clock.class, HealthIndicator.class, Check.class},
        configurationPid = ClockConfig.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL,
        immediate = true)
@Designate(ocd = ClockConfig.class)
public class SteadfastClock extends Clock implements HealthIndicator, Check {

    private static final Logger LOG = LoggerFactory.getLogger(SteadfastClock.class);

    private final Clock system;
    private final String env;
    private volatile ClockStart start = ClockStart.resolve(null, null);
    private volatile Duration offset = Duration.ZERO;

    @Activate
    public SteadfastClock(ClockConfig config) {
        this(Clock.systemUTC(), System.getenv(ClockConfig.ENV), config);
    }

    SteadfastClock(Clock system, String env, ClockConfig config) {
        this.system = system;
        this.env = env;
        configure(config);
    }

    /** A changed start moves the clock there now; an unchanged one (a file re-read) leaves it running. */
    @Modified
    void configure(ClockConfig config) {
        ClockStart next = ClockStart.resolve(env, config.start());
        if (next.equals(start) && next.error() == null) {
            return;
        }
        start = next;
        offset = next.start().map(s -> Duration.between(system.instant(), s)).orElse(Duration.ZERO);
        if (next.error() != null) {
            LOG.error(next.error());
        } else if (next.simulated()) {
            LOG.warn(
                    "Simulated clock, started at {} (from {}): for tests and demonstrations only, never in "
                            + "production",
                    next.start().get(),
                    next.source());
        }
    }

    @Override
    public Instant instant() {
        return system.instant().plus(offset);
    }

    @Override
    public long millis() {
        return system.millis() + offset.toMillis();
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    /** This clock in another zone: the same instants, read in {@code zone}. */
    @Override
    public Clock withZone(ZoneId zone) {
        return zone.equals(ZoneOffset.UTC) ? this : Clock.offset(system.withZone(zone), offset);
    }

    @Override
    public String component() {
        return "clock";
    }

    @Override
    public HealthStatus check() {
        ClockStart s = start;
        if (s.error() != null) {
            return HealthStatus.unhealthy(s.error());
        }
        return s.simulated()
                ? HealthStatus.healthy(
                        "simulated clock, started at " + s.start().get())
                : HealthStatus.healthy("system clock");
    }

    /** {@code clock} for {@code steadfast:doctor}: system or simulated, and how far from the system's clock. */
    @Override
    public String name() {
        return "clock";
    }

    @Override
    public Finding run() {
        ClockStart s = start;
        Instant now = instant();
        if (s.error() != null) {
            return Finding.problem(
                    s.error(),
                    "correct or remove " + s.source() + " (an ISO-8601 instant such as 2028-02-29T23:30:00Z), then "
                            + "restart");
        }
        if (!s.simulated()) {
            return Finding.ok(
                    "the system clock, in UTC: now " + now.truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
        }
        Duration ahead = offset;
        return Finding.warning(
                "a simulated clock (from " + s.source() + "), started at "
                        + s.start().get() + ": now "
                        + now.truncatedTo(java.time.temporal.ChronoUnit.SECONDS) + ", "
                        + describe(ahead) + " the system clock",
                "for tests and demonstrations only, never in production: unset " + ClockConfig.ENV + " (or the "
                        + "start in etc/" + ClockConfig.PID + ".cfg) and restart");
    }

    /** {@code 3 days 4 h ahead of}, {@code 10 min behind}, {@code the same as}. */
    static String describe(Duration offset) {
        Duration d = offset.abs();
        if (d.toSeconds() < 1) {
            return "the same as";
        }
        StringBuilder sb = new StringBuilder();
        if (d.toDays() > 0) {
            sb.append(d.toDays()).append(" day(s) ");
        }
        if (d.toHoursPart() > 0) {
            sb.append(d.toHoursPart()).append(" h ");
        }
        if (d.toMinutesPart() > 0) {
            sb.append(d.toMinutesPart()).append(" min ");
        }
        if (sb.length() == 0) {
            sb.append(d.toSecondsPart()).append(" s ");
        }
        return sb.append(offset.isNegative() ? "behind" : "ahead of").toString();
    }
}
