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

    /** The check-in photos an export includes: what there is, and each one's bytes. */
    public interface Photos {
        /** A photo: its habit, day, content type and the name it was uploaded with (or null). */
        record Photo(UUID id, UUID habitId, java.time.LocalDate date, String contentType, String fileName) {}

        List<Photo> list(UUID userId);

        /** The photo's bytes, to be closed by the caller; empty when it is gone. */
        java.util.Optional<java.io.InputStream> open(UUID userId, UUID photoId) throws IOException;
    }

    /** Writes the zip of the user's habits to {@code out} and finishes it (without closing {@code out}). */
    public static void write(HabitSource source, UUID userId, Instant exportedAt, OutputStream out) throws IOException {
        write(source, userId, exportedAt, out, null);
    }

    /**
     * Writes the zip of the user's habits and, with {@code photos}, their check-in photos ({@value
     * CsvLayout#PHOTOS_FILE} and the files under {@value CsvLayout#PHOTOS_FOLDER}), one at a time.
     */
    public static void write(HabitSource source, UUID userId, Instant exportedAt, OutputStream out, Photos photos)
            throws IOException {
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
        java.util.Map<UUID, String> slugs = new java.util.HashMap<>();
        java.util.Map<UUID, String> names = new java.util.HashMap<>();
        for (HabitInfo h : habits) {
            String slug = unique(CsvLayout.slug(h.name()), files);
            CSVPrinter days = entry(zip, CsvLayout.daysFile(slug), exportedAt);
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
            slugs.put(h.id(), slug);
            names.put(h.id(), h.name());
        }
        if (photos != null) {
            writePhotos(zip, photos, userId, exportedAt, slugs, names);
        }
        zip.finish();
        zip.flush();
    }

    private static void writePhotos(
            ZipOutputStream zip,
            Photos photos,
            UUID userId,
            Instant exportedAt,
            java.util.Map<UUID, String> slugs,
            java.util.Map<UUID, String> names)
            throws IOException {
        List<Photos.Photo> all = photos.list(userId).stream()
                .filter(p -> slugs.containsKey(p.habitId()))
                .toList();
        if (all.isEmpty()) {
            return;
        }
        List<List<String>> index = new java.util.ArrayList<>();
        java.util.Map<String, Integer> perDay = new java.util.HashMap<>();
        for (Photos.Photo p : all) {
            java.util.Optional<java.io.InputStream> bytes = photos.open(userId, p.id());
            if (bytes.isEmpty()) {
                continue;
            }
            String base = CsvLayout.PHOTOS_FOLDER + slugs.get(p.habitId()) + "/" + p.date();
            String name = base + "-" + perDay.merge(base, 1, Integer::sum) + extension(p.contentType());
            ZipEntry e = new ZipEntry(name);
            e.setLastModifiedTime(FileTime.from(exportedAt));
            zip.putNextEntry(e);
            try (java.io.InputStream in = bytes.get()) {
                in.transferTo(new Unclosed(zip));
            }
            zip.closeEntry();
            index.add(java.util.Arrays.asList(
                    names.get(p.habitId()), p.date().toString(), name, p.contentType(), p.fileName()));
        }
        CSVPrinter csv = entry(zip, CsvLayout.PHOTOS_FILE, exportedAt);
        csv.printRecord(CsvLayout.PHOTOS_HEADER);
        for (List<String> row : index) {
            csv.printRecord(row);
        }
        end(zip, csv);
    }

    static String extension(String contentType) {
        if (contentType == null) {
            return ".bin";
        }
        switch (contentType) {
            case "image/jpeg":
                return ".jpg";
            case "image/png":
                return ".png";
            case "image/webp":
                return ".webp";
            case "image/heic":
                return ".heic";
            case "image/heif":
                return ".heif";
            default:
                return ".bin";
        }
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
