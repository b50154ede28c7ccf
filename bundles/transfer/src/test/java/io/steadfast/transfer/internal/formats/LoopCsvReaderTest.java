package io.steadfast.transfer.internal.formats;

import static io.steadfast.transfer.internal.formats.Fixtures.entries;
import static io.steadfast.transfer.internal.formats.Fixtures.habit;
import static io.steadfast.transfer.internal.formats.Fixtures.refused;
import static io.steadfast.transfer.internal.formats.Fixtures.zip;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.steadfast.habit.api.Schedule;
import io.steadfast.transfer.internal.archive.Archive;
import io.steadfast.transfer.internal.archive.ArchivedDay;
import io.steadfast.transfer.internal.archive.ArchivedHabit;
import io.steadfast.transfer.internal.archive.ImportLimits;

class LoopCsvReaderTest {

    private static final LocalDate JAN_20 = LocalDate.of(2025, 1, 20);

    private final LoopCsvReader reader = new LoopCsvReader();

    @TempDir
    Path dir;

    /** A CSV export as Loop 2.3 (2025) writes it: the Habits.csv of HabitList.writeCSV, checkmarks with names. */
    Path export2025() throws Exception {
        return zip(
                dir,
                "Loop Habits CSV 2025-01-25.zip",
                entries(
                        "Habits.csv",
                        "Position,Name,Type,Question,Description,FrequencyNumerator,FrequencyDenominator,Color,Unit,"
                                + "Target Type,Target Value,Archived?\n"
                                + "001,Meditate,YES_NO,Did you meditate this morning?,,1,1,#FF8F00,,,,false\n"
                                + "002,Run,NUMERICAL,How many miles did you run today?,,1,7,#E64A19,miles,AT_LEAST,20.0,false\n"
                                + "003,\"Wake up, early\",YES_NO,Did you wake up before 6am?,\"Old, \"\"quoted\"\" text\",2,3,"
                                + "#AFB42B,,,,true\n",
                        "001 Meditate/Checkmarks.csv",
                        "Date,Value,Notes\n"
                                + "2025-01-24,YES_MANUAL,\"felt calm, focused\"\n"
                                + "2025-01-23,YES_AUTO,\n"
                                + "2025-01-22,SKIP,\n"
                                + "2025-01-21,NO,\n"
                                + "2025-01-20,YES_MANUAL,\n",
                        "001 Meditate/Scores.csv",
                        "Date,Score\n2025-01-24,0.1000\n",
                        "002 Run/Checkmarks.csv",
                        "Date,Value,Notes\n2025-01-24,5000,\n2025-01-23,UNKNOWN,\n2025-01-22,SKIP,\n2025-01-21,2500,long\n",
                        "002 Run/Scores.csv",
                        "Date,Score\n",
                        "003 Wake up early/Checkmarks.csv",
                        "Date,Value,Notes\n2025-01-20,YES_MANUAL,\n",
                        "Checkmarks.csv",
                        "Date,Meditate,Run,Wake up early,\n2025-01-24,YES_MANUAL,5000,UNKNOWN,\n",
                        "Scores.csv",
                        "Date,Meditate,Run,Wake up early,\n2025-01-24,0.1,0.2,0.3,\n",
                        // hostile names are never looked at
                        "../001 Meditate/Checkmarks.csv",
                        "Date,Value,Notes\n2000-01-01,YES_MANUAL,\n",
                        "/etc/passwd",
                        "root:x:0:0"));
    }

    @Test
    void readsA2025Export() throws Exception {
        Archive a = reader.read(export2025(), ImportLimits.DEFAULTS);

        assertThat(a.format()).isEqualTo("loop-csv");
        assertThat(a.habits()).extracting(ArchivedHabit::name).containsExactly("Meditate", "Run", "Wake up, early");

        ArchivedHabit meditate = habit(a, "Meditate");
        assertThat(meditate.sourceId()).isEqualTo("csv:Meditate");
        assertThat(meditate.type()).isEqualTo("boolean");
        assertThat(meditate.description()).isEqualTo("Did you meditate this morning?");
        assertThat(meditate.color()).isEqualTo("#ff8f00");
        assertThat(meditate.schedule()).isEqualTo(new Schedule.Daily());
        assertThat(meditate.startDate()).isEqualTo(JAN_20);
        assertThat(meditate.days())
                .containsExactly(
                        new ArchivedDay(JAN_20, null, null, false),
                        new ArchivedDay(JAN_20.plusDays(2), null, null, true),
                        new ArchivedDay(JAN_20.plusDays(4), null, "felt calm, focused", false));

        ArchivedHabit run = habit(a, "Run");
        assertThat(run.type()).isEqualTo("count");
        assertThat(run.unit()).isEqualTo("miles");
        assertThat(run.target()).isEqualByComparingTo("2.86"); // 20 miles a week
        assertThat(run.days())
                .containsExactly(
                        new ArchivedDay(JAN_20.plusDays(1), new BigDecimal("2.5"), "long", false),
                        new ArchivedDay(JAN_20.plusDays(2), null, null, true),
                        new ArchivedDay(JAN_20.plusDays(4), new BigDecimal("5"), null, false));

        ArchivedHabit wake = habit(a, "Wake up, early");
        assertThat(wake.archived()).isTrue();
        assertThat(wake.description()).isEqualTo("Did you wake up before 6am?\n\nOld, \"quoted\" text");
        assertThat(wake.schedule())
                .isEqualTo(new Schedule.TimesPerWeek(5)); // 2 in 3 days: 4.67 a week, not made easier
        // its folder is "003 Wake up early" (Loop drops the comma from folder names): found by its position
        assertThat(wake.days()).containsExactly(new ArchivedDay(JAN_20, null, null, false));
        assertThat(a.warnings()).anySatisfy(w -> assertThat(w).contains("2 times in 3 days became 5 times per week"));
        assertThat(a.warnings())
                .anySatisfy(w -> assertThat(w).contains("files of the zip with names that are not safe"));
        assertThat(a.skipped()).isEqualTo(1); // the YES_AUTO day
    }

    @Test
    void readsOlderExportsWithoutHeadersOrTypes() throws Exception {
        Path file = zip(
                dir,
                "old.zip",
                entries(
                        "Habits.csv",
                        "Position,Name,Description,NumRepetitions,Interval,Color\n"
                                + "001,Floss,Did you floss?,1,1,#388E3C\n"
                                + "002,Pushups,How many?,1,1,#303F9F\n",
                        "001 Floss/Checkmarks.csv",
                        "2016-01-03,2\n2016-01-02,1\n2016-01-01,2\n",
                        "002 Pushups/Checkmarks.csv",
                        "2016-01-02,20000\n2016-01-01,15000\n"));

        Archive a = reader.read(file, ImportLimits.DEFAULTS);

        ArchivedHabit floss = habit(a, "Floss");
        assertThat(floss.type()).isEqualTo("boolean");
        assertThat(floss.description()).isEqualTo("Did you floss?");
        assertThat(floss.days())
                .extracting(ArchivedDay::date)
                .containsExactly(LocalDate.of(2016, 1, 1), LocalDate.of(2016, 1, 3));
        ArchivedHabit pushups = habit(a, "Pushups");
        assertThat(pushups.type()).isEqualTo("count");
        assertThat(pushups.days())
                .extracting(ArchivedDay::value)
                .usingElementComparator(BigDecimal::compareTo)
                .containsExactly(new BigDecimal("15"), new BigDecimal("20"));
    }

    @Test
    void leavesOutLinesItCannotRead() throws Exception {
        Path file = zip(
                dir,
                "bad.zip",
                entries(
                        "Habits.csv", "Position,Name\n001,Read\n",
                        "001 Read/Checkmarks.csv",
                                "Date,Value,Notes\n2025-13-01,YES_MANUAL,\n2025-01-02,MAYBE,\n2025-01-03,YES_MANUAL,\n"));

        Archive a = reader.read(file, ImportLimits.DEFAULTS);

        assertThat(habit(a, "Read").days()).hasSize(1);
        assertThat(a.skipped()).isEqualTo(2);
    }

    @Test
    void refusesAZipWithoutHabitsCsv() throws Exception {
        Path file = zip(dir, "x.zip", entries("habits.txt", "nothing"));
        assertThat(refused(() -> reader.read(file, ImportLimits.DEFAULTS)).status())
                .isEqualTo(422);
    }

    @Test
    void recognisesLoopsZipByItsEntries() throws Exception {
        assertThat(reader.recognises(Formats.sniff(export2025(), "application/zip", ImportLimits.DEFAULTS)))
                .isTrue();
        Path ours = zip(dir, "ours.zip", entries("habits.csv", "habit\n", "habits/read.csv", "habit,date\n"));
        assertThat(reader.recognises(Formats.sniff(ours, null, ImportLimits.DEFAULTS)))
                .isFalse();
    }
}
