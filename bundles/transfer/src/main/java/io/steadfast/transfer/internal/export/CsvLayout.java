package io.steadfast.transfer.internal.export;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * The layout of Steadfast's CSV export ({@code GET /api/v1/me/export?format=csv}), shared by the writer
 * ({@link CsvExporter}) and the reader of the generic CSV import: one zip with
 * <ul>
 *   <li>{@value #HABITS_FILE}: one row per habit, the columns of {@link #HABITS_HEADER};</li>
 *   <li>{@value #DAYS_FOLDER}{@code <slug>.csv} per habit: its day records in the generic CSV format, the columns of
 *       {@link #DAYS_HEADER}, oldest first.</li>
 * </ul>
 * Every file is UTF-8 without a byte order mark, RFC 4180 (commas, CRLF line ends, a field with a comma, a quote or
 * a line break in double quotes, a quote doubled), with a header row. Cells are written as they are, never
 * prefixed against spreadsheet formula injection: a {@code '} in front of {@code =1+1} would change the note on the
 * way back in (see docs/api.md, "Export").
 */
public final class CsvLayout {

    /** The encoding of every file. */
    public static final Charset CHARSET = StandardCharsets.UTF_8;

    /** The habits' file at the zip's root. */
    public static final String HABITS_FILE = "habits.csv";

    /** The index of the check-in photos in the zip: one row per photo, the columns of {@link #PHOTOS_HEADER}. */
    public static final String PHOTOS_FILE = "photos.csv";

    /** The columns of {@value #PHOTOS_FILE}: the habit's name, the day, the photo's entry in the zip. */
    public static final List<String> PHOTOS_HEADER = List.of("habit", "date", "file", "contentType", "fileName");

    /** The folder of the photos in the zip: {@code photos/<habit slug>/<date>-<n>.<extension>}. */
    public static final String PHOTOS_FOLDER = "photos/";

    /** The folder of the day records' files, one per habit: {@code habits/<slug>.csv}. */
    public static final String DAYS_FOLDER = "habits/";

    /** The file name extension of every file. */
    public static final String EXTENSION = ".csv";

    /** The columns of {@value #HABITS_FILE}. */
    public static final String HABIT = "habit";

    public static final String TYPE = "type";
    public static final String TARGET = "target";
    public static final String UNIT = "unit";
    /** The compact text form of {@code io.steadfast.habit.api.Schedule#text()}: {@code weekdays:MON,WED}. */
    public static final String SCHEDULE = "schedule";

    public static final String START_DATE = "startDate";
    /** {@code true} or {@code false}. */
    public static final String ARCHIVED = "archived";

    public static final String COLOR = "color";
    public static final String DESCRIPTION = "description";

    public static final List<String> HABITS_HEADER =
            List.of(HABIT, TYPE, TARGET, UNIT, SCHEDULE, START_DATE, ARCHIVED, COLOR, DESCRIPTION);

    /** The columns of a habit's day file (the generic CSV format): the habit's name again, so a file reads alone. */
    public static final String DATE = "date";

    /** A plain decimal ({@code 2.5}), empty when the day has no value. */
    public static final String VALUE = "value";

    public static final String NOTE = "note";
    /** {@value #DONE} or {@value #SKIPPED}. */
    public static final String STATUS = "status";

    public static final List<String> DAYS_HEADER = List.of(HABIT, DATE, VALUE, NOTE, STATUS);

    public static final String DONE = "done";
    public static final String SKIPPED = "skipped";

    /** The longest slug of a habit's file name (before a number that keeps two habits apart). */
    public static final int SLUG_MAX = 60;

    private CsvLayout() {}

    /**
     * The file name part for a habit's name: lower-case ASCII letters and digits, other runs as one {@code -}, at
     * most {@value #SLUG_MAX} characters; {@code habit} when nothing is left ("Läufe 🏃" is {@code laufe}). Two
     * habits with the same slug are told apart by the exporter ({@code read}, {@code read-2}); a reader takes the
     * habit's name from the rows' {@value #HABIT} column, never from the file name.
     */
    public static String slug(String name) {
        String ascii = java.text.Normalizer.normalize(name == null ? "" : name, java.text.Normalizer.Form.NFKD)
                .replaceAll("\\p{M}+", "")
                .toLowerCase(Locale.ROOT);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < ascii.length() && sb.length() < SLUG_MAX; i++) {
            char c = ascii.charAt(i);
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
                sb.append(c);
            } else if (sb.length() > 0 && sb.charAt(sb.length() - 1) != '-') {
                sb.append('-');
            }
        }
        while (sb.length() > 0 && sb.charAt(sb.length() - 1) == '-') {
            sb.setLength(sb.length() - 1);
        }
        return sb.length() == 0 ? "habit" : sb.toString();
    }

    /** The zip entry of a habit's day file for a slug. */
    public static String daysFile(String slug) {
        return DAYS_FOLDER + slug + EXTENSION;
    }
}
