package io.steadfast.transfer.internal.formats;

import static io.steadfast.transfer.internal.formats.Fixtures.entries;
import static io.steadfast.transfer.internal.formats.Fixtures.habit;
import static io.steadfast.transfer.internal.formats.Fixtures.refused;
import static io.steadfast.transfer.internal.formats.Fixtures.zip;
import static java.time.DayOfWeek.MONDAY;
import static java.time.DayOfWeek.WEDNESDAY;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.steadfast.habit.api.Schedule;
import io.steadfast.transfer.internal.archive.Archive;
import io.steadfast.transfer.internal.archive.ArchivedDay;
import io.steadfast.transfer.internal.archive.ArchivedHabit;
import io.steadfast.transfer.internal.archive.ImportLimits;
import io.steadfast.transfer.internal.archive.ImportRefused;
import io.steadfast.transfer.internal.export.CsvLayout;

class CsvReaderTest {

    private static final LocalDate MAY_1 = LocalDate.of(2024, 5, 1);

    private final CsvReader reader = new CsvReader();

    @TempDir
    Path dir;

    private Archive read(String csv) throws Exception {
        return reader.read(Fixtures.text(dir, "habits.csv", csv), ImportLimits.DEFAULTS);
    }

    private ImportRefused refusal(String csv) {
        return refused(() -> read(csv));
    }

    @Test
    void readsTheGenericFormat() throws Exception {
        Archive a = read(
                """
                habit,date,value,note,status
                Read,2024-05-01,,"chapter 1, 2",done
                Read,2024-05-02,,,skipped
                Water,2024-05-01,8,,
                Water,2024-05-03,6.5,"line one
                line two",
                Read,2024-05-04,1,,
                read ,2024-05-05,0,,
                """);

        assertThat(a.format()).isEqualTo("csv");
        assertThat(a.habits()).extracting(ArchivedHabit::name).containsExactly("Read", "Water");

        ArchivedHabit read = habit(a, "Read");
        assertThat(read.sourceId()).isEqualTo("read");
        assertThat(read.type()).isEqualTo("boolean");
        assertThat(read.target()).isNull();
        assertThat(read.startDate()).isEqualTo(MAY_1);
        assertThat(read.days())
                .containsExactly(
                        new ArchivedDay(MAY_1, null, "chapter 1, 2", false),
                        new ArchivedDay(MAY_1.plusDays(1), null, null, true),
                        new ArchivedDay(MAY_1.plusDays(3), null, null, false),
                        new ArchivedDay(MAY_1.plusDays(4), BigDecimal.ZERO, null, false));

        ArchivedHabit water = habit(a, "Water");
        assertThat(water.type()).isEqualTo("count");
        assertThat(water.target()).isEqualByComparingTo("1");
        assertThat(water.days())
                .containsExactly(
                        new ArchivedDay(MAY_1, new BigDecimal("8"), null, false),
                        new ArchivedDay(MAY_1.plusDays(2), new BigDecimal("6.5"), "line one\nline two", false));
        assertThat(a.warnings())
                .contains("habit 'Water': its values became a count with a daily target of 1; change"
                        + " the target if it should be another.");
    }

    @Test
    void readsColumnsInAnyOrderWithTypeTargetAndUnit() throws Exception {
        Archive a = read(
                """
                Status,Value,Date,Habit,Type,Target,Unit
                ,2,2024-05-01,Coffee,limit,3,cups
                ,71.4,2024-05-01,Weight,measurement,,kg
                ,-1.5,2024-05-02,Temperature delta,measurement,,°C
                """);

        ArchivedHabit coffee = habit(a, "Coffee");
        assertThat(coffee.type()).isEqualTo("limit");
        assertThat(coffee.target()).isEqualByComparingTo("3");
        assertThat(coffee.unit()).isEqualTo("cups");
        assertThat(habit(a, "Weight").type()).isEqualTo("measurement");
        assertThat(habit(a, "Temperature delta").days().get(0).value()).isEqualByComparingTo("-1.5");
    }

    @Test
    void readsSemicolonsABomAndDecimalCommas() throws Exception {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        String csv = "Habit;Date;Value;Note\nLaufen;2024-05-01;5,5;\"Wald; nass\"\n";
        byte[] bytes = new byte[bom.length + csv.getBytes(StandardCharsets.UTF_8).length];
        System.arraycopy(bom, 0, bytes, 0, 3);
        System.arraycopy(csv.getBytes(StandardCharsets.UTF_8), 0, bytes, 3, bytes.length - 3);
        Path file = Fixtures.bytes(dir, "export.csv", bytes);

        Archive a = reader.read(file, ImportLimits.DEFAULTS);

        assertThat(habit(a, "Laufen").days())
                .containsExactly(new ArchivedDay(MAY_1, new BigDecimal("5.5"), "Wald; nass", false));
        assertThat(reader.recognises(Formats.sniff(file, "text/csv", ImportLimits.DEFAULTS)))
                .isTrue();
    }

    @Test
    void takesFormulasAndSqlAsPlainText() throws Exception {
        Archive a = read(
                """
                habit,date,note
                "=HYPERLINK(""http://evil.example"",""x"")",2024-05-01,=1+1
                +cmd|' /C calc'!A0,2024-05-01,@SUM(A1:A9)
                -2+3,2024-05-01,'); DROP TABLE habit; --
                "Robert'); DROP TABLE checkin;--",2024-05-01,"1; DELETE FROM app_user"
                """);

        assertThat(a.habits())
                .extracting(ArchivedHabit::name)
                .containsExactly(
                        "=HYPERLINK(\"http://evil.example\",\"x\")",
                        "+cmd|' /C calc'!A0",
                        "-2+3",
                        "Robert'); DROP TABLE checkin;--");
        assertThat(a.habits())
                .extracting(h -> h.days().get(0).note())
                .containsExactly("=1+1", "@SUM(A1:A9)", "'); DROP TABLE habit; --", "1; DELETE FROM app_user");
    }

    @Test
    void refusesABadDateNamingTheLineAndColumn() {
        ImportRefused e = refusal("habit,date\nRead,2024-05-01\nRead,2024-13-01\n");

        assertThat(e.status()).isEqualTo(422);
        assertThat(e.getMessage()).isEqualTo("line 3 (column date): date '2024-13-01' is not a day like 2024-05-31.");
        assertThat(refusal("habit,date\nRead,31.05.2024\n").getMessage())
                .isEqualTo("line 2 (column date): date '31.05.2024' is not a day like 2024-05-31.");
        assertThat(refusal("habit,date\nRead,1800-01-01\n").getMessage()).contains("is not between 1900-01-01");
    }

    @Test
    void refusesBadValuesStatusesAndNames() {
        assertThat(refusal("habit,date,value\nRead,2024-05-01,lots\n").getMessage())
                .isEqualTo("line 2 (column value): value 'lots' is not a number like 2 or 2.5.");
        assertThat(refusal("habit,date,value\nRead,2024-05-01,=1+1\n").getMessage())
                .contains("value '=1+1' is not a number");
        assertThat(refusal("habit,date,value\nRead,2024-05-01,-3\n").getMessage())
                .contains("must not be negative");
        assertThat(refusal("habit,date,value\nRead,2024-05-01,1.23456\n").getMessage())
                .contains("more than 4 decimal places");
        assertThat(refusal("habit,date,value\nRead,2024-05-01,99999999999\n").getMessage())
                .contains("larger than");
        assertThat(refusal("habit,date,status\nRead,2024-05-01,maybe\n").getMessage())
                .isEqualTo("line 2 (column status): status 'maybe' is not done or skipped.");
        assertThat(refusal("habit,date\n,2024-05-01\n").getMessage())
                .isEqualTo("line 2 (column habit): the habit's name is empty.");
        assertThat(refusal("habit,date,value,type\nRead,2024-05-01,5,boolean\n").getMessage())
                .contains("of a yes/no habit must be 0, 1 or empty");
        assertThat(refusal("name,day\nRead,2024-05-01\n").getMessage())
                .contains("the first line must name the columns habit and date");
        assertThat(refusal("habit,date,note\nRead,2024-05-01,\"never closed\n").getMessage())
                .contains("a quoted cell is not closed");
    }

    @Test
    void keepsTheLastLineOfADateGivenTwice() throws Exception {
        Archive a = read("habit,date,value\nWater,2024-05-01,3\nWater,2024-05-01,5\n");

        assertThat(habit(a, "Water").days()).containsExactly(new ArchivedDay(MAY_1, new BigDecimal("5"), null, false));
        assertThat(a.warnings())
                .contains("habit 'Water': 1 date was given more than once; the last line of each was kept.");
    }

    @Test
    void refusesTextThatIsNotUtf8() throws Exception {
        Path file = Fixtures.bytes(
                dir, "latin1.csv", "habit,date,note\nL\u00e4ufe,2024-05-01,\n".getBytes(StandardCharsets.ISO_8859_1));

        ImportRefused e = refused(() -> reader.read(file, ImportLimits.DEFAULTS));

        assertThat(e.status()).isEqualTo(422);
        assertThat(e.getMessage()).contains("is not UTF-8 text");
    }

    @Test
    void refusesMoreRowsOrHabitsThanTheLimits() throws Exception {
        StringBuilder csv = new StringBuilder("habit,date\n");
        for (int i = 0; i < 20; i++) {
            csv.append("Habit ")
                    .append(i % 4)
                    .append(',')
                    .append(MAY_1.plusDays(i))
                    .append('\n');
        }
        Path file = Fixtures.text(dir, "many.csv", csv.toString());

        ImportRefused rows = refused(() -> reader.read(file, Fixtures.limits(100, 10)));
        ImportRefused habits = refused(() -> reader.read(file, Fixtures.limits(3, 100)));

        assertThat(rows.status()).isEqualTo(413);
        assertThat(rows.getMessage())
                .isEqualTo("The file holds more than 10 day records, more than can be imported at once.");
        assertThat(habits.status()).isEqualTo(413);
        assertThat(habits.getMessage()).contains("more than 3 habits");
    }

    @Test
    void readsAZipOfSteadfastsCsvExport() throws Exception {
        Path file = zip(
                dir,
                "steadfast-export.zip",
                entries(
                        CsvLayout.HABITS_FILE,
                        String.join(",", CsvLayout.HABITS_HEADER) + "\r\n"
                                + "Gym,boolean,,,\"weekdays:MON,WED\",2024-04-01,false,#3366cc,\"Lift, then stretch\"\r\n"
                                + "Water,count,8,glasses,daily,2024-04-15,true,,\r\n"
                                + "Sleep,measurement,,h,times_per_week:5,,false,,\r\n",
                        CsvLayout.daysFile("gym"),
                        String.join(",", CsvLayout.DAYS_HEADER)
                                + "\r\nGym,2024-05-01,,=1+1,done\r\nGym,2024-05-06,,,skipped\r\n",
                        CsvLayout.daysFile("water"),
                        String.join(",", CsvLayout.DAYS_HEADER) + "\r\nWater,2024-05-01,1,,done\r\n",
                        CsvLayout.daysFile("stray"),
                        String.join(",", CsvLayout.DAYS_HEADER) + "\r\nStray,2024-05-02,,,done\r\n",
                        "habits/../../evil.csv",
                        "habit,date\nEvil,2024-05-01\n"));

        Archive a = reader.read(file, ImportLimits.DEFAULTS);

        assertThat(a.format()).isEqualTo("csv");
        assertThat(a.habits()).extracting(ArchivedHabit::name).containsExactly("Gym", "Water", "Sleep", "Stray");
        ArchivedHabit gym = habit(a, "Gym");
        assertThat(gym.schedule()).isEqualTo(Schedule.Weekdays.of(MONDAY, WEDNESDAY));
        assertThat(gym.startDate()).isEqualTo(LocalDate.of(2024, 4, 1));
        assertThat(gym.color()).isEqualTo("#3366cc");
        assertThat(gym.description()).isEqualTo("Lift, then stretch");
        assertThat(gym.days())
                .containsExactly(
                        new ArchivedDay(MAY_1, null, "=1+1", false),
                        new ArchivedDay(LocalDate.of(2024, 5, 6), null, null, true));
        ArchivedHabit water = habit(a, "Water");
        assertThat(water.type()).isEqualTo("count");
        assertThat(water.target()).isEqualByComparingTo("8");
        assertThat(water.unit()).isEqualTo("glasses");
        assertThat(water.archived()).isTrue();
        assertThat(water.days()).containsExactly(new ArchivedDay(MAY_1, BigDecimal.ONE, null, false));
        assertThat(habit(a, "Sleep").schedule()).isEqualTo(new Schedule.TimesPerWeek(5));
        assertThat(habit(a, "Sleep").days()).isEmpty();
        assertThat(a.warnings()).anySatisfy(w -> assertThat(w).contains("names that are not safe"));

        assertThat(new CsvReader().recognises(Formats.sniff(file, null, ImportLimits.DEFAULTS)))
                .isTrue();
    }

    @Test
    void refusesABadScheduleInHabitsCsv() throws Exception {
        Path file = zip(
                dir,
                "bad.zip",
                entries(
                        CsvLayout.HABITS_FILE,
                        String.join(",", CsvLayout.HABITS_HEADER) + "\nGym,boolean,,,fortnightly,,,,\n"));

        assertThat(refused(() -> reader.read(file, ImportLimits.DEFAULTS)).getMessage())
                .startsWith("habits.csv, line 2 (column schedule): schedule 'fortnightly' is not one like daily");
    }
}
