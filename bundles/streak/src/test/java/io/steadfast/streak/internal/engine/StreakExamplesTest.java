package io.steadfast.streak.internal.engine;

import static io.steadfast.streak.internal.engine.Histories.stats;
import static java.time.DayOfWeek.FRIDAY;
import static java.time.DayOfWeek.MONDAY;
import static java.time.DayOfWeek.SUNDAY;
import static java.time.DayOfWeek.THURSDAY;
import static java.time.DayOfWeek.TUESDAY;
import static java.time.DayOfWeek.WEDNESDAY;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import io.steadfast.habit.api.DayState;
import io.steadfast.habit.api.Schedule;
import io.steadfast.streak.internal.engine.Histories.Intent;
import io.steadfast.streak.internal.engine.Histories.Record;
import io.steadfast.streak.internal.engine.Stats.Streak;

/**
 * Named examples of every rule. Each goes through {@link Histories#stats}, which also checks that
 * {@link IncrementalStreaks} (in one go and restored from its text) agrees with {@link BruteForce}.
 */
class StreakExamplesTest {

    /** A Monday. */
    static final LocalDate MON = LocalDate.of(2024, 1, 1);

    static final Schedule DAILY = new Schedule.Daily();

    static LocalDate d(int i) {
        return MON.plusDays(i);
    }

    static Streak streak(
            int current,
            LocalDate currentStart,
            int longest,
            LocalDate longestStart,
            LocalDate longestEnd,
            String unit) {
        return new Streak(current, longest, unit, currentStart, longestStart, longestEnd);
    }

    @Nested
    class Daily {

        @Test
        void consecutiveDoneDaysMakeAStreakAndTodayDoneCounts() {
            Stats s = stats(DAILY, MON, MONDAY, "xxxxx");
            assertThat(s.streak()).isEqualTo(streak(5, d(0), 5, d(0), d(4), Stats.DAYS));
            assertThat(s.totals().doneDays()).isEqualTo(5);
        }

        @Test
        void skippedDaysNeitherCountNorBreak() {
            Stats s = stats(DAILY, MON, MONDAY, "xxsxx o");
            assertThat(s.streak()).isEqualTo(streak(4, d(0), 4, d(0), d(4), Stats.DAYS));
        }

        @Test
        void missedAndPartialDaysBreak() {
            Stats s = stats(DAILY, MON, MONDAY, "xxxmxxpxo");
            assertThat(s.streak()).isEqualTo(streak(1, d(7), 3, d(0), d(2), Stats.DAYS));
        }

        @Test
        void aFailedRecordBreaksLikeAMissedDay() {
            assertThat(stats(DAILY, MON, MONDAY, "xxfxo").streak())
                    .isEqualTo(streak(1, d(3), 2, d(0), d(1), Stats.DAYS));
        }

        @Test
        void equallyLongStreaksReportTheMostRecent() {
            Stats s = stats(DAILY, MON, MONDAY, "xxmxxmxo");
            assertThat(s.streak()).isEqualTo(streak(1, d(6), 2, d(3), d(4), Stats.DAYS));
        }

        @Test
        void todayPendingNeitherCountsNorBreaks() {
            assertThat(stats(DAILY, MON, MONDAY, "xxxo").streak())
                    .isEqualTo(streak(3, d(0), 3, d(0), d(2), Stats.DAYS));
        }

        @Test
        void todayPartialIsInProgressAndDoesNotBreak() {
            assertThat(stats(DAILY, MON, MONDAY, "xxxp").streak())
                    .isEqualTo(streak(3, d(0), 3, d(0), d(2), Stats.DAYS));
        }

        @Test
        void todaySkippedNeitherCountsNorBreaks() {
            assertThat(stats(DAILY, MON, MONDAY, "xxxs").streak().current()).isEqualTo(3);
        }

        @Test
        void todayMissedBreaksTheCurrentStreakButNotTheLongest() {
            assertThat(stats(DAILY, MON, MONDAY, "xxxf").streak())
                    .isEqualTo(streak(0, null, 3, d(0), d(2), Stats.DAYS));
        }

        @Test
        void aStreakBrokenYesterdayIsZeroUntilTodayIsDone() {
            assertThat(stats(DAILY, MON, MONDAY, "xxmo").streak().current()).isZero();
            assertThat(stats(DAILY, MON, MONDAY, "xxmx").streak())
                    .isEqualTo(streak(1, d(3), 2, d(0), d(1), Stats.DAYS));
        }

        @Test
        void theFirstDayPendingHasNothingYet() {
            Stats s = stats(DAILY, MON, MONDAY, "o");
            assertThat(s).isEqualTo(Stats.empty(Stats.DAYS));
        }

        @Test
        void aHabitStartingAfterTodayHasEmptyStats() {
            assertThat(BruteForce.stats(DAILY, MON, MONDAY, MON.minusDays(1), List.of()))
                    .isEqualTo(Stats.empty(Stats.DAYS));
            IncrementalStreaks a = IncrementalStreaks.create(DAILY, MON, MONDAY);
            a.apply(MON.minusDays(3), List.of());
            assertThat(a.stats()).isEqualTo(Stats.empty(Stats.DAYS));
        }
    }

    @Nested
    class Weekdays {

        final Schedule mwf = Schedule.Weekdays.of(MONDAY, WEDNESDAY, FRIDAY);

        @Test
        void notDueDaysNeitherCountNorBreak() {
            Stats s = stats(mwf, MON, MONDAY, "x-x-x-- x-x-x-- x");
            assertThat(s.streak()).isEqualTo(streak(7, d(0), 7, d(0), d(14), Stats.DAYS));
        }

        @Test
        void aRecordOnANotDueDayNeitherCountsNorBreaksButIsATotal() {
            Stats s = stats(mwf, MON, MONDAY, "xfxxx-- x-x-x-- o");
            assertThat(s.streak()).isEqualTo(streak(6, d(0), 6, d(0), d(11), Stats.DAYS));
            assertThat(s.totals().doneDays()).isEqualTo(7);
        }

        @Test
        void aMissedDueDayBreaks() {
            Stats s = stats(mwf, MON, MONDAY, "x-m-x-- x-o");
            assertThat(s.streak()).isEqualTo(streak(2, d(4), 2, d(4), d(7), Stats.DAYS));
        }
    }

    @Nested
    class EveryNDays {

        final Schedule every3 = new Schedule.EveryNDays(3);

        @Test
        void onlyEveryThirdDayFromTheStartCounts() {
            Stats s = stats(every3, MON, MONDAY, "x--x--x--x--o");
            assertThat(s.streak()).isEqualTo(streak(4, d(0), 4, d(0), d(9), Stats.DAYS));
        }

        @Test
        void aMissedDueDayBreaksAndTodayDoneCounts() {
            Stats s = stats(every3, MON, MONDAY, "x--m--x--x--x");
            assertThat(s.streak()).isEqualTo(streak(3, d(6), 3, d(6), d(12), Stats.DAYS));
        }

        @Test
        void theDueDaysFollowTheStartDate() {
            LocalDate start = MON.plusDays(1);
            List<Day> days = Histories.pattern(every3, start, MONDAY, "x--x--o");
            assertThat(days).extracting(Day::due).containsExactly(true, false, false, true, false, false, true);
            assertThat(stats(every3, start, MONDAY, days).streak().current()).isEqualTo(2);
        }
    }

    @Nested
    class TimesPerWeek {

        final Schedule twice = new Schedule.TimesPerWeek(2);

        /** Weeks from Monday: met, met, 1 of 2, met, met (with skips), and the current week with 1 so far. */
        final String history = "xx----- mmmmmxx mmmxmmm xmx---- sxsx--- xmo";

        @Test
        void aStreakIsARunOfMetWeeksAndTheCurrentWeekDoesNotBreakIt() {
            Stats s = stats(twice, MON, MONDAY, history);
            assertThat(s.streak()).isEqualTo(streak(2, d(21), 2, d(21), d(34), Stats.WEEKS));
        }

        @Test
        void theCurrentWeekCountsOnceMet() {
            Stats s = stats(twice, MON, MONDAY, history.substring(0, history.length() - 1) + "x");
            assertThat(s.streak()).isEqualTo(streak(3, d(21), 3, d(21), d(41), Stats.WEEKS));
        }

        @Test
        void completionCountsMetWeeksAmongTheEndedWeeksOverlappingTheWindow() {
            Stats s = stats(twice, MON, MONDAY, history);
            // today is day 37 (a Wednesday): last7 = days 30..36 touches week 5 only; last30 = days 7..36 weeks 2-5
            assertThat(s.completion()).isEqualTo(new Stats.Completion(1.0, 0.75, 0.8, 0.8));
        }

        @Test
        void strengthStepsOncePerEndedWeekWithCreditDoneOverTimes() {
            Stats s = stats(twice, MON, MONDAY, history);
            double m = Strength.multiplier(twice);
            double expected = 0;
            for (double credit : new double[] {1, 1, 0.5, 1, 1}) {
                expected = expected * m + credit * (1 - m);
            }
            assertThat(s.strength()).isEqualTo(expected);
        }

        @Test
        void weeksFollowTheUsersFirstDayOfTheWeek() {
            String history = "mmmmmxx mmmmmxx o"; // Jan 1-5 missed, Sat 6 + Sun 7 done, again, Monday 15 today
            assertThat(stats(twice, MON, MONDAY, history).streak())
                    .isEqualTo(streak(2, d(0), 2, d(0), d(13), Stats.WEEKS));
            // Sunday weeks: Jan 1-6 (1 done: breaks), Jan 7-13 (Sun 7 + Sat 13: met), Jan 14-20 current with 1 so far
            assertThat(stats(twice, MON, SUNDAY, history).streak())
                    .isEqualTo(streak(1, d(6), 1, d(6), d(12), Stats.WEEKS));
        }

        @Test
        void theFirstWeekBeginsOnTheStartDate() {
            LocalDate thursday = MON.plusDays(3);
            Stats s = stats(new Schedule.TimesPerWeek(3), thursday, MONDAY, "xxx- o");
            assertThat(s.streak()).isEqualTo(streak(1, thursday, 1, thursday, d(6), Stats.WEEKS));
        }

        @Test
        void aFirstWeekTooShortForTheCountBreaks() {
            LocalDate saturday = MON.plusDays(5);
            Stats s = stats(new Schedule.TimesPerWeek(3), saturday, MONDAY, "xx o");
            assertThat(s.streak()).isEqualTo(streak(0, null, 0, null, null, Stats.WEEKS));
            assertThat(s.completion().allTime()).isEqualTo(0.0);
        }

        @Test
        void anAllSkippedWeekNeitherCountsNorBreaks() {
            Stats s = stats(twice, MON, MONDAY, "xx----- sssssss xx----- o");
            assertThat(s.streak()).isEqualTo(streak(2, d(0), 2, d(0), d(20), Stats.WEEKS));
            assertThat(s.completion().allTime()).isEqualTo(1.0);
            double m = Strength.multiplier(twice);
            assertThat(s.strength()).isEqualTo((0 * m + (1 - m)) * m + (1 - m));
        }

        @Test
        void aPartlySkippedWeekThatIsNotMetBreaks() {
            Stats s = stats(twice, MON, MONDAY, "xx----- sssssxm xx----- o");
            assertThat(s.streak()).isEqualTo(streak(1, d(14), 1, d(14), d(20), Stats.WEEKS));
        }

        @Test
        void anAllSkippedCurrentWeekDoesNotBreak() {
            Stats s = stats(twice, MON, MONDAY, "xx----- sss");
            assertThat(s.streak().current()).isEqualTo(1);
        }
    }

    @Nested
    class TimesPerMonth {

        static List<Day> allDone(Schedule schedule, LocalDate start, LocalDate today) {
            return Histories.evaluate(schedule, start, MONDAY, today, d -> Intent.of(Record.DONE));
        }

        @Test
        void twentyNineTimesAMonthIsMetInALeapFebruary() {
            Schedule s = new Schedule.TimesPerMonth(29);
            LocalDate start = LocalDate.of(2024, 1, 1);
            Stats stats = stats(s, start, MONDAY, allDone(s, start, LocalDate.of(2024, 5, 15)));
            assertThat(stats.streak()).isEqualTo(streak(4, start, 4, start, LocalDate.of(2024, 4, 30), Stats.MONTHS));
        }

        @Test
        void twentyNineTimesAMonthBreaksInAShortFebruary() {
            Schedule s = new Schedule.TimesPerMonth(29);
            LocalDate start = LocalDate.of(2023, 1, 1);
            Stats stats = stats(s, start, MONDAY, allDone(s, start, LocalDate.of(2023, 5, 15)));
            LocalDate march = LocalDate.of(2023, 3, 1);
            assertThat(stats.streak()).isEqualTo(streak(2, march, 2, march, LocalDate.of(2023, 4, 30), Stats.MONTHS));
            assertThat(stats.completion().allTime()).isEqualTo(3 / 4.0);
        }

        @Test
        void thirtyTimesAMonthIsMetInEveryMonthButFebruary() {
            Schedule s = new Schedule.TimesPerMonth(30);
            LocalDate start = LocalDate.of(2024, 1, 1);
            Stats stats = stats(s, start, MONDAY, allDone(s, start, LocalDate.of(2024, 8, 10)));
            assertThat(stats.streak())
                    .isEqualTo(streak(
                            5,
                            LocalDate.of(2024, 3, 1),
                            5,
                            LocalDate.of(2024, 3, 1),
                            LocalDate.of(2024, 7, 31),
                            Stats.MONTHS));
        }

        @Test
        void thirtyOneTimesAMonthIsMetOnlyInLongMonths() {
            Schedule s = new Schedule.TimesPerMonth(31);
            LocalDate start = LocalDate.of(2024, 1, 1);
            Stats stats = stats(s, start, MONDAY, allDone(s, start, LocalDate.of(2024, 8, 10)));
            LocalDate july = LocalDate.of(2024, 7, 1);
            assertThat(stats.streak()).isEqualTo(streak(1, july, 1, july, LocalDate.of(2024, 7, 31), Stats.MONTHS));
            // Jan, Mar, May, Jul of 7 ended months; no month ended in the 7 days before August 10
            assertThat(stats.completion()).isEqualTo(new Stats.Completion(null, 1.0, 4 / 7.0, 4 / 7.0));
        }

        @Test
        void theCurrentMonthCountsOnceMet() {
            Schedule s = new Schedule.TimesPerMonth(3);
            LocalDate start = LocalDate.of(2024, 2, 20);
            // February from the 20th: 3 done; March: done on the 1st, 2nd and today the 3rd
            Stats stats = stats(s, start, MONDAY, "xxx------- xxx"); // Feb 20-29, Mar 1-3
            assertThat(stats.streak()).isEqualTo(streak(2, start, 2, start, LocalDate.of(2024, 3, 31), Stats.MONTHS));
        }

        @Test
        void anAllSkippedMonthIsAPlannedAbsence() {
            Schedule s = new Schedule.TimesPerMonth(2);
            LocalDate start = LocalDate.of(2024, 1, 1);
            LocalDate today = LocalDate.of(2024, 3, 10);
            List<Day> days = Histories.evaluate(
                    s,
                    start,
                    MONDAY,
                    today,
                    d -> Intent.of(
                            d.getMonthValue() == 2
                                    ? Record.SKIPPED
                                    : d.getDayOfMonth() <= 2 ? Record.DONE : Record.NONE));
            Stats stats = stats(s, start, MONDAY, days);
            assertThat(stats.streak()).isEqualTo(streak(2, start, 2, start, LocalDate.of(2024, 3, 31), Stats.MONTHS));
            assertThat(stats.completion().allTime()).isEqualTo(1.0);
        }
    }

    @Nested
    class Completion {

        @Test
        void windowsAreTheDaysBeforeToday() {
            // days 0-29 missed, 30-39 done, day 40 today
            Stats s = stats(DAILY, MON, MONDAY, "m".repeat(30) + "x".repeat(10) + "o");
            assertThat(s.completion()).isEqualTo(new Stats.Completion(1.0, 1 / 3.0, 0.25, 0.25));
        }

        @Test
        void theWindowIncludesTheDayNDaysAgo() {
            Stats s = stats(DAILY, MON, MONDAY, "m" + "x".repeat(7) + "o");
            assertThat(s.completion()).isEqualTo(new Stats.Completion(1.0, 7 / 8.0, 7 / 8.0, 7 / 8.0));
        }

        @Test
        void skippedPendingAndNotDueDaysAreExcludedAndPartialFails() {
            Schedule mwf = Schedule.Weekdays.of(MONDAY, WEDNESDAY, FRIDAY);
            Stats s = stats(mwf, MON, MONDAY, "xxs-p-- o");
            assertThat(s.completion()).isEqualTo(new Stats.Completion(0.5, 0.5, 0.5, 0.5));
        }

        @Test
        void nothingToCountIsNull() {
            Stats s = stats(DAILY, MON, MONDAY, "ssso");
            assertThat(s.completion()).isEqualTo(new Stats.Completion(null, null, null, null));
            assertThat(s.bestWeekday()).isNull();
        }

        @Test
        void oldDaysLeaveTheWindows() {
            Stats s = stats(DAILY, MON, MONDAY, "x".repeat(10) + "m".repeat(400) + "o");
            assertThat(s.completion()).isEqualTo(new Stats.Completion(0.0, 0.0, 0.0, 10 / 410.0));
        }
    }

    @Nested
    class BestWeekday {

        /** Two weeks, done on Mondays and Thursdays only. */
        final String mondaysAndThursdays = "xmmxmmm xmmxmmm o";

        @Test
        void tiesGoToTheEarliestDayOfTheUsersWeek() {
            assertThat(stats(DAILY, MON, MONDAY, mondaysAndThursdays).bestWeekday())
                    .isEqualTo(MONDAY);
            assertThat(stats(DAILY, MON, TUESDAY, mondaysAndThursdays).bestWeekday())
                    .isEqualTo(THURSDAY);
            assertThat(stats(DAILY, MON, THURSDAY, mondaysAndThursdays).bestWeekday())
                    .isEqualTo(THURSDAY);
            assertThat(stats(DAILY, MON, FRIDAY, mondaysAndThursdays).bestWeekday())
                    .isEqualTo(MONDAY);
        }

        @Test
        void equalRatesWithDifferentCountsTie() {
            Schedule monWed = Schedule.Weekdays.of(MONDAY, WEDNESDAY);
            // Mondays: done, missed, skipped, skipped (1/2); Wednesdays: done, missed, done, missed (2/4)
            String history = "x-x---- m-m---- s-x---- s-m---- o";
            assertThat(stats(monWed, MON, MONDAY, history).bestWeekday()).isEqualTo(MONDAY);
            assertThat(stats(monWed, MON, TUESDAY, history).bestWeekday()).isEqualTo(WEDNESDAY);
        }

        @Test
        void theHighestRateWins() {
            // Mondays 2/2, Tuesdays 1/2, the rest 0
            assertThat(stats(DAILY, MON, SUNDAY, "xxmmmmm xmmmmmm o").bestWeekday())
                    .isEqualTo(MONDAY);
            assertThat(stats(DAILY, MON, TUESDAY, "xxmmmmm xmmmmmm o").bestWeekday())
                    .isEqualTo(MONDAY);
        }

        @Test
        void onlyDueEndedDaysCount() {
            Schedule mwf = Schedule.Weekdays.of(MONDAY, WEDNESDAY, FRIDAY);
            // a done Thursday (not due) and a done today are not counted; the due days are all missed
            Stats s = stats(mwf, MON, MONDAY, "m-mxm-- x");
            assertThat(s.bestWeekday()).isEqualTo(MONDAY);
            assertThat(stats(DAILY, MON, MONDAY, "x").bestWeekday()).isNull();
        }
    }

    @Nested
    class Totals {

        @Test
        void doneDaysCountAllDoneDaysAndValuesSumDoneAndPartialDays() {
            Schedule mwf = Schedule.Weekdays.of(MONDAY, WEDNESDAY, FRIDAY);
            List<Day> days = List.of(
                    new Day(d(0), true, DayState.DONE, new BigDecimal("2.5")),
                    new Day(d(1), false, DayState.DONE, new BigDecimal("3")), // not due: still a total
                    new Day(d(2), true, DayState.PARTIAL, new BigDecimal("1")),
                    new Day(d(3), false, DayState.NOT_DUE, null),
                    new Day(d(4), true, DayState.MISSED, new BigDecimal("7")), // over a limit: not summed
                    new Day(d(5), false, DayState.SKIPPED, null),
                    new Day(d(6), false, DayState.NOT_DUE, null),
                    new Day(d(7), true, DayState.DONE, new BigDecimal("0.25"))); // today
            Stats s = stats(mwf, MON, MONDAY, days);
            assertThat(s.totals()).isEqualTo(new Stats.Totals(3, new BigDecimal("6.75")));
        }

        @Test
        void noValuesSumToZero() {
            assertThat(stats(DAILY, MON, MONDAY, "xxo").totals()).isEqualTo(new Stats.Totals(2, BigDecimal.ZERO));
        }
    }

    @Test
    void unitsFollowTheSchedule() {
        DayOfWeek ws = MONDAY;
        assertThat(stats(new Schedule.EveryNDays(2), MON, ws, "o").streak().unit())
                .isEqualTo(Stats.DAYS);
        assertThat(stats(new Schedule.TimesPerWeek(1), MON, ws, "o").streak().unit())
                .isEqualTo(Stats.WEEKS);
        assertThat(stats(new Schedule.TimesPerMonth(1), MON, ws, "o").streak().unit())
                .isEqualTo(Stats.MONTHS);
    }

    @Nested
    class Milestones {

        @Test
        void aStreakMilestoneIsTheDayTheStreakFirstReachedItsLength() {
            // 7 done days, a miss, 10 done days: streak-7 was reached on the 7th day, not today
            Stats s = stats(DAILY, MON, MONDAY, "xxxxxxx m xxxxxxxxxx");
            assertThat(s.reached()).containsEntry("streak-7", d(6)).doesNotContainKey("streak-30");
        }

        @Test
        void aMilestoneReachedTodayIsToday() {
            Stats s = stats(DAILY, MON, MONDAY, "xxxxxxx");
            assertThat(s.reached()).containsEntry("streak-7", d(6));
        }

        @Test
        void pausedDaysKeepTheStreakAndCountNothing() {
            Stats s = stats(DAILY, MON, MONDAY, "xxxx vvvvvvvvvv xxx");
            assertThat(s.streak().current()).isEqualTo(7);
            assertThat(s.reached()).containsEntry("streak-7", d(16));
        }

        @Test
        void theHundredthDoneDayIsTheDoneMilestone() {
            String pattern = "x".repeat(50) + "m" + "x".repeat(60);
            Stats s = stats(DAILY, MON, MONDAY, pattern);
            assertThat(s.reached()).containsEntry("done-100", d(100)).containsEntry("streak-30", d(29));
        }

        @Test
        void aWeeklyMilestoneIsTheDayTheSeventhWeekWasMet() {
            Schedule twice = new Schedule.TimesPerWeek(2);
            // seven weeks met, each on its Wednesday (the second done day)
            String week = "xx-----".replace("xx", "x-x").substring(0, 7);
            Stats s = stats(twice, MON, MONDAY, week.repeat(7) + "o");
            assertThat(s.streak().current()).isEqualTo(7);
            assertThat(s.reached()).containsEntry("streak-7", d(6 * 7 + 2));
        }
    }
}
