package io.steadfast.transfer.internal.formats;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.steadfast.api.habit.spi.HabitType;
import io.steadfast.api.time.DateLimits;
import io.steadfast.habit.api.Schedule;
import io.steadfast.transfer.internal.archive.Archive;
import io.steadfast.transfer.internal.archive.ArchiveReader;
import io.steadfast.transfer.internal.archive.ArchivedDay;
import io.steadfast.transfer.internal.archive.ArchivedHabit;
import io.steadfast.transfer.internal.archive.FileSniff;
import io.steadfast.transfer.internal.archive.ImportLimits;
import io.steadfast.transfer.internal.archive.ImportRefused;
import io.steadfast.transfer.internal.export.CsvLayout;

/**
 * The generic CSV format (docs/import.md, "A CSV file"): a header row naming the columns {@code habit} and
 * {@code date} (required), {@code value}, {@code note}, {@code status} and, read from the first row of a habit that
 * has them, {@code type}, {@code target} and {@code unit}; in any order, any case. UTF-8 with or without a byte order
 * mark, comma or semicolon delimited (with semicolons, a decimal comma is read too), RFC 4180 quotes. Cells are text
 * and never evaluated. Also a zip of Steadfast's CSV export ({@link CsvLayout}): {@code habits.csv} defines the
 * habits, each {@code habits/<slug>.csv} holds days in the generic format, and {@code photos.csv} lists the
 * check-in photos under {@code photos/} (stored after the days, each on its day).
 * <p>
 * Habits are known by name: their source id is the name in lower case with white space collapsed, so the same
 * habit in another file (or the same file imported again) is matched. A line that cannot be read refuses the whole
 * file, naming its line and column; a date given twice for a habit keeps its last line, with a warning.
 */
final class CsvReader implements ArchiveReader {

    static final String FORMAT = "csv";

    /** The types a {@code type} cell may name without a warning. */
    static final Set<String> TYPES = Set.of("boolean", "count", "limit", "measurement");

    @Override
    public String format() {
        return FORMAT;
    }

    @Override
    public boolean recognises(FileSniff sniff) {
        if (!sniff.zipEntries().isEmpty()) {
            return sniff.zipEntries().contains(CsvLayout.HABITS_FILE);
        }
        if (Heads.binary(sniff.head()) || Formats.startsWith(sniff.head(), Zip.MAGIC)) {
            return false;
        }
        String line = Heads.firstLine(sniff.head());
        char delimiter = CsvInput.delimiter(line.toCharArray(), line.length());
        boolean habit = false;
        boolean date = false;
        for (String cell : line.split(String.valueOf(delimiter), -1)) {
            String c = CsvInput.normalise(cell.replace("\"", ""));
            habit |= c.equals(CsvLayout.HABIT);
            date |= c.equals(CsvLayout.DATE);
        }
        return habit && date;
    }

    @Override
    public Archive read(Path file, ImportLimits limits) throws IOException {
        return Guard.read(FORMAT, () -> readFile(file, limits));
    }

    private Archive readFile(Path file, ImportLimits limits) throws IOException {
        byte[] start;
        try (InputStream in = Files.newInputStream(file)) {
            start = in.readNBytes(4);
        }
        Collector out = new Collector(FORMAT, limits);
        Habits habits = new Habits(out);
        if (Formats.startsWith(start, Zip.MAGIC) || Formats.startsWith(start, Zip.EMPTY_MAGIC)) {
            try (Zip zip = Zip.open(file, limits)) {
                if (zip.has(CsvLayout.HABITS_FILE)) {
                    try (CsvInput csv = CsvInput.open(zip.open(CsvLayout.HABITS_FILE), CsvLayout.HABITS_FILE)) {
                        definitions(csv, habits);
                    }
                }
                for (String name : zip.names()) {
                    if (name.startsWith(CsvLayout.DAYS_FOLDER) && name.endsWith(CsvLayout.EXTENSION)) {
                        try (CsvInput csv = CsvInput.open(zip.open(name), name)) {
                            days(csv, name, habits);
                        }
                    }
                }
                if (zip.has(CsvLayout.PHOTOS_FILE)) {
                    try (CsvInput csv = CsvInput.open(zip.open(CsvLayout.PHOTOS_FILE), CsvLayout.PHOTOS_FILE)) {
                        photos(csv, zip, habits);
                    }
                }
                if (zip.ignored() > 0) {
                    out.warn(zip.ignored()
                            + " files of the zip with names that are not safe (such as ../) were ignored.");
                }
            }
        } else {
            try (CsvInput csv = CsvInput.open(Files.newInputStream(file), null)) {
                days(csv, null, habits);
            }
        }
        habits.finish();
        return out.archive();
    }

    /** A habit's name as a cell gives it: control characters and runs of white space as one space, trimmed. */
    static String clean(String raw) {
        return raw == null ? "" : raw.replaceAll("[\\p{Cntrl}\\s]+", " ").strip();
    }

    /** The source id of a habit's name: NFC, white space collapsed, trimmed, lower case. */
    static String key(String name) {
        return Normalizer.normalize(name, Normalizer.Form.NFC)
                .replaceAll("\\s+", " ")
                .strip()
                .toLowerCase(Locale.ROOT);
    }

    /** One habit as the lines tell it. */
    private static final class Draft {
        final String key;
        final String name;
        final Collector.Days days;
        String type;
        boolean typeGiven;
        BigDecimal target;
        String unit;
        Schedule schedule = new Schedule.Daily();
        LocalDate startDate;
        boolean archived;
        String color;
        String description;
        boolean numbers;
        boolean defined;
        int duplicates;

        Draft(String key, String name, Collector.Days days) {
            this.key = key;
            this.name = name;
            this.days = days;
        }
    }

    /** The habits by key, in the order they first appear. */
    private static final class Habits {
        final Collector out;
        final Map<String, Draft> byKey = new LinkedHashMap<>();

        Habits(Collector out) {
            this.out = out;
        }

        Draft get(String rawName, Line at, String column) {
            String name = clean(rawName);
            if (name.isEmpty()) {
                throw at.refuse(column, "the habit's name is empty");
            }
            if (name.length() > Collector.NAME_MAX) {
                throw at.refuse(column, "the habit's name is longer than " + Collector.NAME_MAX + " characters");
            }
            return byKey.computeIfAbsent(key(name), k -> {
                out.habitSeen();
                return new Draft(k, name, out.days());
            });
        }

        void finish() {
            for (Draft d : byKey.values()) {
                String label = "habit '" + d.name + "'";
                String type = d.type;
                BigDecimal target = d.target;
                if (type == null) {
                    type = d.numbers ? "count" : "boolean";
                    if (d.numbers) {
                        target = target == null ? BigDecimal.ONE : target;
                        out.warn(label + ": its values became a count with a daily target of " + target.toPlainString()
                                + "; change the target if it should be another.");
                    }
                }
                if (("count".equals(type) || "limit".equals(type)) && target == null) {
                    target = "count".equals(type) ? BigDecimal.ONE : BigDecimal.ZERO;
                    out.warn(label + ": it had no target; it is now " + target.toPlainString() + " a day.");
                }
                if (!TYPES.contains(type)) {
                    out.warn(label + ": its type '" + type + "' is not built in; it needs the plugin of that type.");
                }
                if (d.duplicates > 0) {
                    out.warn(label + ": " + d.duplicates + (d.duplicates == 1 ? " date was" : " dates were")
                            + " given more than once; the last line of each was kept.");
                }
                List<ArchivedDay> days = d.days.list();
                if ("boolean".equals(type)) { // a done yes/no day carries no value
                    days = days.stream()
                            .map(day -> day.value() != null && day.value().compareTo(BigDecimal.ONE) == 0
                                    ? new ArchivedDay(day.date(), null, day.note(), day.skipped())
                                    : day)
                            .toList();
                }
                LocalDate start = d.startDate;
                LocalDate first = d.days.first();
                if (start == null || (first != null && first.isBefore(start))) {
                    start = first;
                }
                out.add(new ArchivedHabit(
                        d.key,
                        d.name,
                        d.description,
                        type,
                        "boolean".equals(type) ? null : target,
                        d.unit,
                        d.schedule,
                        start,
                        d.color,
                        null,
                        d.archived,
                        null,
                        days,
                        List.of()));
            }
        }
    }

    /** Where a cell is, for messages: {@code habits.csv, line 12}. */
    private record Line(String file, int number) {

        ImportRefused refuse(String column, String problem) {
            return ImportRefused.unreadable((file == null ? "" : file + ", ") + "line " + number
                    + (column == null ? "" : " (column " + column + ")") + ": " + problem + ".");
        }
    }

    private static void definitions(CsvInput csv, Habits habits) {
        CsvInput.Row header = csv.next();
        if (header == null) {
            return;
        }
        int[] c = CsvInput.columns(
                header.cells(),
                CsvLayout.HABIT,
                CsvLayout.TYPE,
                CsvLayout.TARGET,
                CsvLayout.UNIT,
                CsvLayout.SCHEDULE,
                CsvLayout.START_DATE,
                CsvLayout.ARCHIVED,
                CsvLayout.COLOR,
                CsvLayout.DESCRIPTION);
        if (c[0] < 0) {
            throw new Line(CsvLayout.HABITS_FILE, 1).refuse(null, "there is no column '" + CsvLayout.HABIT + "'");
        }
        Collector out = habits.out;
        for (CsvInput.Row r = csv.next(); r != null; r = csv.next()) {
            Line at = new Line(CsvLayout.HABITS_FILE, r.line());
            if (blank(r)) {
                continue;
            }
            Draft d = habits.get(r.cell(c[0]), at, CsvLayout.HABIT);
            String label = "habit '" + d.name + "'";
            if (d.defined) {
                out.warn(CsvLayout.HABITS_FILE + " names " + label + " twice: CSV files know habits by name, so the"
                        + " days of both are one habit's.");
            }
            d.defined = true;
            type(d, r.cell(c[1]), at);
            if (present(r.cell(c[2]))) {
                d.target = number(r.cell(c[2]), at, CsvLayout.TARGET, false, csv.delimiter());
            }
            d.unit = out.text(r.cell(c[3]), Collector.UNIT_MAX, label + ": its unit");
            if (present(r.cell(c[4]))) {
                try {
                    d.schedule = Schedule.parse(r.cell(c[4]).strip());
                } catch (IllegalArgumentException e) {
                    throw at.refuse(
                            CsvLayout.SCHEDULE,
                            "schedule '" + r.cell(c[4]).strip()
                                    + "' is not one like daily, weekdays:MON,WED, times_per_week:3, times_per_month:10 or every_n_days:2");
                }
            }
            if (present(r.cell(c[5]))) {
                d.startDate = date(r.cell(c[5]), at, CsvLayout.START_DATE);
            }
            String archived = r.cell(c[6]) == null ? "" : r.cell(c[6]).strip().toLowerCase(Locale.ROOT);
            if (!archived.isEmpty() && !archived.equals("true") && !archived.equals("false")) {
                throw at.refuse(CsvLayout.ARCHIVED, "archived '" + archived + "' is not true or false");
            }
            d.archived = archived.equals("true");
            String color = r.cell(c[7]) == null ? "" : r.cell(c[7]).strip().toLowerCase(Locale.ROOT);
            if (!color.isEmpty() && !color.matches("#[0-9a-f]{6}")) {
                throw at.refuse(CsvLayout.COLOR, "color '" + color + "' is not like #3366cc");
            }
            d.color = color.isEmpty() ? null : color;
            d.description = out.text(r.cell(c[8]), Collector.DESCRIPTION_MAX, label + ": its description");
        }
    }

    private static void days(CsvInput csv, String file, Habits habits) {
        CsvInput.Row header = csv.next();
        if (header == null) {
            throw new Line(file, 1)
                    .refuse(
                            null,
                            "the file is empty; its first line must name the columns, such as habit,date,value,note,status");
        }
        int[] c = CsvInput.columns(
                header.cells(),
                CsvLayout.HABIT,
                CsvLayout.DATE,
                CsvLayout.VALUE,
                CsvLayout.NOTE,
                CsvLayout.STATUS,
                CsvLayout.TYPE,
                CsvLayout.TARGET,
                CsvLayout.UNIT,
                "notes");
        if (c[0] < 0 || c[1] < 0) {
            throw new Line(file, header.line())
                    .refuse(
                            null,
                            "the first line must name the columns habit and date (and"
                                    + " value, note, status if there are any), but it is '"
                                    + String.join(String.valueOf(csv.delimiter()), header.cells()) + "'");
        }
        int note = c[3] >= 0 ? c[3] : c[8];
        Collector out = habits.out;
        for (CsvInput.Row r = csv.next(); r != null; r = csv.next()) {
            Line at = new Line(file, r.line());
            if (blank(r)) {
                continue;
            }
            Draft d = habits.get(r.cell(c[0]), at, CsvLayout.HABIT);
            if (present(r.cell(c[5])) && d.type == null) {
                type(d, r.cell(c[5]), at);
            }
            if (present(r.cell(c[6])) && d.target == null) {
                d.target = number(r.cell(c[6]), at, CsvLayout.TARGET, false, csv.delimiter());
            }
            if (present(r.cell(c[7])) && d.unit == null) {
                d.unit = out.text(r.cell(c[7]), Collector.UNIT_MAX, "habit '" + d.name + "': its unit");
            }
            LocalDate date = date(r.cell(c[1]), at, CsvLayout.DATE);
            BigDecimal value = present(r.cell(c[2]))
                    ? number(r.cell(c[2]), at, CsvLayout.VALUE, "measurement".equals(d.type), csv.delimiter())
                    : null;
            String status = r.cell(c[4]) == null ? "" : r.cell(c[4]).strip().toLowerCase(Locale.ROOT);
            boolean skipped;
            if (status.isEmpty() || status.equals(CsvLayout.DONE)) {
                skipped = false;
            } else if (status.equals(CsvLayout.SKIPPED) || status.equals("skip")) {
                skipped = true;
            } else {
                throw at.refuse(CsvLayout.STATUS, "status '" + r.cell(c[4]).strip() + "' is not done or skipped");
            }
            if (value != null
                    && "boolean".equals(d.type)
                    && d.typeGiven
                    && value.compareTo(BigDecimal.ZERO) != 0
                    && value.compareTo(BigDecimal.ONE) != 0) {
                throw at.refuse(
                        CsvLayout.VALUE,
                        "value '" + r.cell(c[2]).strip() + "' of a yes/no habit must be 0, 1 or empty");
            }
            if (value != null && value.compareTo(BigDecimal.ZERO) != 0 && value.compareTo(BigDecimal.ONE) != 0) {
                d.numbers = true;
            }
            String text = out.text(
                    note < 0 ? null : r.cell(note), Collector.NOTE_MAX, "habit '" + d.name + "': the note of " + date);
            if (d.days.put(new ArchivedDay(date, value, text, skipped)) != null) {
                d.duplicates++;
            }
        }
    }

    /**
     * The index of the photos: a row names a habit of the zip, a day and an entry under {@code photos/}. A row whose
     * habit or entry is not in the zip is left out with a warning (the days still come); a date that cannot be read
     * refuses the file, like any other.
     */
    private static void photos(CsvInput csv, Zip zip, Habits habits) {
        CsvInput.Row header = csv.next();
        if (header == null) {
            return;
        }
        int[] c = CsvInput.columns(header.cells(), CsvLayout.HABIT, CsvLayout.DATE, "file", "filename");
        if (c[0] < 0 || c[1] < 0 || c[2] < 0) {
            throw new Line(CsvLayout.PHOTOS_FILE, 1)
                    .refuse(null, "the columns are not " + String.join(",", CsvLayout.PHOTOS_HEADER));
        }
        Collector out = habits.out;
        for (CsvInput.Row r = csv.next(); r != null; r = csv.next()) {
            Line at = new Line(CsvLayout.PHOTOS_FILE, r.line());
            if (blank(r)) {
                continue;
            }
            String name = r.cell(c[0]) == null ? "" : r.cell(c[0]);
            Draft d = habits.byKey.get(key(clean(name)));
            LocalDate date = date(r.cell(c[1]), at, CsvLayout.DATE);
            String entry = r.cell(c[2]) == null ? "" : r.cell(c[2]).strip();
            if (d == null) {
                out.warn(CsvLayout.PHOTOS_FILE + " line " + r.line() + ": a photo of '" + shorten(name)
                        + "', a habit the zip does not define, was left out.");
                out.skip(1);
                continue;
            }
            if (!entry.startsWith(CsvLayout.PHOTOS_FOLDER) || !zip.has(entry)) {
                out.warn(CsvLayout.PHOTOS_FILE + " line " + r.line() + ": the photo '" + shorten(entry)
                        + "' is not among the zip's photos and was left out.");
                out.skip(1);
                continue;
            }
            String fileName = c[3] < 0 ? null : out.text(r.cell(c[3]), 200, "a photo's file name");
            out.photo(new io.steadfast.transfer.internal.archive.ArchivedPhoto(d.key, date, entry, fileName));
        }
    }

    private static void type(Draft d, String cell, Line at) {
        if (!present(cell)) {
            return;
        }
        String type = cell.strip().toLowerCase(Locale.ROOT);
        if (!type.matches("[a-z][a-z0-9-]{0,49}")) {
            throw at.refuse(
                    CsvLayout.TYPE,
                    "type '" + cell.strip() + "' is not one of "
                            + String.join(", ", List.of("boolean", "count", "limit", "measurement")));
        }
        d.type = type;
        d.typeGiven = true;
    }

    private static boolean blank(CsvInput.Row r) {
        return r.cells().stream().allMatch(s -> s == null || s.isBlank());
    }

    private static boolean present(String cell) {
        return cell != null && !cell.isBlank();
    }

    private static LocalDate date(String cell, Line at, String column) {
        String s = cell == null ? "" : cell.strip();
        LocalDate date = null;
        if (s.matches("\\d{4}-\\d{2}-\\d{2}")) {
            try {
                date = LocalDate.parse(s);
            } catch (DateTimeParseException e) {
                date = null;
            }
        }
        if (date == null) {
            throw at.refuse(
                    column,
                    (column.equals(CsvLayout.DATE) ? "date" : column) + " '" + shorten(s)
                            + "' is not a day like 2024-05-31");
        }
        if (!Collector.inRange(date)) {
            throw at.refuse(column, "date " + s + " is not between " + DateLimits.MIN + " and " + DateLimits.MAX);
        }
        return date;
    }

    private static BigDecimal number(String cell, Line at, String column, boolean negative, char delimiter) {
        String s = cell.strip();
        String plain = delimiter == ';' ? s.replace(',', '.') : s;
        if (plain.length() > 30 || !plain.matches("[-+]?(\\d+(\\.\\d*)?|\\.\\d+)")) {
            throw at.refuse(column, column + " '" + shorten(s) + "' is not a number like 2 or 2.5");
        }
        BigDecimal v = new BigDecimal(plain.startsWith("+") ? plain.substring(1) : plain);
        if (v.signum() < 0 && !negative) {
            throw at.refuse(column, column + " '" + s + "' must not be negative");
        }
        if (v.abs().compareTo(HabitType.MAX_VALUE) > 0) {
            throw at.refuse(column, column + " '" + s + "' is larger than " + HabitType.MAX_VALUE);
        }
        if (v.stripTrailingZeros().scale() > HabitType.MAX_SCALE) {
            throw at.refuse(column, column + " '" + s + "' has more than " + HabitType.MAX_SCALE + " decimal places");
        }
        return Collector.plain(v);
    }

    private static String shorten(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }
}
