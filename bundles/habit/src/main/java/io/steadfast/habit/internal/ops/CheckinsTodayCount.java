package io.steadfast.habit.internal.ops;

import java.time.Clock;
import java.time.Instant;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.steadfast.api.ops.Counter;
import io.steadfast.habit.internal.store.HabitCensus;

/**
 * {@code check-ins today}: the day records written (made or changed) since the start of the server's day, by the
 * platform's clock in its zone (UTC) — the people's own days differ by time zone, the server's day is one for all.
 */
@Component(service = Counter.class)
public class CheckinsTodayCount implements Counter {

    private final HabitCensus census;
    private final Clock clock;

    @Activate
    public CheckinsTodayCount(@Reference HabitCensus census, @Reference Clock clock) {
        this.census = census;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "check-ins today";
    }

    @Override
    public String description() {
        String zone = clock.getZone().normalized().equals(java.time.ZoneOffset.UTC)
                ? "UTC"
                : clock.getZone().getId();
        return "day records written since " + startOfDay() + " (the server's day, " + zone + ")";
    }

    @Override
    public long count() {
        return census.checkinsWrittenSince(startOfDay());
    }

    /** 00:00 of the server's today, by the platform clock. */
    Instant startOfDay() {
        return clock.instant()
                .atZone(clock.getZone())
                .toLocalDate()
                .atStartOfDay(clock.getZone())
                .toInstant();
    }
}
