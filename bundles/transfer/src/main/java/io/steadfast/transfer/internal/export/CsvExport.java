package io.steadfast.transfer.internal.export;

import java.io.BufferedWriter;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.math.BigDecimal;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import io.steadfast.habit.api.HabitInfo;

/**
 * Writes the CSV export, the zip of {@link CsvLayout}, to a stream as it goes: {@value CsvLayout#HABITS_FILE},
 * then each habit's day file, its records read a page at a time. Plain Java.
 * <p>
 * Cells are written as they are (RFC 4180 quoting by commons-csv, nothing else): a note {@code =SUM(A1)} stays
 * {@code =SUM(A1)}. OWASP's advice against CSV injection (a {@code '} before a cell starting with {@code =},
 * {@code +}, {@code -}, {@code @}, tab or CR) protects a spreadsheet that evaluates formulas, but it changes the
 * data: a note {@code -5 km} or {@code @gym} would come back from an import as {@code '-5 km}, and a reader cannot
 * tell an escape from a real {@code '}. This export's purpose is a lossless round trip (the generic CSV import
 * reads every cell as text), and what it holds is the user's own writing exported by themselves; docs/api.md tells
 * whoever opens it in a spreadsheet to import it as text.
 */
public final class CsvExport {

    static final CSVFormat FORMAT = CSVFormat.RFC4180;

    private CsvExport() {}

    /** Writes the zip of the user's habits to {@code out} and finishes it (without closing {@code out}). */
    public static void write(HabitSource source, UUID userId, Instant exportedAt, OutputStream out) throws IOException {
        ZipOutputStream zip = new ZipOutputStream(new Unclosed(out), CsvLayout.CHARSET);
        List<HabitInfo> habits = source.habits(userId);
        CSVPrinter index = entry(zip, CsvLayout.HABITS_FILE, exportedAt);
        index.printRecord(CsvLayout.HABITS_HEADER);
        for (HabitInfo h : habits) {
            index.printRecord(
                    h.name(),
                    h.type(),
                    plain(h.target()),
                    h.unit(),
                    h.schedule().text(),
                    h.startDate(),
                    h.archived(),
                    h.color(),
                    h.description());
        }
        end(zip, index);
        Set<String> files = new HashSet<>();
        for (HabitInfo h : habits) {
            CSVPrinter days = entry(zip, CsvLayout.daysFile(unique(CsvLayout.slug(h.name()), files)), exportedAt);
            days.printRecord(CsvLayout.DAYS_HEADER);
            source.eachRecord(
                    userId,
                    h.id(),
                    d -> days.printRecord(
                            h.name(),
                            d.date(),
                            plain(d.value()),
                            d.note(),
                            d.skipped() ? CsvLayout.SKIPPED : CsvLayout.DONE));
            end(zip, days);
        }
        zip.finish();
        zip.flush();
    }

    /** {@code slug}, or {@code slug-2}, {@code slug-3}, ... when a habit before took it. */
    static String unique(String slug, Set<String> taken) {
        String s = slug;
        for (int n = 2; !taken.add(s); n++) {
            s = slug + "-" + n;
        }
        return s;
    }

    private static CSVPrinter entry(ZipOutputStream zip, String name, Instant at) throws IOException {
        ZipEntry e = new ZipEntry(name);
        // the entry's time from the server's clock (the zip would read the system's)
        e.setLastModifiedTime(FileTime.from(at));
        zip.putNextEntry(e);
        return new CSVPrinter(new BufferedWriter(new OutputStreamWriter(new Unclosed(zip), CsvLayout.CHARSET)), FORMAT);
    }

    private static void end(ZipOutputStream zip, CSVPrinter p) throws IOException {
        p.flush();
        zip.closeEntry();
    }

    private static String plain(BigDecimal v) {
        return v == null ? null : v.stripTrailingZeros().toPlainString();
    }

    /** Passes everything on but closing: the caller's stream stays open. */
    static final class Unclosed extends FilterOutputStream {
        Unclosed(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
