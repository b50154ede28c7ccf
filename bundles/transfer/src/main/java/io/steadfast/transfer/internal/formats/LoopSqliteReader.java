package io.steadfast.transfer.internal.formats;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.sqlite.SQLiteConfig;

import io.steadfast.habit.api.Schedule;
import io.steadfast.transfer.internal.archive.Archive;
import io.steadfast.transfer.internal.archive.ArchiveReader;
import io.steadfast.transfer.internal.archive.ArchivedDay;
import io.steadfast.transfer.internal.archive.ArchivedHabit;
import io.steadfast.transfer.internal.archive.ArchivedReminder;
import io.steadfast.transfer.internal.archive.FileSniff;
import io.steadfast.transfer.internal.archive.ImportLimits;
import io.steadfast.transfer.internal.archive.ImportRefused;

/**
 * Loop Habit Tracker's full backup ({@code Settings → Export full backup}): its SQLite database. The file is copied
 * into a fresh temporary folder (so no journal or WAL file of anyone else's is ever next to it) and opened read-only
 * and immutable, with {@code trusted_schema} off and extensions never loaded; then it is checked ({@code quick_check})
 * and only two tables are read, with plain {@code SELECT}s: {@code Habits} and {@code Repetitions}, which must be
 * tables (not views) with Loop's columns. Nothing written in the file (a view, a trigger, a default) is run.
 * <p>
 * Older backups (before Loop's database version 25) are read as they are: the columns that came later are taken as
 * their defaults, and the colours of versions before 21 are translated from the palette of their time.
 */
final class LoopSqliteReader implements ArchiveReader {

    static final String FORMAT = "loop-sqlite";

    private static final byte[] MAGIC = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);

    /** The longest any one statement may run (a hostile file's slow page layout cannot hold the import forever). */
    private static final int QUERY_SECONDS = 60;

    private static final String NOT_LOOP = "This SQLite file is not a Loop Habit Tracker backup.";
    private static final String DAMAGED =
            "This Loop Habit Tracker backup is damaged or incomplete and cannot be read. Export it again from Loop.";

    private static final Set<String> HABIT_COLUMNS =
            Set.of("id", "name", "freq_num", "freq_den", "archived", "position");
    private static final Set<String> REPETITION_COLUMNS = Set.of("habit", "timestamp");

    @Override
    public String format() {
        return FORMAT;
    }

    @Override
    public boolean recognises(FileSniff sniff) {
        return Formats.startsWith(sniff.head(), MAGIC);
    }

    @Override
    public Archive read(Path file, ImportLimits limits) throws IOException {
        return Guard.read(FORMAT, () -> readFile(file, limits));
    }

    private Archive readFile(Path file, ImportLimits limits) throws IOException {
        Path dir = Files.createTempDirectory("steadfast-loop-");
        Path copy = dir.resolve("backup.db");
        try {
            Files.copy(file, copy, StandardCopyOption.REPLACE_EXISTING);
            try (Connection db = open(copy)) {
                return read(db, limits);
            } catch (SQLException e) {
                throw ImportRefused.unreadable(DAMAGED);
            }
        } finally {
            Files.deleteIfExists(copy);
            Files.deleteIfExists(dir);
        }
    }

    private static Connection open(Path copy) throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        config.enableLoadExtension(false);
        // the driver is used directly, not through DriverManager (which cannot see it across OSGi bundles)
        Connection db = config.createConnection("jdbc:sqlite:" + copy.toUri() + "?mode=ro&immutable=1");
        try (Statement s = db.createStatement()) {
            s.execute("PRAGMA trusted_schema = OFF");
            s.execute("PRAGMA query_only = ON");
        } catch (SQLException e) {
            db.close();
            throw e;
        }
        return db;
    }

    private Archive read(Connection db, ImportLimits limits) throws SQLException {
        try (Statement s = db.createStatement()) {
            s.setQueryTimeout(QUERY_SECONDS);
            try (ResultSet r = s.executeQuery("PRAGMA quick_check(1)")) {
                if (!r.next() || !"ok".equalsIgnoreCase(r.getString(1))) {
                    throw ImportRefused.unreadable(DAMAGED);
                }
            }
            int version;
            try (ResultSet r = s.executeQuery("PRAGMA user_version")) {
                version = r.next() ? r.getInt(1) : 0;
            }
            Set<String> habitColumns = checkTable(s, "Habits", HABIT_COLUMNS);
            Set<String> repetitionColumns = checkTable(s, "Repetitions", REPETITION_COLUMNS);

            Collector out = new Collector(FORMAT, limits);
            List<HabitRow> rows = habits(s, habitColumns, version, out);
            Map<Long, List<Repetition>> repetitions = repetitions(s, repetitionColumns, rows, out);
            int auto = 0;
            for (HabitRow h : rows) {
                auto += habit(h, repetitions.getOrDefault(h.id, List.of()), out);
            }
            if (auto > 0) {
                out.skip(auto);
                out.warn(auto + " days that Loop showed as done only because the habit's frequency did not ask for"
                        + " them were left out: they were not check-ins.");
            }
            if (version > 26) {
                out.warn(
                        "This backup is from a newer Loop version than this importer knows; what it added was left out.");
            }
            return out.archive();
        }
    }

    /** The table's columns (lower case) when it is a plain table with the columns Loop's has; otherwise refused. */
    private static Set<String> checkTable(Statement s, String table, Set<String> required) throws SQLException {
        try (ResultSet r = s.executeQuery(
                "SELECT type, sql FROM sqlite_master WHERE lower(name) = '" + table.toLowerCase(Locale.ROOT) + "'")) {
            if (!r.next()) {
                throw ImportRefused.unreadable(NOT_LOOP);
            }
            String sql = r.getString(2);
            if (!"table".equals(r.getString(1))
                    || sql == null
                    || sql.strip().toUpperCase(Locale.ROOT).startsWith("CREATE VIRTUAL")) {
                throw ImportRefused.unreadable(NOT_LOOP);
            }
        }
        Set<String> columns = new LinkedHashSet<>();
        try (ResultSet r = s.executeQuery("PRAGMA table_info(" + table + ")")) {
            while (r.next()) {
                columns.add(r.getString("name").toLowerCase(Locale.ROOT));
            }
        }
        if (!columns.containsAll(required)) {
            throw ImportRefused.unreadable(NOT_LOOP);
        }
        return columns;
    }

    private record HabitRow(
            long id,
            String uuid,
            String name,
            String description,
            String question,
            boolean archived,
            Integer color,
            int freqNum,
            int freqDen,
            Integer reminderHour,
            Integer reminderMin,
            int reminderDays,
            int type,
            int targetType,
            double targetValue,
            String unit,
            int version) {

        boolean numerical() {
            return type == 1;
        }
    }

    private record Repetition(long timestamp, long value, String notes) {}

    private static String column(Set<String> columns, String name, String otherwise) {
        return columns.contains(name) ? name : otherwise + " AS " + name;
    }

    private static List<HabitRow> habits(Statement s, Set<String> c, int version, Collector out) throws SQLException {
        String sql = "SELECT id, name, archived, freq_num, freq_den, "
                + String.join(
                        ", ",
                        column(c, "uuid", "NULL"),
                        column(c, "description", "NULL"),
                        column(c, "question", "NULL"),
                        column(c, "color", "NULL"),
                        column(c, "reminder_hour", "NULL"),
                        column(c, "reminder_min", "NULL"),
                        column(c, "reminder_days", "127"),
                        column(c, "type", "0"),
                        column(c, "target_type", "0"),
                        column(c, "target_value", "0"),
                        column(c, "unit", "''"))
                + " FROM Habits ORDER BY position, id";
        List<HabitRow> rows = new ArrayList<>();
        try (ResultSet r = s.executeQuery(sql)) {
            while (r.next()) {
                out.habitSeen();
                String description = r.getString("description");
                String question = r.getString("question");
                if (!c.contains("question")) { // before version 23 the description was the question
                    question = description;
                    description = null;
                }
                rows.add(new HabitRow(
                        r.getLong("id"),
                        r.getString("uuid"),
                        r.getString("name"),
                        description,
                        question,
                        r.getInt("archived") != 0,
                        r.getObject("color") == null ? null : r.getInt("color"),
                        r.getInt("freq_num"),
                        r.getInt("freq_den"),
                        r.getObject("reminder_hour") == null ? null : r.getInt("reminder_hour"),
                        r.getObject("reminder_min") == null ? null : r.getInt("reminder_min"),
                        r.getInt("reminder_days"),
                        r.getInt("type"),
                        r.getInt("target_type"),
                        r.getDouble("target_value"),
                        r.getString("unit"),
                        version));
            }
        }
        return rows;
    }

    private static Map<Long, List<Repetition>> repetitions(
            Statement s, Set<String> c, List<HabitRow> habits, Collector out) throws SQLException {
        Map<Long, List<Repetition>> byHabit = new HashMap<>();
        for (HabitRow h : habits) {
            byHabit.put(h.id, new ArrayList<>());
        }
        String sql = "SELECT habit, timestamp, "
                + column(c, "value", "2") + ", " + column(c, "notes", "NULL")
                + " FROM Repetitions WHERE habit IS NOT NULL AND timestamp IS NOT NULL ORDER BY habit, timestamp";
        int orphans = 0;
        int rows = 0;
        try (ResultSet r = s.executeQuery(sql)) {
            while (r.next()) {
                if (++rows > out.limits().maxRows() * 2L) { // YES_AUTO rows are not counted as days; this bounds them
                    throw ImportRefused.tooLarge("The file holds more than "
                            + out.limits().maxRows() + " day records, more than can be imported at once.");
                }
                List<Repetition> list = byHabit.get(r.getLong(1));
                if (list == null) {
                    orphans++;
                    continue;
                }
                list.add(new Repetition(r.getLong(2), r.getLong(3), r.getString(4)));
            }
        }
        if (orphans > 0) {
            out.skip(orphans);
            out.warn(orphans + " records of habits that are no longer in the backup were left out.");
        }
        return byHabit;
    }

    /** Adds a habit; returns how many YES_AUTO days it left out. */
    private static int habit(HabitRow h, List<Repetition> repetitions, Collector out) {
        String name = out.name(h.name, "Loop habit " + h.id);
        String label = "habit '" + name + "'";
        String question = out.text(h.question, Collector.DESCRIPTION_MAX, label + ": its question");
        String details = out.text(h.description, Collector.DESCRIPTION_MAX, label + ": its description");
        String description = question == null ? details : details == null ? question : question + "\n\n" + details;
        description = out.text(description, Collector.DESCRIPTION_MAX, label + ": its question and description");

        String type = "boolean";
        BigDecimal target = null;
        String unit = null;
        Schedule schedule;
        boolean atMost = false;
        if (h.numerical()) {
            atMost = h.targetType == 1;
            type = atMost ? "limit" : "count";
            unit = out.text(h.unit, Collector.UNIT_MAX, label + ": its unit");
            BigDecimal loopTarget = Collector.storable(BigDecimal.valueOf(Math.max(0, h.targetValue)));
            if (loopTarget == null) {
                loopTarget = BigDecimal.ZERO;
                out.warn(label + ": its target was out of range; it is now 0.");
            }
            int den = h.freqDen <= 0 ? 1 : h.freqDen;
            target = Collector.plain(Loop.dailyTarget(loopTarget, den, !atMost));
            schedule = new Schedule.Daily();
            if (den > 1) {
                String per = den == 7 ? "week" : den == 30 || den == 31 ? "month" : den + " days";
                out.warn(label + ": Loop's target of " + (atMost ? "at most " : "at least ")
                        + loopTarget.toPlainString() + (unit == null ? "" : " " + unit) + " per " + per
                        + " became " + target.toPlainString() + (unit == null ? "" : " " + unit)
                        + " per day: Steadfast's targets are daily.");
            }
        } else {
            Loop.Frequency f = Loop.frequency(h.freqNum, h.freqDen);
            schedule = f.schedule();
            if (f.warning() != null) {
                out.warn(label + ": " + f.warning() + ".");
            }
        }

        List<ArchivedReminder> reminders = new ArrayList<>();
        if (h.reminderHour != null && h.reminderMin != null) {
            if (h.reminderHour >= 0 && h.reminderHour < 24 && h.reminderMin >= 0 && h.reminderMin < 60) {
                reminders.add(new ArchivedReminder(
                        LocalTime.of(h.reminderHour, h.reminderMin), Loop.weekdays(h.reminderDays), !atMost));
            } else {
                out.warn(label + ": its reminder at an impossible time was left out.");
            }
        }

        Collector.Days days = out.days();
        int auto = 0;
        int bad = 0;
        for (Repetition r : repetitions) {
            LocalDate date =
                    Instant.ofEpochMilli(r.timestamp).atOffset(ZoneOffset.UTC).toLocalDate();
            if (!Collector.inRange(date)) {
                bad++;
                continue;
            }
            String note = out.text(r.notes, Collector.NOTE_MAX, label + ": a note of " + date);
            ArchivedDay day;
            if (r.value == Loop.SKIP) {
                day = new ArchivedDay(date, null, note, true);
            } else if (h.numerical()) {
                if (r.value == Loop.UNKNOWN) {
                    day = note == null ? null : new ArchivedDay(date, null, note, false);
                } else if (r.value < 0) {
                    bad++;
                    continue;
                } else {
                    BigDecimal amount = Collector.storable(Loop.amount(r.value));
                    if (amount == null) {
                        bad++;
                        continue;
                    }
                    day = new ArchivedDay(date, amount, note, false);
                }
            } else if (r.value == Loop.YES_MANUAL) {
                day = new ArchivedDay(date, null, note, false);
            } else if (r.value == Loop.YES_AUTO) {
                auto++;
                day = note == null ? null : new ArchivedDay(date, BigDecimal.ZERO, note, false);
            } else if (r.value == Loop.NO || r.value == Loop.UNKNOWN) {
                day = note == null ? null : new ArchivedDay(date, BigDecimal.ZERO, note, false); // a note kept
            } else {
                bad++;
                continue;
            }
            if (day != null) {
                days.put(day);
            }
        }
        if (bad > 0) {
            out.skip(bad);
            out.warn(label + ": " + bad + " records with a date or value Steadfast cannot keep were left out.");
        }
        String sourceId = h.uuid == null || h.uuid.isBlank() ? "id:" + h.id : h.uuid.strip();
        out.add(new ArchivedHabit(
                sourceId,
                name,
                description,
                type,
                target,
                unit,
                schedule,
                days.first(),
                Loop.color(h.color, h.version),
                null,
                h.archived,
                null,
                days.list(),
                reminders));
        return auto;
    }
}
