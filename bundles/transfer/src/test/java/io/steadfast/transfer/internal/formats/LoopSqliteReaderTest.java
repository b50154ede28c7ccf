package io.steadfast.transfer.internal.formats;

import static io.steadfast.transfer.internal.formats.Fixtures.habit;
import static io.steadfast.transfer.internal.formats.Fixtures.millis;
import static io.steadfast.transfer.internal.formats.Fixtures.refused;
import static java.time.DayOfWeek.FRIDAY;
import static java.time.DayOfWeek.MONDAY;
import static java.time.DayOfWeek.THURSDAY;
import static java.time.DayOfWeek.TUESDAY;
import static java.time.DayOfWeek.WEDNESDAY;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.steadfast.habit.api.Schedule;
import io.steadfast.transfer.internal.archive.Archive;
import io.steadfast.transfer.internal.archive.ArchivedDay;
import io.steadfast.transfer.internal.archive.ArchivedHabit;
import io.steadfast.transfer.internal.archive.ArchivedReminder;
import io.steadfast.transfer.internal.archive.ImportLimits;
import io.steadfast.transfer.internal.archive.ImportRefused;

class LoopSqliteReaderTest {

    private static final LocalDate MARCH_1 = LocalDate.of(2024, 3, 1);

    private final LoopSqliteReader reader = new LoopSqliteReader();

    @TempDir
    Path dir;

    /** The schema as Loop's migrations 09 to 25 leave it (DATABASE_VERSION 25), with Android's metadata table. */
    static final String[] LOOP_SCHEMA = {
        "CREATE TABLE android_metadata (locale TEXT)",
        "INSERT INTO android_metadata VALUES ('en_US')",
        "CREATE TABLE Habits (id integer primary key autoincrement, archived integer, color integer, description text,"
                + " freq_den integer, freq_num integer, highlight integer, name text, position integer,"
                + " reminder_hour integer, reminder_min integer, reminder_days integer not null default 127,"
                + " type integer not null default 0, target_type integer not null default 0,"
                + " target_value real not null default 0, unit text not null default \"\", question text, uuid text)",
        "CREATE TABLE Repetitions (id integer primary key autoincrement, habit integer not null references habits(id),"
                + " timestamp integer not null, value integer not null, notes text)",
        "CREATE UNIQUE INDEX idx_repetitions_habit_timestamp on Repetitions(habit, timestamp)",
        "CREATE TABLE Events (id integer primary key autoincrement, timestamp integer, message text, server_id integer)",
        "PRAGMA user_version = 25"
    };

    static Path loopBackup(Path file, String... more) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
                Statement s = c.createStatement()) {
            for (String sql : LOOP_SCHEMA) {
                s.execute(sql);
            }
            // id, archived, color, description, freq_den, freq_num, name, position, hour, min, days, type,
            // target_type, target_value, unit, question, uuid
            insertHabit(
                    c,
                    1,
                    0,
                    3,
                    "Ten minutes, eyes closed",
                    1,
                    1,
                    "Meditate",
                    0,
                    8,
                    30,
                    124,
                    0,
                    0,
                    0,
                    "",
                    "Did you meditate today?",
                    "6f1b0d3e9a7c4e2b8d5f0a1c2b3d4e5f");
            insertHabit(c, 2, 0, 8, "", 7, 3, "Gym", 1, null, null, 127, 0, 0, 0, "", "", null);
            insertHabit(
                    c,
                    3,
                    0,
                    11,
                    "",
                    7,
                    1,
                    "Run",
                    2,
                    null,
                    null,
                    127,
                    1,
                    0,
                    10,
                    "km",
                    "How far did you run?",
                    "run-uuid");
            insertHabit(c, 4, 1, 19, "", 1, 1, "Coffee", 3, 9, 0, 127, 1, 1, 2, "cups", "", "coffee-uuid");
            insertHabit(c, 5, 0, 0, "", 2, 1, "Water the plants", 4, null, null, 127, 0, 0, 0, "", "", "plants-uuid");
            rep(c, 1, MARCH_1, Loop.YES_MANUAL, "");
            rep(c, 1, MARCH_1.plusDays(1), Loop.YES_AUTO, "");
            rep(c, 1, MARCH_1.plusDays(2), Loop.SKIP, "");
            rep(c, 1, MARCH_1.plusDays(3), Loop.NO, "tired");
            rep(c, 1, MARCH_1.plusDays(4), Loop.YES_MANUAL, "great session");
            rep(c, 1, MARCH_1.plusDays(5), Loop.NO, "");
            rep(c, 2, MARCH_1.plusDays(7), Loop.YES_MANUAL, null);
            rep(c, 3, MARCH_1.plusDays(1), 5250, "");
            rep(c, 3, MARCH_1.plusDays(2), Loop.SKIP, "");
            rep(c, 3, MARCH_1.plusDays(3), Loop.UNKNOWN, "");
            rep(c, 4, MARCH_1, 1000, "");
            rep(c, 4, MARCH_1.plusDays(1), 0, "");
            rep(c, 99, MARCH_1, Loop.YES_MANUAL, "");
            for (String sql : more) {
                s.execute(sql);
            }
        }
        return file;
    }

    static void insertHabit(Connection c, Object... values) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("INSERT INTO Habits (id, archived, color, description, freq_den,"
                + " freq_num, name, position, reminder_hour, reminder_min, reminder_days, type, target_type,"
                + " target_value, unit, question, uuid, highlight) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,0)")) {
            for (int i = 0; i < values.length; i++) {
                p.setObject(i + 1, values[i]);
            }
            p.executeUpdate();
        }
    }

    static void rep(Connection c, int habit, LocalDate day, int value, String notes) throws SQLException {
        try (PreparedStatement p =
                c.prepareStatement("INSERT INTO Repetitions (habit, timestamp, value, notes) VALUES (?,?,?,?)")) {
            p.setInt(1, habit);
            p.setLong(2, millis(day));
            p.setInt(3, value);
            p.setString(4, notes);
            p.executeUpdate();
        }
    }

    private Archive read(Path file) throws IOException {
        return reader.read(file, ImportLimits.DEFAULTS);
    }

    @Test
    void readsALoopBackup() throws Exception {
        Archive a = read(loopBackup(dir.resolve("Loop Habits Backup 2024-03-10.db")));

        assertThat(a.format()).isEqualTo("loop-sqlite");
        assertThat(a.habits())
                .extracting(ArchivedHabit::name)
                .containsExactly("Meditate", "Gym", "Run", "Coffee", "Water the plants");

        ArchivedHabit meditate = habit(a, "Meditate");
        assertThat(meditate.sourceId()).isEqualTo("6f1b0d3e9a7c4e2b8d5f0a1c2b3d4e5f");
        assertThat(meditate.type()).isEqualTo("boolean");
        assertThat(meditate.target()).isNull();
        assertThat(meditate.description()).isEqualTo("Did you meditate today?\n\nTen minutes, eyes closed");
        assertThat(meditate.schedule()).isEqualTo(new Schedule.Daily());
        assertThat(meditate.color()).isEqualTo("#ff8f00");
        assertThat(meditate.archived()).isFalse();
        assertThat(meditate.startDate()).isEqualTo(MARCH_1);
        assertThat(meditate.reminders())
                .containsExactly(new ArchivedReminder(
                        LocalTime.of(8, 30), Set.of(MONDAY, TUESDAY, WEDNESDAY, THURSDAY, FRIDAY), true));
        assertThat(meditate.days())
                .containsExactly(
                        new ArchivedDay(MARCH_1, null, null, false),
                        // YES_AUTO (March 2) is not a check-in; a skip is a skipped day
                        new ArchivedDay(MARCH_1.plusDays(2), null, null, true),
                        // a NO with a note keeps the note, as an explicit no
                        new ArchivedDay(MARCH_1.plusDays(3), BigDecimal.ZERO, "tired", false),
                        new ArchivedDay(MARCH_1.plusDays(4), null, "great session", false));

        ArchivedHabit gym = habit(a, "Gym");
        assertThat(gym.sourceId()).isEqualTo("id:2");
        assertThat(gym.schedule()).isEqualTo(new Schedule.TimesPerWeek(3));
        assertThat(gym.description()).isNull();
        assertThat(gym.color()).isEqualTo("#00897b");
        assertThat(gym.reminders()).isEmpty();

        ArchivedHabit run = habit(a, "Run");
        assertThat(run.type()).isEqualTo("count");
        assertThat(run.unit()).isEqualTo("km");
        assertThat(run.schedule()).isEqualTo(new Schedule.Daily());
        assertThat(run.target()).isEqualByComparingTo("1.43"); // 10 km a week, per day, rounded up
        assertThat(run.days())
                .containsExactly(
                        new ArchivedDay(MARCH_1.plusDays(1), new BigDecimal("5.25"), null, false),
                        new ArchivedDay(MARCH_1.plusDays(2), null, null, true));
        assertThat(a.warnings()).anySatisfy(w -> assertThat(w)
                .isEqualTo("habit 'Run': Loop's target of at least 10 km per week became 1.43 km per day:"
                        + " Steadfast's targets are daily."));

        ArchivedHabit coffee = habit(a, "Coffee");
        assertThat(coffee.type()).isEqualTo("limit");
        assertThat(coffee.target()).isEqualByComparingTo("2");
        assertThat(coffee.archived()).isTrue();
        assertThat(coffee.color()).isEqualTo("#aaaaaa");
        assertThat(coffee.reminders()).containsExactly(new ArchivedReminder(LocalTime.of(9, 0), Set.of(), false));
        assertThat(coffee.days())
                .extracting(ArchivedDay::value)
                .usingElementComparator(BigDecimal::compareTo)
                .containsExactly(BigDecimal.ONE, BigDecimal.ZERO);

        ArchivedHabit plants = habit(a, "Water the plants");
        assertThat(plants.schedule()).isEqualTo(new Schedule.EveryNDays(2));
        assertThat(plants.days()).isEmpty();
        assertThat(plants.startDate()).isNull();

        // the YES_AUTO day and the record of a habit that is gone
        assertThat(a.skipped()).isEqualTo(2);
        assertThat(a.warnings()).anySatisfy(w -> assertThat(w).contains("1 days that Loop showed as done only"));
        assertThat(a.warnings()).anySatisfy(w -> assertThat(w).contains("records of habits that are no longer"));
    }

    @Test
    void neverChangesTheFileAndRunsNothingOfIt() throws Exception {
        Path file = loopBackup(
                dir.resolve("loop.db"),
                "CREATE TABLE Audit (what text)",
                "CREATE TRIGGER t AFTER UPDATE ON Habits BEGIN INSERT INTO Audit VALUES ('changed'); END",
                "CREATE VIEW Evil AS SELECT * FROM Habits, Habits, Habits");
        byte[] before = Files.readAllBytes(file);

        Archive a = read(file);

        assertThat(a.habits()).hasSize(5);
        assertThat(Files.readAllBytes(file)).isEqualTo(before);
        assertThat(Files.list(dir)).containsExactly(file); // no journal, no WAL, no copy left behind
    }

    @Test
    void readsOlderBackupsWithTheColumnsTheyHave() throws Exception {
        // version 12, as Loop 1.4 wrote it: no type, no value, no notes, no uuid; colours as Android colour ints
        Path file = dir.resolve("old.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
                Statement s = c.createStatement()) {
            s.execute("CREATE TABLE android_metadata (locale TEXT)");
            s.execute("CREATE TABLE Habits (Id INTEGER PRIMARY KEY AUTOINCREMENT, archived INTEGER, color INTEGER,"
                    + " description TEXT, freq_den INTEGER, freq_num INTEGER, highlight INTEGER, name TEXT,"
                    + " position INTEGER, reminder_days INTEGER, reminder_hour INTEGER, reminder_min INTEGER)");
            s.execute("CREATE TABLE Repetitions (Id INTEGER PRIMARY KEY AUTOINCREMENT, habit INTEGER REFERENCES"
                    + " Habits(Id), timestamp INTEGER)");
            s.execute("INSERT INTO Habits VALUES (15, 0, -16742021, 'Wake up before 7?', 7, 3, 0, 'Wake up early', 0,"
                    + " 127, NULL, NULL)");
            s.execute("INSERT INTO Repetitions VALUES (306, 15, " + millis(LocalDate.of(2016, 1, 1)) + ")");
            s.execute("INSERT INTO Repetitions VALUES (307, 15, NULL)");
            s.execute("PRAGMA user_version = 12");
        }

        Archive a = read(file);

        ArchivedHabit h = habit(a, "Wake up early");
        assertThat(h.sourceId()).isEqualTo("id:15");
        assertThat(h.description()).isEqualTo("Wake up before 7?"); // the question, before version 23
        assertThat(h.color()).isEqualTo("#00897b");
        assertThat(h.schedule()).isEqualTo(new Schedule.TimesPerWeek(3));
        assertThat(h.days()).containsExactly(new ArchivedDay(LocalDate.of(2016, 1, 1), null, null, false));
    }

    @Test
    void readsABackupInWalMode() throws Exception {
        Path file = loopBackup(dir.resolve("wal.db"));
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
                Statement s = c.createStatement()) {
            s.execute("PRAGMA journal_mode = WAL");
        }
        Files.deleteIfExists(dir.resolve("wal.db-wal"));
        Files.deleteIfExists(dir.resolve("wal.db-shm"));

        assertThat(read(file).habits()).hasSize(5);
    }

    @Test
    void refusesASqliteFileThatIsNotLoops() throws Exception {
        Path file = dir.resolve("other.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
                Statement s = c.createStatement()) {
            s.execute("CREATE TABLE notes (id integer primary key, body text)");
        }

        ImportRefused e = refused(() -> read(file));

        assertThat(e.status()).isEqualTo(422);
        assertThat(e.getMessage()).isEqualTo("This SQLite file is not a Loop Habit Tracker backup.");
    }

    @Test
    void refusesLoopsTablesThatAreViewsOrLackColumns() throws Exception {
        Path views = dir.resolve("views.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + views);
                Statement s = c.createStatement()) {
            s.execute("CREATE TABLE h (id, name, freq_num, freq_den, archived, position)");
            s.execute(
                    "CREATE VIEW Habits AS WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n)"
                            + " SELECT x AS id, 'a' AS name, 1 AS freq_num, 1 AS freq_den, 0 AS archived, x AS position FROM n");
            s.execute("CREATE TABLE Repetitions (habit, timestamp)");
        }
        Path columns = dir.resolve("columns.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + columns);
                Statement s = c.createStatement()) {
            s.execute("CREATE TABLE Habits (id, name)");
            s.execute("CREATE TABLE Repetitions (habit, timestamp)");
        }

        assertThat(refused(() -> read(views)).getMessage()).contains("not a Loop Habit Tracker backup");
        assertThat(refused(() -> read(columns)).getMessage()).contains("not a Loop Habit Tracker backup");
    }

    @Test
    void refusesADamagedOrTruncatedFile() throws Exception {
        Path good = loopBackup(dir.resolve("good.db"));
        byte[] bytes = Files.readAllBytes(good);
        Path truncated = Fixtures.bytes(dir, "truncated.db", Arrays.copyOf(bytes, bytes.length / 2));
        byte[] garbage = Arrays.copyOf("SQLite format 3\0".getBytes(), 8192);
        Arrays.fill(garbage, 16, garbage.length, (byte) 0x5a);
        Path corrupt = Fixtures.bytes(dir, "corrupt.db", garbage);
        Path magicOnly = Fixtures.bytes(dir, "magic.db", "SQLite format 3\0".getBytes());

        for (Path f : new Path[] {truncated, corrupt, magicOnly}) {
            ImportRefused e = refused(() -> read(f));
            assertThat(e.status()).as(f.toString()).isEqualTo(422);
            assertThat(e.getMessage())
                    .as(f.toString())
                    .satisfiesAnyOf(m -> assertThat(m).contains("damaged or incomplete"), m -> assertThat(m)
                            .contains("not a Loop Habit Tracker backup"));
        }
    }

    @Test
    void refusesMoreHabitsOrDaysThanTheLimits() throws Exception {
        Path file = loopBackup(dir.resolve("loop.db"));

        ImportRefused habits = refused(() -> reader.read(file, Fixtures.limits(4, 100)));
        ImportRefused days = refused(() -> reader.read(file, Fixtures.limits(10, 5)));

        assertThat(habits.status()).isEqualTo(413);
        assertThat(habits.getMessage()).contains("more than 4 habits");
        assertThat(days.status()).isEqualTo(413);
        assertThat(days.getMessage()).contains("more than 5 day records");
    }

    @Test
    void recognisesSqliteByItsMagic() throws Exception {
        Path file = loopBackup(dir.resolve("x.bin"));
        assertThat(reader.recognises(Formats.sniff(file, null, ImportLimits.DEFAULTS)))
                .isTrue();
        assertThat(reader.recognises(
                        Formats.sniff(Fixtures.text(dir, "a.db", "habit,date\n"), null, ImportLimits.DEFAULTS)))
                .isFalse();
    }
}
