package io.steadfast.transfer.internal.formats;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.steadfast.habit.api.Schedule;
import io.steadfast.transfer.internal.archive.Archive;
import io.steadfast.transfer.internal.archive.ArchiveReader;
import io.steadfast.transfer.internal.archive.ArchivedDay;
import io.steadfast.transfer.internal.archive.ArchivedHabit;
import io.steadfast.transfer.internal.archive.FileSniff;
import io.steadfast.transfer.internal.archive.ImportLimits;
import io.steadfast.transfer.internal.archive.ImportRefused;

/**
 * Loop Habit Tracker's CSV export ({@code Settings → Export as CSV}): a zip with {@code Habits.csv} at its root (one
 * row per habit) and a folder per habit, {@code 001 Name/}, named by the habit's position, with its
 * {@code Checkmarks.csv} ({@code Date,Value,Notes}) and {@code Scores.csv}. The root {@code Checkmarks.csv} and
 * {@code Scores.csv} (every habit as a column) and the scores are not read: scores are computed here.
 * <p>
 * Loop's CSV files changed over its versions, and every form is read: {@code Habits.csv} with
 * {@code NumRepetitions,Interval} (older) or {@code Type,…,FrequencyNumerator,FrequencyDenominator,Unit,Target Type,
 * Target Value,Archived?} (2025); check-ins without a header as numbers ({@code 2} done, {@code 1} implied by the
 * frequency, {@code 0} not done, {@code 3} skipped, {@code -1} unknown; a measurable habit's amount times 1000) or
 * with names ({@code YES_MANUAL}, {@code YES_AUTO}, {@code NO}, {@code SKIP}, {@code UNKNOWN}), measurable amounts
 * as integers (times 1000) or decimals. Without a {@code Type} column a habit is measurable when a value is neither
 * a name nor one of the five codes.
 * <p>
 * A CSV export has no identity for a habit but its name: the source id is {@code csv:} and the name, so importing a
 * later CSV export matches habits by name (a renamed habit comes in as a new one).
 */
final class LoopCsvReader implements ArchiveReader {

    static final String FORMAT = "loop-csv";

    static final String HABITS = "Habits.csv";

    private static final Pattern CHECKMARKS = Pattern.compile("(\\d{1,9})(?: [^/]*)?/Checkmarks\\.csv");

    @Override
    public String format() {
        return FORMAT;
    }

    @Override
    public boolean recognises(FileSniff sniff) {
        List<String> names = sniff.zipEntries();
        return names.contains(HABITS) && names.stream().anyMatch(n -> n.endsWith("Checkmarks.csv"));
    }

    @Override
    public Archive read(Path file, ImportLimits limits) throws IOException {
        return Guard.read(FORMAT, () -> readFile(file, limits));
    }

    private Archive readFile(Path file, ImportLimits limits) throws IOException {
        try (Zip zip = Zip.open(file, limits)) {
            if (!zip.has(HABITS)) {
                throw ImportRefused.unreadable(
                        "This zip is not a Loop Habit Tracker CSV export: it has no Habits.csv.");
            }
            Collector out = new Collector(FORMAT, limits);
            Map<Integer, String> folders = new HashMap<>();
            for (String name : zip.names()) {
                Matcher m = CHECKMARKS.matcher(name);
                if (m.matches()) {
                    folders.putIfAbsent(Integer.parseInt(m.group(1)), name);
                }
            }
            if (zip.ignored() > 0) {
                out.warn(zip.ignored() + " files of the zip with names that are not safe (such as ../) were ignored.");
            }
            for (HabitLine h : habits(zip, out)) {
                String checkmarks = folders.get(h.position);
                List<CsvInput.Row> rows = checkmarks == null ? List.of() : rows(zip, checkmarks);
                habit(h, rows, out);
            }
            return out.archive();
        }
    }

    private record HabitLine(
            int line,
            int position,
            String name,
            String type,
            String question,
            String description,
            String numerator,
            String denominator,
            String color,
            String unit,
            String targetType,
            String targetValue,
            String archived) {}

    private static List<HabitLine> habits(Zip zip, Collector out) throws IOException {
        List<HabitLine> habits = new ArrayList<>();
        try (CsvInput csv = CsvInput.open(zip.open(HABITS), HABITS)) {
            CsvInput.Row header = csv.next();
            if (header == null) {
                return habits;
            }
            int[] c = CsvInput.columns(
                    header.cells(),
                    "Position",
                    "Name",
                    "Type",
                    "Question",
                    "Description",
                    "FrequencyNumerator",
                    "FrequencyDenominator",
                    "NumRepetitions",
                    "Interval",
                    "Color",
                    "Unit",
                    "Target Type",
                    "Target Value",
                    "Archived?");
            if (c[1] < 0) {
                throw ImportRefused.unreadable(
                        "Habits.csv of this zip has no Name column: it is not a Loop Habit Tracker CSV export.");
            }
            int index = 0;
            for (CsvInput.Row r = csv.next(); r != null; r = csv.next()) {
                out.habitSeen();
                index++;
                int position = index;
                String p = r.cell(c[0]);
                if (p != null && p.strip().matches("\\d{1,9}")) {
                    position = Integer.parseInt(p.strip());
                }
                habits.add(new HabitLine(
                        r.line(),
                        position,
                        r.cell(c[1]),
                        r.cell(c[2]),
                        r.cell(c[3]),
                        r.cell(c[4]),
                        c[5] >= 0 ? r.cell(c[5]) : r.cell(c[7]),
                        c[6] >= 0 ? r.cell(c[6]) : r.cell(c[8]),
                        r.cell(c[9]),
                        r.cell(c[10]),
                        r.cell(c[11]),
                        r.cell(c[12]),
                        r.cell(c[13])));
            }
        }
        return habits;
    }

    private static List<CsvInput.Row> rows(Zip zip, String name) throws IOException {
        List<CsvInput.Row> rows = new ArrayList<>();
        try (CsvInput csv = CsvInput.open(zip.open(name), name)) {
            for (CsvInput.Row r = csv.next(); r != null; r = csv.next()) {
                String first = r.cell(0);
                if (r.line() == 1 && first != null && first.strip().equalsIgnoreCase("Date")) {
                    continue; // the header of newer exports
                }
                rows.add(r);
            }
        }
        return rows;
    }

    private static Integer code(String value) {
        if (value == null) {
            return null;
        }
        switch (value.strip().toUpperCase(Locale.ROOT)) {
            case "YES_MANUAL":
                return Loop.YES_MANUAL;
            case "YES_AUTO":
                return Loop.YES_AUTO;
            case "NO":
                return Loop.NO;
            case "SKIP":
                return Loop.SKIP;
            case "UNKNOWN":
            case "":
                return Loop.UNKNOWN;
            default:
                return null;
        }
    }

    private static void habit(HabitLine h, List<CsvInput.Row> rows, Collector out) {
        String name = out.name(h.name, "Loop habit " + h.position);
        String label = "habit '" + name + "'";
        boolean numerical;
        if (h.type != null && !h.type.isBlank()) {
            numerical = h.type.strip().equalsIgnoreCase("NUMERICAL");
        } else {
            numerical = rows.stream().map(r -> r.cell(1)).anyMatch(v -> {
                if (v == null || code(v) != null) {
                    return false;
                }
                String s = v.strip();
                return !s.matches("-1|0|1|2|3");
            });
        }
        String question = out.text(h.question, Collector.DESCRIPTION_MAX, label + ": its question");
        String details = out.text(h.description, Collector.DESCRIPTION_MAX, label + ": its description");
        String description = question == null ? details : details == null ? question : question + "\n\n" + details;
        description = out.text(description, Collector.DESCRIPTION_MAX, label + ": its question and description");

        int num = integer(h.numerator, 1);
        int den = integer(h.denominator, 1);
        String type = "boolean";
        BigDecimal target = null;
        String unit = null;
        Schedule schedule;
        if (numerical) {
            boolean atMost = h.targetType != null && h.targetType.strip().equalsIgnoreCase("AT_MOST");
            type = atMost ? "limit" : "count";
            unit = out.text(h.unit, Collector.UNIT_MAX, label + ": its unit");
            BigDecimal loopTarget = decimal(h.targetValue);
            if (loopTarget == null || loopTarget.signum() < 0) {
                loopTarget = BigDecimal.ZERO;
            }
            int per = den <= 0 ? 1 : den;
            target = Collector.plain(Loop.dailyTarget(loopTarget, per, !atMost));
            schedule = new Schedule.Daily();
            if (per > 1) {
                String period = per == 7 ? "week" : per == 30 || per == 31 ? "month" : per + " days";
                out.warn(label + ": Loop's target of " + (atMost ? "at most " : "at least ")
                        + loopTarget.toPlainString() + (unit == null ? "" : " " + unit) + " per " + period
                        + " became " + target.toPlainString() + (unit == null ? "" : " " + unit)
                        + " per day: Steadfast's targets are daily.");
            }
        } else {
            Loop.Frequency f = Loop.frequency(num, den);
            schedule = f.schedule();
            if (f.warning() != null) {
                out.warn(label + ": " + f.warning() + ".");
            }
        }

        Collector.Days days = out.days();
        int auto = 0;
        int bad = 0;
        for (CsvInput.Row r : rows) {
            LocalDate date;
            try {
                date = LocalDate.parse(r.cell(0) == null ? "" : r.cell(0).strip());
            } catch (DateTimeParseException e) {
                bad++;
                continue;
            }
            if (!Collector.inRange(date)) {
                bad++;
                continue;
            }
            String raw = r.cell(1) == null ? "" : r.cell(1).strip();
            String note = out.text(r.cell(2), Collector.NOTE_MAX, label + ": a note of " + date);
            Integer code = code(raw);
            ArchivedDay day = null;
            if (numerical) {
                if (code != null && code == Loop.SKIP) {
                    day = new ArchivedDay(date, null, note, true);
                } else if (code != null && code == Loop.UNKNOWN) {
                    day = note == null ? null : new ArchivedDay(date, null, note, false);
                } else {
                    BigDecimal amount;
                    if (code != null) {
                        amount = Loop.amount(code); // a small amount Loop wrote as a name
                    } else if (raw.contains(".")) {
                        amount = decimal(raw); // written as a decimal (2024 exports)
                    } else {
                        BigDecimal stored = decimal(raw);
                        amount = stored == null ? null : Collector.plain(stored.movePointLeft(3));
                    }
                    amount = Collector.storable(amount);
                    if (amount == null || amount.signum() < 0) {
                        bad++;
                        continue;
                    }
                    day = new ArchivedDay(date, amount, note, false);
                }
            } else {
                if (code == null && raw.matches("-1|0|1|2|3")) {
                    code = Integer.parseInt(raw);
                }
                if (code == null) {
                    bad++;
                    continue;
                }
                switch (code) {
                    case Loop.YES_MANUAL -> day = new ArchivedDay(date, null, note, false);
                    case Loop.SKIP -> day = new ArchivedDay(date, null, note, true);
                    case Loop.YES_AUTO -> {
                        auto++;
                        day = note == null ? null : new ArchivedDay(date, BigDecimal.ZERO, note, false);
                    }
                    default -> day = note == null ? null : new ArchivedDay(date, BigDecimal.ZERO, note, false);
                }
            }
            if (day != null) {
                days.put(day);
            }
        }
        if (auto > 0) {
            out.skip(auto);
            out.warn(label + ": " + auto + " days Loop showed as done only because of the habit's frequency were"
                    + " left out: they were not check-ins.");
        }
        if (bad > 0) {
            out.skip(bad);
            out.warn(label + ": " + bad + " lines of its Checkmarks.csv with a date or value that cannot be read"
                    + " were left out.");
        }
        boolean archived = h.archived != null && h.archived.strip().equalsIgnoreCase("true");
        out.add(new ArchivedHabit(
                "csv:" + name,
                name,
                description,
                type,
                target,
                unit,
                schedule,
                days.first(),
                Loop.csvColor(h.color),
                null,
                archived,
                null,
                days.list(),
                List.of()));
    }

    private static int integer(String cell, int otherwise) {
        if (cell == null || !cell.strip().matches("\\d{1,6}")) {
            return otherwise;
        }
        return Integer.parseInt(cell.strip());
    }

    private static BigDecimal decimal(String cell) {
        if (cell == null || cell.isBlank()) {
            return null;
        }
        String s = cell.strip();
        if (s.length() > 40 || !s.matches("-?\\d+(\\.\\d+)?")) {
            return null;
        }
        return new BigDecimal(s);
    }
}
