package io.steadfast.transfer.internal.formats;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PushbackInputStream;
import java.io.UncheckedIOException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import io.steadfast.transfer.internal.archive.ImportRefused;

/**
 * One CSV file read as text: UTF-8 with or without a byte order mark, RFC 4180 quoting, comma or semicolon
 * delimited (whichever the first line has more of, outside quotes). Cells are strings, never interpreted: a cell
 * {@code =1+1} is the text {@code =1+1}. A file that is not valid UTF-8 or whose quoting is broken is a 422 naming
 * the line.
 */
final class CsvInput implements Closeable {

    /** One record and the line it starts on (the first line of the file is 1). */
    record Row(int line, List<String> cells) {

        String cell(int index) {
            return index >= 0 && index < cells.size() ? cells.get(index) : null;
        }
    }

    private final String file;
    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    private final char delimiter;

    private CsvInput(String file, CSVParser parser, char delimiter) {
        this.file = file;
        this.parser = parser;
        this.records = parser.iterator();
        this.delimiter = delimiter;
    }

    /** Reads {@code in} (closed with this), naming it {@code file} in messages ({@code "Habits.csv"}, or null). */
    static CsvInput open(InputStream in, String file) throws IOException {
        PushbackInputStream bomless = new PushbackInputStream(in, 3);
        byte[] bom = bomless.readNBytes(3);
        boolean hasBom =
                bom.length == 3 && (bom[0] & 0xff) == 0xEF && (bom[1] & 0xff) == 0xBB && (bom[2] & 0xff) == 0xBF;
        if (!hasBom) {
            bomless.unread(bom);
        }
        BufferedReader reader = new BufferedReader(
                new InputStreamReader(
                        bomless,
                        StandardCharsets.UTF_8
                                .newDecoder()
                                .onMalformedInput(CodingErrorAction.REPORT)
                                .onUnmappableCharacter(CodingErrorAction.REPORT)),
                1 << 16);
        char delimiter;
        try {
            reader.mark(1 << 16);
            char[] start = new char[1 << 16];
            int n = reader.read(start, 0, start.length);
            reader.reset();
            delimiter = delimiter(start, Math.max(n, 0));
        } catch (java.nio.charset.CharacterCodingException e) {
            throw ImportRefused.unreadable(where(file) + "is not UTF-8 text. Save it as CSV in UTF-8 and try again.");
        }
        CSVFormat format = CSVFormat.RFC4180
                .builder()
                .setDelimiter(delimiter)
                .setIgnoreEmptyLines(true)
                .setTrim(false)
                .get();
        return new CsvInput(file, CSVParser.parse(new CellLimit(reader, delimiter, file), format), delimiter);
    }

    /** {@code ;} when the first line has more semicolons than commas outside quotes, else {@code ,}. */
    static char delimiter(char[] text, int length) {
        int commas = 0;
        int semicolons = 0;
        boolean quoted = false;
        for (int i = 0; i < length; i++) {
            char c = text[i];
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && (c == '\n' || c == '\r')) {
                break;
            } else if (!quoted && c == ',') {
                commas++;
            } else if (!quoted && c == ';') {
                semicolons++;
            }
        }
        return semicolons > commas ? ';' : ',';
    }

    char delimiter() {
        return delimiter;
    }

    /** The next record, or {@code null} at the end. */
    Row next() {
        long before = parser.getCurrentLineNumber();
        try {
            if (!records.hasNext()) {
                return null;
            }
            CSVRecord r = records.next();
            List<String> cells = new ArrayList<>(r.size());
            r.forEach(cells::add);
            return new Row((int) Math.min(Integer.MAX_VALUE, before + 1), cells);
        } catch (UncheckedIOException | IllegalStateException | IllegalArgumentException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            if (cause instanceof java.nio.charset.CharacterCodingException
                    || (cause.getCause() instanceof java.nio.charset.CharacterCodingException)) {
                throw ImportRefused.unreadable(
                        where(file) + "is not UTF-8 text (near line " + (before + 1) + "). Save it as CSV in UTF-8.");
            }
            throw ImportRefused.unreadable(where(file) + "line " + (before + 1)
                    + ": a quoted cell is not closed, or a quote stands inside an unquoted cell.");
        }
    }

    /** The index of each of {@code names} in a header row (case-insensitive, trimmed), -1 when absent. */
    static int[] columns(List<String> header, String... names) {
        int[] index = new int[names.length];
        for (int i = 0; i < names.length; i++) {
            index[i] = -1;
            for (int j = 0; j < header.size(); j++) {
                if (normalise(header.get(j)).equals(normalise(names[i]))) {
                    index[i] = j;
                    break;
                }
            }
        }
        return index;
    }

    static String normalise(String heading) {
        return heading == null ? "" : heading.replace("\uFEFF", "").strip().toLowerCase(Locale.ROOT);
    }

    private static String where(String file) {
        return file == null ? "The file " : "'" + file + "' ";
    }

    @Override
    public void close() throws IOException {
        parser.close();
    }
}
