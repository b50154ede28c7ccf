package io.steadfast.api.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

class UserDayTest {

    private static final ZoneId AUCKLAND = ZoneId.of("Pacific/Auckland");
    private static final ZoneId LOS_ANGELES = ZoneId.of("America/Los_Angeles");
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @Test
    void theSameInstantIsADifferentDayInAucklandAndLosAngeles() {
        Instant now = Instant.parse("2026-06-15T00:30:00Z"); // 12:30 NZST on the 15th, 17:30 PDT on the 14th
        assertThat(UserDay.today(now, AUCKLAND, 0)).isEqualTo("2026-06-15");
        assertThat(UserDay.today(now, LOS_ANGELES, 0)).isEqualTo("2026-06-14");

        Instant january = Instant.parse("2026-01-10T10:00:00Z"); // 23:00 NZDT and 02:00 PST, both the 10th
        assertThat(UserDay.today(january, AUCKLAND, 0)).isEqualTo("2026-01-10");
        assertThat(UserDay.today(january, LOS_ANGELES, 0)).isEqualTo("2026-01-10");
        Instant hourLater = january.plus(Duration.ofHours(1)); // midnight in Auckland, 03:00 in Los Angeles
        assertThat(UserDay.today(hourLater, AUCKLAND, 0)).isEqualTo("2026-01-11");
        assertThat(UserDay.today(hourLater, LOS_ANGELES, 0)).isEqualTo("2026-01-10");
        assertThat(UserDay.dayEnded(LocalDate.parse("2026-01-10"), hourLater, AUCKLAND, 0))
                .isTrue();
        assertThat(UserDay.dayEnded(LocalDate.parse("2026-01-10"), hourLater, LOS_ANGELES, 0))
                .isFalse();
    }

    @Test
    void dayStartsAtZeroIsPlainMidnight() {
        assertThat(UserDay.today(local("2026-06-10T00:00", BERLIN), BERLIN, 0)).isEqualTo("2026-06-10");
        assertThat(UserDay.today(local("2026-06-09T23:59:59", BERLIN), BERLIN, 0))
                .isEqualTo("2026-06-09");
        assertThat(UserDay.startOf(LocalDate.parse("2026-06-10"), BERLIN, 0))
                .isEqualTo(Instant.parse("2026-06-09T22:00:00Z"));
    }

    @Test
    void beforeTheDayStartsTheMomentBelongsToThePreviousDay() {
        assertThat(UserDay.today(local("2026-06-10T02:30", BERLIN), BERLIN, 3)).isEqualTo("2026-06-09");
        assertThat(UserDay.today(local("2026-06-10T02:59:59.999", BERLIN), BERLIN, 3))
                .isEqualTo("2026-06-09");
        assertThat(UserDay.today(local("2026-06-10T03:00", BERLIN), BERLIN, 3)).isEqualTo("2026-06-10");
        assertThat(UserDay.today(local("2026-06-10T23:59", BERLIN), BERLIN, 3)).isEqualTo("2026-06-10");
        assertThat(UserDay.startOf(LocalDate.parse("2026-06-10"), BERLIN, 3))
                .isEqualTo(Instant.parse("2026-06-10T01:00:00Z"));
        assertThat(UserDay.today(local("2026-06-10T06:00", BERLIN), BERLIN, 6)).isEqualTo("2026-06-10");
        assertThat(UserDay.today(local("2026-06-10T05:59", BERLIN), BERLIN, 6)).isEqualTo("2026-06-09");
    }

    @Test
    void aDayHasEndedOnceTheNextOneStarted() {
        LocalDate june9 = LocalDate.parse("2026-06-09");
        assertThat(UserDay.dayEnded(june9, local("2026-06-10T02:30", BERLIN), BERLIN, 3))
                .isFalse();
        assertThat(UserDay.dayEnded(june9, local("2026-06-10T03:00", BERLIN), BERLIN, 3))
                .isTrue();
        assertThat(UserDay.dayEnded(june9, local("2026-06-09T12:00", BERLIN), BERLIN, 3))
                .isFalse();
        assertThat(UserDay.dayEnded(june9.plusDays(1), local("2026-06-09T12:00", BERLIN), BERLIN, 3))
                .isFalse();
    }

    @Test
    void losAngelesSpringForwardHasA23HourDay() {
        LocalDate march8 = LocalDate.parse("2026-03-08"); // 02:00 PST becomes 03:00 PDT
        assertThat(UserDay.startOf(march8, LOS_ANGELES, 0)).isEqualTo(Instant.parse("2026-03-08T08:00:00Z"));
        assertThat(UserDay.startOf(march8.plusDays(1), LOS_ANGELES, 0))
                .isEqualTo(Instant.parse("2026-03-09T07:00:00Z"));
        assertThat(dayLength(march8, LOS_ANGELES, 0)).isEqualTo(Duration.ofHours(23));

        // 02:00 does not exist that night: the day starting at 2 begins at 03:00 PDT, like the day starting at 3
        assertThat(UserDay.startOf(march8, LOS_ANGELES, 2)).isEqualTo(Instant.parse("2026-03-08T10:00:00Z"));
        assertThat(UserDay.startOf(march8, LOS_ANGELES, 3)).isEqualTo(Instant.parse("2026-03-08T10:00:00Z"));
        assertThat(UserDay.today(Instant.parse("2026-03-08T09:59:59Z"), LOS_ANGELES, 2))
                .isEqualTo("2026-03-07");
        assertThat(UserDay.today(Instant.parse("2026-03-08T10:00:00Z"), LOS_ANGELES, 2))
                .isEqualTo(march8);
        assertThat(UserDay.today(Instant.parse("2026-03-08T09:59:59Z"), LOS_ANGELES, 3))
                .isEqualTo("2026-03-07");
        assertThat(UserDay.today(Instant.parse("2026-03-08T10:00:00Z"), LOS_ANGELES, 3))
                .isEqualTo(march8);
        assertThat(dayLength(march8.minusDays(1), LOS_ANGELES, 3)).isEqualTo(Duration.ofHours(23));
    }

    @Test
    void losAngelesFallBackHasA25HourDay() {
        LocalDate november1 = LocalDate.parse("2026-11-01"); // 02:00 PDT becomes 01:00 PST
        assertThat(UserDay.startOf(november1, LOS_ANGELES, 0)).isEqualTo(Instant.parse("2026-11-01T07:00:00Z"));
        assertThat(dayLength(november1, LOS_ANGELES, 0)).isEqualTo(Duration.ofHours(25));
        assertThat(dayLength(november1.minusDays(1), LOS_ANGELES, 3)).isEqualTo(Duration.ofHours(25));

        // 01:00 happens twice: the day starting at 1 begins at the first one, and both 01:30s belong to it
        assertThat(UserDay.startOf(november1, LOS_ANGELES, 1)).isEqualTo(Instant.parse("2026-11-01T08:00:00Z"));
        assertThat(UserDay.today(Instant.parse("2026-11-01T07:59:59Z"), LOS_ANGELES, 1))
                .isEqualTo("2026-10-31");
        assertThat(UserDay.today(Instant.parse("2026-11-01T08:30:00Z"), LOS_ANGELES, 1))
                .isEqualTo(november1);
        assertThat(UserDay.today(Instant.parse("2026-11-01T09:30:00Z"), LOS_ANGELES, 1))
                .isEqualTo(november1);

        // with the day starting at 3, both 01:30s still belong to October 31
        assertThat(UserDay.today(Instant.parse("2026-11-01T08:30:00Z"), LOS_ANGELES, 3))
                .isEqualTo("2026-10-31");
        assertThat(UserDay.today(Instant.parse("2026-11-01T09:30:00Z"), LOS_ANGELES, 3))
                .isEqualTo("2026-10-31");
        assertThat(UserDay.today(Instant.parse("2026-11-01T11:00:00Z"), LOS_ANGELES, 3))
                .isEqualTo(november1);
    }

    @Test
    void aucklandDaylightSavingEndsOnApril5() {
        LocalDate april5 = LocalDate.parse("2026-04-05"); // 03:00 NZDT becomes 02:00 NZST
        assertThat(UserDay.startOf(april5, AUCKLAND, 0)).isEqualTo(Instant.parse("2026-04-04T11:00:00Z"));
        assertThat(dayLength(april5, AUCKLAND, 0)).isEqualTo(Duration.ofHours(25));

        // with the day starting at 3 both 02:30s (NZDT, then NZST) still belong to April 4
        assertThat(UserDay.today(Instant.parse("2026-04-04T13:30:00Z"), AUCKLAND, 3))
                .isEqualTo("2026-04-04");
        assertThat(UserDay.today(Instant.parse("2026-04-04T14:30:00Z"), AUCKLAND, 3))
                .isEqualTo("2026-04-04");
        assertThat(UserDay.startOf(april5, AUCKLAND, 3)).isEqualTo(Instant.parse("2026-04-04T15:00:00Z"));
        assertThat(UserDay.today(Instant.parse("2026-04-04T15:00:00Z"), AUCKLAND, 3))
                .isEqualTo(april5);

        // with the day starting at 2 it begins at the first 02:00 (NZDT)
        assertThat(UserDay.startOf(april5, AUCKLAND, 2)).isEqualTo(Instant.parse("2026-04-04T13:00:00Z"));
        assertThat(UserDay.today(Instant.parse("2026-04-04T14:30:00Z"), AUCKLAND, 2))
                .isEqualTo(april5);
    }

    @Test
    void aucklandSpringForwardOnSeptember27() {
        LocalDate september27 = LocalDate.parse("2026-09-27"); // 02:00 NZST becomes 03:00 NZDT
        assertThat(dayLength(september27, AUCKLAND, 0)).isEqualTo(Duration.ofHours(23));
        assertThat(UserDay.startOf(september27, AUCKLAND, 2)).isEqualTo(Instant.parse("2026-09-26T14:00:00Z"));
        assertThat(UserDay.today(Instant.parse("2026-09-26T13:59:59Z"), AUCKLAND, 2))
                .isEqualTo("2026-09-26");
        assertThat(UserDay.today(Instant.parse("2026-09-26T14:00:00Z"), AUCKLAND, 2))
                .isEqualTo(september27);
    }

    @Test
    void dayStartIsZeroToSix() {
        Instant now = Instant.parse("2026-01-01T00:00:00Z");
        assertThatThrownBy(() -> UserDay.today(now, BERLIN, -1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> UserDay.today(now, BERLIN, 7)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> UserDay.startOf(LocalDate.EPOCH, BERLIN, 7))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> UserDay.dayEnded(LocalDate.EPOCH, now, BERLIN, -1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @org.junit.jupiter.api.Test
    void aStartHourInsideADstGapStartsTheDayWhenTheClockJumps() {
        // Pacific/Chatham springs forward from 02:45 to 03:45 on 2000-10-01
        ZoneId chatham = ZoneId.of("Pacific/Chatham");
        LocalDate oct1 = LocalDate.of(2000, 10, 1);
        Instant start = UserDay.startOf(oct1, chatham, 3);
        assertThat(java.time.LocalDateTime.ofInstant(start, chatham)).isEqualTo("2000-10-01T03:45");
        assertThat(UserDay.today(start.minusNanos(1), chatham, 3)).isEqualTo(oct1.minusDays(1));
        assertThat(UserDay.today(start, chatham, 3)).isEqualTo(oct1);
    }

    @Property(tries = 500)
    void aDayRunsFromItsStartToTheNextDaysStart(
            @ForAll("zones") ZoneId zone,
            @ForAll @LongRange(min = 10_957, max = 25_567) long epochDay, // 2000-01-01 .. 2039-12-31
            @ForAll @IntRange(min = 0, max = 6) int dayStartsAt) {
        LocalDate date = LocalDate.ofEpochDay(epochDay);
        Instant start = UserDay.startOf(date, zone, dayStartsAt);
        Instant next = UserDay.startOf(date.plusDays(1), zone, dayStartsAt);
        assertThat(next).isAfter(start);
        assertThat(UserDay.today(start, zone, dayStartsAt)).isEqualTo(date);
        assertThat(UserDay.today(next.minusNanos(1), zone, dayStartsAt)).isEqualTo(date);
        assertThat(UserDay.today(start.minusNanos(1), zone, dayStartsAt)).isEqualTo(date.minusDays(1));
        assertThat(UserDay.dayEnded(date, next.minusNanos(1), zone, dayStartsAt))
                .isFalse();
        assertThat(UserDay.dayEnded(date, next, zone, dayStartsAt)).isTrue();
        assertThat(Duration.between(start, next)).isBetween(Duration.ofHours(22), Duration.ofHours(26));
    }

    @Property(tries = 500)
    void todayNeverGoesBackwards(
            @ForAll("zones") ZoneId zone,
            @ForAll @LongRange(min = 946_684_800L, max = 2_208_988_800L) long epochSecond,
            @ForAll @LongRange(min = 1, max = 4 * 3600) long seconds,
            @ForAll @IntRange(min = 0, max = 6) int dayStartsAt) {
        Instant now = Instant.ofEpochSecond(epochSecond);
        LocalDate today = UserDay.today(now, zone, dayStartsAt);
        LocalDate later = UserDay.today(now.plusSeconds(seconds), zone, dayStartsAt);
        assertThat(later).isBetween(today, today.plusDays(1));
    }

    @Provide
    Arbitrary<ZoneId> zones() {
        return Arbitraries.of(
                        "UTC",
                        "Pacific/Auckland",
                        "Pacific/Chatham",
                        "America/Los_Angeles",
                        "America/New_York",
                        "America/St_Johns",
                        "America/Sao_Paulo",
                        "America/Santiago",
                        "America/Havana",
                        "Europe/London",
                        "Europe/Berlin",
                        "Asia/Kolkata",
                        "Asia/Kathmandu",
                        "Asia/Tehran",
                        "Australia/Lord_Howe",
                        "Australia/Adelaide")
                .map(ZoneId::of);
    }

    private static Instant local(String localDateTime, ZoneId zone) {
        return java.time.LocalDateTime.parse(localDateTime).atZone(zone).toInstant();
    }

    private static Duration dayLength(LocalDate date, ZoneId zone, int dayStartsAt) {
        return Duration.between(
                UserDay.startOf(date, zone, dayStartsAt), UserDay.startOf(date.plusDays(1), zone, dayStartsAt));
    }
}
