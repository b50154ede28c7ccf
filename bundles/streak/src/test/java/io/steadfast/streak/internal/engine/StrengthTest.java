package io.steadfast.streak.internal.engine;

import static io.steadfast.streak.internal.engine.Histories.stats;
import static java.time.DayOfWeek.FRIDAY;
import static java.time.DayOfWeek.MONDAY;
import static java.time.DayOfWeek.WEDNESDAY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.steadfast.habit.api.Schedule;

class StrengthTest {

    static final LocalDate MON = LocalDate.of(2024, 1, 1);
    static final Schedule DAILY = new Schedule.Daily();

    static double strength(Schedule schedule, String pattern) {
        return stats(schedule, MON, MONDAY, pattern).strength();
    }

    @Test
    void halfLivesFollowTheFormula() {
        assertThat(Strength.halfLife(DAILY)).isEqualTo(13.0);
        assertThat(Strength.halfLife(Schedule.Weekdays.of(MONDAY, WEDNESDAY, FRIDAY)))
                .isCloseTo(13 * Math.sqrt(3 / 7.0), within(1e-12));
        assertThat(Strength.halfLife(new Schedule.EveryNDays(4))).isCloseTo(6.5, within(1e-12));
        assertThat(Strength.halfLife(new Schedule.TimesPerWeek(7))).isCloseTo(13 / 7.0, within(1e-12));
        assertThat(Strength.halfLife(new Schedule.TimesPerWeek(1))).isCloseTo(13 / Math.sqrt(7), within(1e-12));
        assertThat(Strength.halfLife(new Schedule.TimesPerMonth(1)))
                .isCloseTo(13 / Math.sqrt(30.436875), within(1e-12));
    }

    @Test
    void theCalendarHalfLifeIsThirteenDaysOverTheSquareRootOfTheFrequency() {
        assertThat(Strength.halfLifeDays(DAILY)).isEqualTo(13.0);
        assertThat(Strength.halfLifeDays(new Schedule.EveryNDays(4))).isCloseTo(26.0, within(1e-12));
        assertThat(Strength.halfLifeDays(new Schedule.TimesPerWeek(7))).isCloseTo(13.0, within(1e-12));
        assertThat(Strength.halfLifeDays(new Schedule.TimesPerWeek(1))).isCloseTo(13 * Math.sqrt(7), within(1e-12));
        // a 7-times-a-week habit decays like a daily one, in calendar time
        assertThat(Strength.halfLife(new Schedule.TimesPerWeek(7)) * 7)
                .isCloseTo(Strength.halfLife(DAILY), within(1e-12));
    }

    @Test
    void theMultiplierHalvesOverOneHalfLife() {
        for (Schedule s : List.of(
                DAILY,
                Schedule.Weekdays.of(MONDAY),
                new Schedule.EveryNDays(365),
                new Schedule.TimesPerWeek(3),
                new Schedule.TimesPerMonth(31))) {
            assertThat(Math.pow(Strength.multiplier(s), Strength.halfLife(s)))
                    .as("%s", s)
                    .isCloseTo(0.5, within(1e-12));
        }
    }

    @Test
    void afterThirteenDoneDaysADailyScoreIsOneHalf() {
        assertThat(strength(DAILY, "x".repeat(13) + "o")).isCloseTo(0.5, within(1e-9));
        assertThat(strength(DAILY, "x".repeat(26) + "o")).isCloseTo(0.75, within(1e-9));
    }

    @Test
    void afterAHalfLifeOfDoneDaysAFullScoreHalvesWhenMissed() {
        double m = Strength.multiplier(DAILY);
        double full = strength(DAILY, "x".repeat(400) + "o");
        assertThat(full).isCloseTo(1.0, within(1e-9));
        assertThat(strength(DAILY, "x".repeat(400) + "m".repeat(13) + "o")).isCloseTo(0.5, within(1e-9));
        assertThat(m).isCloseTo(Math.pow(0.5, 1 / 13.0), within(1e-15));
    }

    @Test
    void startsAtZeroAndTodayTakesNoStep() {
        assertThat(strength(DAILY, "o")).isZero();
        assertThat(strength(DAILY, "x")).isZero();
        double m = Strength.multiplier(DAILY);
        assertThat(strength(DAILY, "xxxx")).isCloseTo(1 - Math.pow(m, 3), within(1e-12));
    }

    @Test
    void doneRaisesPartialRaisesLessMissedLowersSkippedKeeps() {
        String base = "xxmxxxmxpx";
        double before = strength(DAILY, base + "o");
        double done = strength(DAILY, base + "xo");
        double partial = strength(DAILY, base + "po");
        double missed = strength(DAILY, base + "mo");
        double skipped = strength(DAILY, base + "so");
        assertThat(done).isGreaterThan(partial);
        assertThat(partial).isGreaterThan(missed);
        assertThat(missed).isLessThan(before);
        assertThat(done).isGreaterThan(before);
        assertThat(skipped).isEqualTo(before);
        double m = Strength.multiplier(DAILY);
        assertThat(partial).isEqualTo(before * m + 0.5 * (1 - m));
    }

    @Test
    void aRunOfDoneDaysRaisesTheScoreEveryDayAndARunOfMissedDaysLowersIt() {
        double previous = -1;
        for (int n = 0; n < 40; n++) {
            double s = strength(DAILY, "x".repeat(n) + "o");
            assertThat(s).isGreaterThan(previous).isLessThan(1.0);
            previous = s;
        }
        previous = 2;
        for (int n = 0; n < 40; n++) {
            double s = strength(DAILY, "x".repeat(30) + "m".repeat(n) + "o");
            assertThat(s).isLessThan(previous).isGreaterThan(0.0);
            previous = s;
        }
    }

    @Test
    void notDueDaysTakeNoStep() {
        Schedule mwf = Schedule.Weekdays.of(MONDAY, WEDNESDAY, FRIDAY);
        double m = Strength.multiplier(mwf);
        // three due days done, and records on not-due days that do not matter
        assertThat(strength(mwf, "xfxxx-- o")).isCloseTo(1 - Math.pow(m, 3), within(1e-12));
    }

    @Test
    void aSparserScheduleDecaysMoreSlowlyPerDueDay() {
        String tenDone = "x".repeat(10) + "o";
        assertThat(strength(new Schedule.EveryNDays(7), "x------".repeat(10) + "o"))
                .isGreaterThan(strength(DAILY, tenDone));
    }

    @Test
    void periodsStepWithDoneOverTimesCappedAtOne() {
        Schedule twice = new Schedule.TimesPerWeek(2);
        double m = Strength.multiplier(twice);
        // week 1: 1 of 2 done (credit 0.5); week 2: 3 done (credit 1); week 3 today: no step
        double s = strength(twice, "xmmmmmm xxx---- x");
        assertThat(s).isEqualTo((0 * m + 0.5 * (1 - m)) * m + 1.0 * (1 - m));
        assertThat(Strength.periodCredit(3, 2)).isEqualTo(1.0);
        assertThat(Strength.periodCredit(1, 3)).isEqualTo(1 / 3.0);
    }
}
