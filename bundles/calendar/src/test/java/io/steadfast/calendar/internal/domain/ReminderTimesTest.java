package io.steadfast.calendar.internal.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.zone.ZoneOffsetTransition;
import java.util.EnumSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

class ReminderTimesTest {

    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    static final ZoneId AUCKLAND = ZoneId.of("Pacific/Auckland");
    static final LocalTime EIGHT = LocalTime.of(8, 0);

    /** The first transition of a zone after 2030-01-01 that is a gap (or an overlap). */
    static ZoneOffsetTransition transition(ZoneId zone, boolean gap) {
        Instant at = Instant.parse("2030-01-01T00:00:00Z");
        while (true) {
            ZoneOffsetTransition t = zone.getRules().nextTransition(at);
            if (t.isGap() == gap) {
                return t;
            }
            at = t.getInstant();
        }
    }

    @Test
    void firesAtTheLocalTimeInTheUsersZone() {
        LocalDate day = LocalDate.of(2031, 6, 10);
        Instant before = day.atStartOfDay(BERLIN).toInstant();
        ReminderTimes.Moment m = ReminderTimes.next(EIGHT, null, BERLIN, 0, before);
        assertThat(m.date()).isEqualTo(day);
        assertThat(m.at()).isEqualTo(ZonedDateTime.of(day, EIGHT, BERLIN).toInstant());
        // the same wall time in Auckland is another instant
        ReminderTimes.Moment nz = ReminderTimes.next(EIGHT, null, AUCKLAND, 0, before);
        assertThat(nz.at())
                .isEqualTo(ZonedDateTime.of(nz.date(), EIGHT, AUCKLAND).toInstant());
        assertThat(nz.at()).isNotEqualTo(m.at());
    }

    @Test
    void theNextMomentIsStrictlyLaterAndOnAChosenWeekday() {
        LocalDate day = LocalDate.of(2031, 6, 10);
        Instant at = ZonedDateTime.of(day, EIGHT, BERLIN).toInstant();
        ReminderTimes.Moment m = ReminderTimes.next(EIGHT, null, BERLIN, 0, at);
        assertThat(m.date()).isEqualTo(day.plusDays(1));
        Set<DayOfWeek> days = EnumSet.of(day.getDayOfWeek().plus(3));
        ReminderTimes.Moment w = ReminderTimes.next(EIGHT, days, BERLIN, 0, at);
        assertThat(w.date()).isEqualTo(day.plusDays(3));
    }

    @Test
    void aTimeInTheSpringGapFiresAtTheFirstMinuteAfterIt() {
        for (ZoneId zone : new ZoneId[] {BERLIN, AUCKLAND}) {
            ZoneOffsetTransition gap = transition(zone, true);
            LocalDateTime missing = gap.getDateTimeBefore().plusMinutes(30); // inside the gap
            LocalDate day = missing.toLocalDate();
            Instant before = day.atStartOfDay(zone).toInstant();
            ReminderTimes.Moment m = ReminderTimes.next(missing.toLocalTime(), null, zone, 0, before);
            assertThat(m.date()).isEqualTo(day);
            assertThat(m.at()).isEqualTo(gap.getInstant());
            assertThat(LocalDateTime.ofInstant(m.at(), zone)).isEqualTo(gap.getDateTimeAfter());
        }
    }

    @Test
    void aRepeatedTimeInTheAutumnOverlapFiresOnce() {
        for (ZoneId zone : new ZoneId[] {BERLIN, AUCKLAND}) {
            ZoneOffsetTransition overlap = transition(zone, false);
            LocalDateTime twice = overlap.getDateTimeAfter().plusMinutes(30); // exists at both offsets
            LocalDate day = twice.toLocalDate();
            Instant before = day.atStartOfDay(zone).toInstant();
            ReminderTimes.Moment first = ReminderTimes.next(twice.toLocalTime(), null, zone, 0, before);
            assertThat(first.date()).isEqualTo(day);
            assertThat(first.at())
                    .isEqualTo(twice.atOffset(overlap.getOffsetBefore()).toInstant());
            ReminderTimes.Moment second = ReminderTimes.next(twice.toLocalTime(), null, zone, 0, first.at());
            assertThat(second.date()).isEqualTo(day.plusDays(1));
        }
    }

    @Test
    void aTimeBeforeTheDayStartBelongsToTheDayBefore() {
        LocalDate day = LocalDate.of(2031, 6, 10);
        Instant evening = ZonedDateTime.of(day, LocalTime.of(20, 0), BERLIN).toInstant();
        ReminderTimes.Moment m = ReminderTimes.next(LocalTime.of(1, 30), null, BERLIN, 4, evening);
        assertThat(m.date()).isEqualTo(day);
        assertThat(m.at())
                .isEqualTo(ZonedDateTime.of(day.plusDays(1), LocalTime.of(1, 30), BERLIN)
                        .toInstant());
    }

    @Test
    void theDayEndsAtTheNextDaysStart() {
        LocalDate day = LocalDate.of(2031, 6, 10);
        Instant noon = ZonedDateTime.of(day, LocalTime.NOON, AUCKLAND).toInstant();
        ReminderTimes.Moment end = ReminderTimes.nextDayEnd(AUCKLAND, 3, noon);
        assertThat(end.date()).isEqualTo(day);
        assertThat(end.at())
                .isEqualTo(ZonedDateTime.of(day.plusDays(1), LocalTime.of(3, 0), AUCKLAND)
                        .toInstant());
    }

    /** Over any instant, zone and time: the next moment is after it, within a day and a bit, at the local time. */
    @Property(tries = 2000)
    void nextIsLaterAtTheLocalTimeOrJustAfterAGap(
            @ForAll @LongRange(min = 1_900_000_000L, max = 2_200_000_000L) long seconds,
            @ForAll @IntRange(min = 0, max = 1439) int minute,
            @ForAll @IntRange(min = 0, max = 6) int dayStart,
            @ForAll boolean nz) {
        ZoneId zone = nz ? AUCKLAND : BERLIN;
        Instant after = Instant.ofEpochSecond(seconds);
        LocalTime time = LocalTime.of(minute / 60, minute % 60);
        ReminderTimes.Moment m = ReminderTimes.next(time, null, zone, dayStart, after);
        assertThat(m.at()).isAfter(after);
        assertThat(m.at()).isBeforeOrEqualTo(after.plusSeconds(26 * 3600));
        LocalDateTime local = LocalDateTime.ofInstant(m.at(), zone);
        if (!local.toLocalTime().equals(time)) {
            // only where the time did not exist: the moment is a transition's instant
            ZoneOffsetTransition t = zone.getRules().previousTransition(m.at().plusSeconds(1));
            assertThat(t.getInstant()).isEqualTo(m.at());
            assertThat(t.isGap()).isTrue();
        }
    }
}
