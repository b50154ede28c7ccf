package io.steadfast.habit.internal.domain;

import static io.steadfast.habit.api.DayState.DONE;
import static io.steadfast.habit.api.DayState.MISSED;
import static io.steadfast.habit.api.DayState.NOT_DUE;
import static io.steadfast.habit.api.DayState.PARTIAL;
import static io.steadfast.habit.api.DayState.PENDING;
import static io.steadfast.habit.api.DayState.SKIPPED;
import static io.steadfast.habit.internal.domain.Fixtures.count;
import static io.steadfast.habit.internal.domain.Fixtures.date;
import static io.steadfast.habit.internal.domain.Fixtures.dec;
import static io.steadfast.habit.internal.domain.Fixtures.done;
import static io.steadfast.habit.internal.domain.Fixtures.limit;
import static io.steadfast.habit.internal.domain.Fixtures.skip;
import static io.steadfast.habit.internal.domain.Fixtures.value;
import static io.steadfast.habit.internal.domain.Fixtures.yesNo;
import static java.time.DayOfWeek.FRIDAY;
import static java.time.DayOfWeek.MONDAY;
import static java.time.DayOfWeek.SUNDAY;
import static java.time.DayOfWeek.WEDNESDAY;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import io.steadfast.api.habit.spi.HabitType.DayRecord;
import io.steadfast.habit.api.DayState;
import io.steadfast.habit.api.Schedule;

/**
 * Named examples of the agenda rules. March 2026 starts on a Sunday: Monday is the 2nd, the 9th, the 16th.
 */
class AgendaTest {

    private final Map<LocalDate, DayRecord> records = new HashMap<>();

    private void record(String date, DayRecord record) {
        records.put(date(date), record);
    }

    private AgendaItem at(HabitRules habit, String date, String today, DayOfWeek weekStart) {
        return Agenda.item(habit, records, date(date), date(today), weekStart);
    }

    private AgendaItem at(HabitRules habit, String date, String today) {
        return at(habit, date, today, MONDAY);
    }

    private static AgendaItem item(boolean due, DayState state) {
        return new AgendaItem(due, state, null, null, null);
    }

    private static AgendaItem item(boolean due, DayState state, String progress, String target) {
        return new AgendaItem(
                due, state, progress == null ? null : dec(progress), target == null ? null : dec(target), null);
    }

    private static AgendaItem item(boolean due, DayState state, PeriodProgress period) {
        return new AgendaItem(due, state, null, null, period);
    }

    private static PeriodProgress period(int done, int times, String start, String end) {
        return new PeriodProgress(done, times, date(start), date(end));
    }

    @Nested
    class Daily {

        final HabitRules habit = yesNo(new Schedule.Daily(), "2026-03-02");

        @Test
        void dueEveryDayFromTheStartDate() {
            record("2026-03-03", done());
            assertThat(at(habit, "2026-02-28", "2026-03-05")).isEqualTo(item(false, NOT_DUE));
            assertThat(at(habit, "2026-03-01", "2026-03-05")).isEqualTo(item(false, NOT_DUE));
            assertThat(at(habit, "2026-03-02", "2026-03-05")).isEqualTo(item(true, MISSED));
            assertThat(at(habit, "2026-03-03", "2026-03-05")).isEqualTo(item(true, DONE));
            assertThat(at(habit, "2026-03-04", "2026-03-05")).isEqualTo(item(true, MISSED));
        }

        @Test
        void todayIsPendingUntilDoneAndNeverMissed() {
            assertThat(at(habit, "2026-03-05", "2026-03-05")).isEqualTo(item(true, PENDING));
            record("2026-03-05", done());
            assertThat(at(habit, "2026-03-05", "2026-03-05")).isEqualTo(item(true, DONE));
            assertThat(at(habit, "2026-03-05", "2026-03-06")).isEqualTo(item(true, DONE));
            assertThat(at(habit, "2026-03-06", "2026-03-07"))
                    .as("the next day ended without a record")
                    .isEqualTo(item(true, MISSED));
        }

        @Test
        void skippedDaysAreDueAndSkipped() {
            record("2026-03-04", skip());
            assertThat(at(habit, "2026-03-04", "2026-03-05")).isEqualTo(item(true, SKIPPED));
            assertThat(at(habit, "2026-03-04", "2026-03-04")).isEqualTo(item(true, SKIPPED));
        }

        @Test
        void futureDaysArePendingOrPlannedSkipsAndIgnoreOtherRecords() {
            record("2026-03-07", skip());
            record("2026-03-09", done());
            assertThat(at(habit, "2026-03-06", "2026-03-05")).isEqualTo(item(true, PENDING));
            assertThat(at(habit, "2026-03-07", "2026-03-05")).isEqualTo(item(true, SKIPPED));
            assertThat(at(habit, "2026-03-09", "2026-03-05")).isEqualTo(item(true, PENDING));
            assertThat(at(habit, "2026-03-01", "2026-02-20"))
                    .as("future, before the start")
                    .isEqualTo(item(false, NOT_DUE));
        }

        @Test
        void aRecordBeforeTheStartDateIsReportedButNotDue() {
            record("2026-03-01", done());
            record("2026-02-27", skip());
            assertThat(at(habit, "2026-03-01", "2026-03-05")).isEqualTo(item(false, DONE));
            assertThat(at(habit, "2026-02-27", "2026-03-05")).isEqualTo(item(false, SKIPPED));
        }
    }

    @Nested
    class Weekdays {

        final HabitRules habit = yesNo(Schedule.Weekdays.of(MONDAY, WEDNESDAY, FRIDAY), "2026-03-02");

        @Test
        void dueOnTheListedDaysOnly() {
            record("2026-03-06", skip());
            String today = "2026-03-09";
            assertThat(at(habit, "2026-03-02", today)).as("Mon").isEqualTo(item(true, MISSED));
            assertThat(at(habit, "2026-03-03", today)).as("Tue").isEqualTo(item(false, NOT_DUE));
            assertThat(at(habit, "2026-03-04", today)).as("Wed").isEqualTo(item(true, MISSED));
            assertThat(at(habit, "2026-03-05", today)).as("Thu").isEqualTo(item(false, NOT_DUE));
            assertThat(at(habit, "2026-03-06", today)).as("Fri").isEqualTo(item(true, SKIPPED));
            assertThat(at(habit, "2026-03-07", today)).as("Sat").isEqualTo(item(false, NOT_DUE));
            assertThat(at(habit, "2026-03-08", today)).as("Sun").isEqualTo(item(false, NOT_DUE));
            assertThat(at(habit, "2026-03-09", today)).as("Mon, today").isEqualTo(item(true, PENDING));
            assertThat(at(habit, "2026-03-10", today)).as("Tue, future").isEqualTo(item(false, NOT_DUE));
            assertThat(at(habit, "2026-03-11", today)).as("Wed, future").isEqualTo(item(true, PENDING));
        }

        @Test
        void aRecordOnAnOffDayIsEvaluatedButNotDue() {
            record("2026-03-03", done());
            record("2026-03-05", skip());
            assertThat(at(habit, "2026-03-03", "2026-03-09")).isEqualTo(item(false, DONE));
            assertThat(at(habit, "2026-03-03", "2026-03-03")).isEqualTo(item(false, DONE));
            assertThat(at(habit, "2026-03-05", "2026-03-09")).isEqualTo(item(false, SKIPPED));
        }
    }

    @Nested
    class EveryNDays {

        final HabitRules habit = count(new Schedule.EveryNDays(3), "2026-03-04", "8");

        @Test
        void dueEveryThirdDayCountedFromTheStartDate() {
            record("2026-03-04", value("8"));
            record("2026-03-07", value("3"));
            String today = "2026-03-10";
            assertThat(at(habit, "2026-03-01", today))
                    .as("3 days before the start")
                    .isEqualTo(item(false, NOT_DUE, null, "8"));
            assertThat(at(habit, "2026-03-04", today)).isEqualTo(item(true, DONE, "8", "8"));
            assertThat(at(habit, "2026-03-05", today)).isEqualTo(item(false, NOT_DUE, null, "8"));
            assertThat(at(habit, "2026-03-06", today)).isEqualTo(item(false, NOT_DUE, null, "8"));
            assertThat(at(habit, "2026-03-07", today)).isEqualTo(item(true, PARTIAL, "3", "8"));
            assertThat(at(habit, "2026-03-10", today)).isEqualTo(item(true, PENDING, null, "8"));
            assertThat(at(habit, "2026-03-12", today)).isEqualTo(item(false, NOT_DUE, null, "8"));
            assertThat(at(habit, "2026-03-13", today)).isEqualTo(item(true, PENDING, null, "8"));
            assertThat(at(habit, "2026-04-03", today)).as("across the month").isEqualTo(item(true, PENDING, null, "8"));
        }

        @Test
        void anotherStartDateShiftsTheDays() {
            HabitRules later = count(new Schedule.EveryNDays(3), "2026-03-05", "8");
            assertThat(at(later, "2026-03-07", "2026-03-20").due()).isFalse();
            assertThat(at(later, "2026-03-08", "2026-03-20")).isEqualTo(item(true, MISSED, null, "8"));
        }

        @Test
        void recordsOnOffDaysAreReported() {
            record("2026-03-05", value("2"));
            record("2026-03-01", value("9"));
            assertThat(at(habit, "2026-03-05", "2026-03-10")).isEqualTo(item(false, PARTIAL, "2", "8"));
            assertThat(at(habit, "2026-03-01", "2026-03-10")).isEqualTo(item(false, DONE, "9", "8"));
        }
    }

    @Nested
    class CountHabits {

        final HabitRules habit = count(new Schedule.Daily(), "2026-03-01", "8");

        @Test
        void belowTheTargetIsPartialTodayAndAfterwards() {
            record("2026-03-05", value("3"));
            assertThat(at(habit, "2026-03-05", "2026-03-05")).isEqualTo(item(true, PARTIAL, "3", "8"));
            assertThat(at(habit, "2026-03-05", "2026-03-06")).isEqualTo(item(true, PARTIAL, "3", "8"));
            record("2026-03-05", value("8"));
            assertThat(at(habit, "2026-03-05", "2026-03-05")).isEqualTo(item(true, DONE, "8", "8"));
        }

        @Test
        void nothingOrZeroIsMissedOnceTheDayEnded() {
            record("2026-03-02", value("0"));
            assertThat(at(habit, "2026-03-02", "2026-03-05")).isEqualTo(item(true, MISSED, "0", "8"));
            assertThat(at(habit, "2026-03-03", "2026-03-05")).isEqualTo(item(true, MISSED, null, "8"));
            assertThat(at(habit, "2026-03-05", "2026-03-05")).isEqualTo(item(true, PENDING, null, "8"));
        }

        @Test
        void aSkippedDayHasNoProgress() {
            record("2026-03-02", new DayRecord(dec("5"), null, true));
            assertThat(at(habit, "2026-03-02", "2026-03-05")).isEqualTo(item(true, SKIPPED, null, "8"));
        }
    }

    @Nested
    class LimitHabits {

        final HabitRules twoCoffees = limit(new Schedule.Daily(), "2026-03-01", "2");
        final HabitRules quit = limit(new Schedule.Daily(), "2026-03-01", "0");

        @Test
        void aDayThatEndedWithoutARecordIsDone() {
            assertThat(at(twoCoffees, "2026-03-01", "2026-03-05")).isEqualTo(item(true, DONE, null, "2"));
            assertThat(at(quit, "2026-03-04", "2026-03-05")).isEqualTo(item(true, DONE, null, "0"));
        }

        @Test
        void atOrUnderTheLimitIsPendingTodayAndDoneOnceEnded() {
            record("2026-03-05", value("1"));
            record("2026-03-02", value("2"));
            assertThat(at(twoCoffees, "2026-03-05", "2026-03-05")).isEqualTo(item(true, PENDING, "1", "2"));
            assertThat(at(twoCoffees, "2026-03-05", "2026-03-06")).isEqualTo(item(true, DONE, "1", "2"));
            assertThat(at(twoCoffees, "2026-03-02", "2026-03-05")).isEqualTo(item(true, DONE, "2", "2"));
            assertThat(at(twoCoffees, "2026-03-06", "2026-03-05")).isEqualTo(item(true, PENDING, null, "2"));
        }

        @Test
        void overTheLimitIsMissedAtOnce() {
            record("2026-03-05", value("3"));
            assertThat(at(twoCoffees, "2026-03-05", "2026-03-05")).isEqualTo(item(true, MISSED, "3", "2"));
            record("2026-03-04", value("1"));
            assertThat(at(quit, "2026-03-04", "2026-03-04")).isEqualTo(item(true, MISSED, "1", "0"));
            record("2026-03-03", value("0"));
            assertThat(at(quit, "2026-03-03", "2026-03-05")).isEqualTo(item(true, DONE, "0", "0"));
        }

        @Test
        void skipsStillWin() {
            record("2026-03-04", new DayRecord(dec("9"), null, true));
            assertThat(at(twoCoffees, "2026-03-04", "2026-03-05")).isEqualTo(item(true, SKIPPED, null, "2"));
        }

        @Test
        void aLimitPerPeriodCountsEveryCleanDay() {
            HabitRules fiveCleanDays = limit(new Schedule.TimesPerWeek(5), "2026-02-01", "1");
            record("2026-03-03", value("4"));
            PeriodProgress week = period(3, 5, "2026-03-02", "2026-03-08");
            String friday = "2026-03-06";
            assertThat(at(fiveCleanDays, "2026-03-02", friday))
                    .isEqualTo(new AgendaItem(true, DONE, null, dec("1"), week));
            assertThat(at(fiveCleanDays, "2026-03-03", friday))
                    .isEqualTo(new AgendaItem(true, MISSED, dec("4"), dec("1"), week));
            assertThat(at(fiveCleanDays, "2026-03-06", friday))
                    .isEqualTo(new AgendaItem(true, PENDING, null, dec("1"), week));
            assertThat(at(fiveCleanDays, "2026-03-08", friday))
                    .isEqualTo(new AgendaItem(true, PENDING, null, dec("1"), week));
        }
    }

    @Nested
    class TimesPerWeek {

        final HabitRules threeTimes = yesNo(new Schedule.TimesPerWeek(3), "2026-02-01");

        @Test
        void dueUntilTheWeeksCountIsMetWithWeeksStartingMonday() {
            record("2026-03-02", done());
            record("2026-03-04", done());
            record("2026-03-05", done());
            record("2026-03-07", done());
            String sunday = "2026-03-08";
            PeriodProgress week = period(4, 3, "2026-03-02", "2026-03-08");
            assertThat(at(threeTimes, "2026-03-02", sunday)).as("Mon").isEqualTo(item(true, DONE, week));
            assertThat(at(threeTimes, "2026-03-03", sunday))
                    .as("Tue, 1 done: no record, so no single day is missed (the week is judged)")
                    .isEqualTo(item(false, NOT_DUE, week));
            assertThat(at(threeTimes, "2026-03-04", sunday)).as("Wed").isEqualTo(item(true, DONE, week));
            assertThat(at(threeTimes, "2026-03-05", sunday)).as("Thu, 2 done").isEqualTo(item(true, DONE, week));
            assertThat(at(threeTimes, "2026-03-06", sunday)).as("Fri, met").isEqualTo(item(false, NOT_DUE, week));
            assertThat(at(threeTimes, "2026-03-07", sunday))
                    .as("Sat, done anyway")
                    .isEqualTo(item(true, DONE, week));
            assertThat(at(threeTimes, "2026-03-08", sunday)).as("Sun, today").isEqualTo(item(false, NOT_DUE, week));
            assertThat(at(threeTimes, "2026-03-09", sunday))
                    .as("next Monday")
                    .isEqualTo(item(true, PENDING, period(0, 3, "2026-03-09", "2026-03-15")));
        }

        @Test
        void theSameDaysWithWeeksStartingSunday() {
            record("2026-03-02", done());
            record("2026-03-04", done());
            record("2026-03-05", done());
            record("2026-03-07", done());
            String sunday = "2026-03-08";
            PeriodProgress week = period(4, 3, "2026-03-01", "2026-03-07");
            assertThat(at(threeTimes, "2026-03-01", sunday, SUNDAY)).as("Sun").isEqualTo(item(false, NOT_DUE, week));
            assertThat(at(threeTimes, "2026-03-02", sunday, SUNDAY)).as("Mon").isEqualTo(item(true, DONE, week));
            assertThat(at(threeTimes, "2026-03-06", sunday, SUNDAY)).as("Fri").isEqualTo(item(false, NOT_DUE, week));
            PeriodProgress next = period(0, 3, "2026-03-08", "2026-03-14");
            assertThat(at(threeTimes, "2026-03-08", sunday, SUNDAY))
                    .as("Sun, a new week")
                    .isEqualTo(item(true, PENDING, next));
            assertThat(at(threeTimes, "2026-03-09", sunday, SUNDAY)).isEqualTo(item(true, PENDING, next));
        }

        @Test
        void skippedDaysDoNotCount() {
            HabitRules twice = yesNo(new Schedule.TimesPerWeek(2), "2026-02-01");
            record("2026-03-02", done());
            record("2026-03-03", skip());
            String wednesday = "2026-03-04";
            PeriodProgress week = period(1, 2, "2026-03-02", "2026-03-08");
            assertThat(at(twice, "2026-03-02", wednesday)).isEqualTo(item(true, DONE, week));
            assertThat(at(twice, "2026-03-03", wednesday)).isEqualTo(item(true, SKIPPED, week));
            assertThat(at(twice, "2026-03-04", wednesday)).isEqualTo(item(true, PENDING, week));
            assertThat(at(twice, "2026-03-05", wednesday)).isEqualTo(item(true, PENDING, week));

            record("2026-03-04", done());
            PeriodProgress met = period(2, 2, "2026-03-02", "2026-03-08");
            assertThat(at(twice, "2026-03-04", wednesday)).isEqualTo(item(true, DONE, met));
            assertThat(at(twice, "2026-03-05", wednesday))
                    .as("met: off the agenda")
                    .isEqualTo(item(false, NOT_DUE, met));
            assertThat(at(twice, "2026-03-02", wednesday))
                    .as("progress runs to today, not to the date")
                    .isEqualTo(item(true, DONE, met));
            record("2026-03-06", skip());
            assertThat(at(twice, "2026-03-06", wednesday))
                    .as("a planned skip after the count is met")
                    .isEqualTo(item(false, SKIPPED, met));
        }

        @Test
        void recordsAfterTodayDoNotCount() {
            record("2026-03-02", done());
            record("2026-03-03", done());
            record("2026-03-05", done());
            String tuesday = "2026-03-03";
            PeriodProgress week = period(2, 3, "2026-03-02", "2026-03-08");
            assertThat(at(threeTimes, "2026-03-05", tuesday)).isEqualTo(item(true, PENDING, week));
            assertThat(at(threeTimes, "2026-03-06", tuesday)).isEqualTo(item(true, PENDING, week));
        }

        @Test
        void aHabitStartingMidWeekCountsFromItsStartDate() {
            HabitRules twice = yesNo(new Schedule.TimesPerWeek(2), "2026-03-05");
            record("2026-03-02", done());
            record("2026-03-03", done());
            record("2026-03-05", done());
            String sunday = "2026-03-08";
            PeriodProgress week = period(1, 2, "2026-03-02", "2026-03-08");
            assertThat(at(twice, "2026-03-02", sunday)).as("before the start").isEqualTo(item(false, DONE, week));
            assertThat(at(twice, "2026-03-04", sunday)).isEqualTo(item(false, NOT_DUE, week));
            assertThat(at(twice, "2026-03-05", sunday)).isEqualTo(item(true, DONE, week));
            assertThat(at(twice, "2026-03-06", sunday)).isEqualTo(item(false, NOT_DUE, week));
            assertThat(at(twice, "2026-03-08", sunday)).isEqualTo(item(true, PENDING, week));
        }

        @Test
        void aCountHabitNeedsFullDaysToCount() {
            HabitRules water = count(new Schedule.TimesPerWeek(2), "2026-02-01", "8");
            record("2026-03-02", value("8"));
            record("2026-03-03", value("5"));
            String thursday = "2026-03-05";
            PeriodProgress week = period(1, 2, "2026-03-02", "2026-03-08");
            assertThat(at(water, "2026-03-03", thursday))
                    .isEqualTo(new AgendaItem(true, PARTIAL, dec("5"), dec("8"), week));
            assertThat(at(water, "2026-03-05", thursday))
                    .isEqualTo(new AgendaItem(true, PENDING, null, dec("8"), week));
        }
    }

    @Nested
    class TimesPerMonth {

        @Test
        void aFebruaryOf28Days() {
            HabitRules all = yesNo(new Schedule.TimesPerMonth(28), "2026-01-01");
            for (LocalDate d = date("2026-02-01"); d.getMonthValue() == 2; d = d.plusDays(1)) {
                records.put(d, done());
            }
            PeriodProgress february = period(28, 28, "2026-02-01", "2026-02-28");
            assertThat(at(all, "2026-02-28", "2026-03-01", SUNDAY)).isEqualTo(item(true, DONE, february));
            assertThat(at(all, "2026-03-01", "2026-03-01", SUNDAY))
                    .isEqualTo(item(true, PENDING, period(0, 28, "2026-03-01", "2026-03-31")));
        }

        @Test
        void aCountLargerThanTheMonthIsNeverMet() {
            HabitRules always = yesNo(new Schedule.TimesPerMonth(31), "2026-01-01");
            for (LocalDate d = date("2026-02-01"); d.getMonthValue() == 2; d = d.plusDays(1)) {
                records.put(d, done());
            }
            PeriodProgress february = period(28, 31, "2026-02-01", "2026-02-28");
            for (LocalDate d = date("2026-02-01"); d.getMonthValue() == 2; d = d.plusDays(1)) {
                assertThat(Agenda.item(always, records, d, date("2026-03-10"), MONDAY))
                        .isEqualTo(item(true, DONE, february));
            }
        }

        @Test
        void leapFebruaryAprilAndJanuary() {
            HabitRules twice = yesNo(new Schedule.TimesPerMonth(2), "2024-01-01");
            record("2024-02-29", done());
            assertThat(at(twice, "2024-02-29", "2024-03-05"))
                    .isEqualTo(item(true, DONE, period(1, 2, "2024-02-01", "2024-02-29")));
            assertThat(at(twice, "2024-04-30", "2024-05-05"))
                    .as("April ended short of its count: the month is missed, not its last day")
                    .isEqualTo(item(false, NOT_DUE, period(0, 2, "2024-04-01", "2024-04-30")));

            record("2026-01-30", done());
            record("2026-01-31", done());
            HabitRules late = yesNo(new Schedule.TimesPerMonth(2), "2025-12-01");
            PeriodProgress january = period(2, 2, "2026-01-01", "2026-01-31");
            assertThat(at(late, "2026-01-29", "2026-02-02")).isEqualTo(item(false, NOT_DUE, january));
            assertThat(at(late, "2026-01-31", "2026-02-02")).isEqualTo(item(true, DONE, january));
            assertThat(at(late, "2026-02-01", "2026-02-02"))
                    .isEqualTo(item(false, NOT_DUE, period(0, 2, "2026-02-01", "2026-02-28")));
        }

        @Test
        void theCountIsMetMidMonth() {
            HabitRules tenTimes = yesNo(new Schedule.TimesPerMonth(10), "2026-03-01");
            for (int day = 1; day <= 10; day++) {
                records.put(LocalDate.of(2026, 3, day), done());
            }
            PeriodProgress march = period(10, 10, "2026-03-01", "2026-03-31");
            assertThat(at(tenTimes, "2026-03-10", "2026-03-20")).isEqualTo(item(true, DONE, march));
            assertThat(at(tenTimes, "2026-03-11", "2026-03-20")).isEqualTo(item(false, NOT_DUE, march));
            assertThat(at(tenTimes, "2026-03-31", "2026-03-20")).isEqualTo(item(false, NOT_DUE, march));
        }
    }
}
