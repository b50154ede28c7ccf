package io.steadfast.transfer.internal.formats;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import io.steadfast.transfer.internal.archive.ArchiveReader;
import io.steadfast.transfer.internal.archive.FileSniff;
import io.steadfast.transfer.internal.archive.ImportLimits;
import io.steadfast.transfer.internal.archive.ImportRefused;

/**
 * The import formats and how a file's format is found: by its content (its first bytes, and for a zip the names of
 * its entries), never by its name; the uploader's content type is a hint no reader relies on.
 */
public final class Formats {

    /** How many bytes of a file's beginning {@link FileSniff#head()} holds. */
    public static final int HEAD_BYTES = 4096;

    /** Every reader, in the order they are asked: the first that recognises a file reads it. */
    private static final List<ArchiveReader> READERS = List.of(
            new SteadfastReader(), new LoopSqliteReader(), new LoopCsvReader(), new CsvReader(), new HabiticaReader());

    private Formats() {}

    /** The readers, in the order {@link #detect} asks them. */
    public static List<ArchiveReader> readers() {
        return READERS;
    }

    /** The names of the formats: {@code steadfast}, {@code loop-sqlite}, {@code loop-csv}, {@code csv}, {@code habitica}. */
    public static List<String> names() {
        return READERS.stream().map(ArchiveReader::format).toList();
    }

    /** The reader of a format by its name, for a client that says which format it sends. */
    public static Optional<ArchiveReader> reader(String format) {
        return READERS.stream().filter(r -> r.format().equals(format)).findFirst();
    }

    /**
     * The reader of a file.
     *
     * @throws ImportRefused 422 when no reader recognises it, naming the formats that can be imported
     */
    public static ArchiveReader detect(FileSniff sniff) {
        for (ArchiveReader r : READERS) {
            if (r.recognises(sniff)) {
                return r;
            }
        }
        throw ImportRefused.unreadable("This file is not in a format that can be imported. Supported are: "
                + "a Loop Habit Tracker backup (.db) or CSV export (.zip), a Habitica user data export (.json), "
                + "a CSV file with the columns habit and date (or a zip of Steadfast's CSV export), "
                + "and Steadfast's own export (.json).");
    }

    /**
     * The bytes of one entry of an uploaded zip (a photo an {@link io.steadfast.transfer.internal.archive.Archive}
     * names), read as defensively as the archive was; closing the stream closes the zip.
     *
     * @throws ImportRefused the entry is not there or cannot be unpacked (422)
     */
    public static InputStream entry(Path file, String name, ImportLimits limits) throws IOException {
        Zip zip = Zip.open(file, limits);
        try {
            return new java.io.FilterInputStream(zip.open(name)) {
                @Override
                public void close() throws IOException {
                    try {
                        super.close();
                    } finally {
                        zip.close();
                    }
                }
            };
        } catch (IOException | RuntimeException e) {
            zip.close();
            throw e;
        }
    }

    /**
     * What is cheap to know of a file: its first {@value #HEAD_BYTES} bytes and, when it is a zip, the names in its
     * central directory.
     *
     * @throws ImportRefused a zip with more than {@link ImportLimits#maxEntries()} entries (413), a damaged zip (422)
     * @throws IOException   the file could not be read from disk
     */
    public static FileSniff sniff(Path file, String contentType, ImportLimits limits) throws IOException {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(HEAD_BYTES);
        }
        List<String> entries = List.of();
        if (startsWith(head, Zip.MAGIC) || startsWith(head, Zip.EMPTY_MAGIC)) {
            entries = Zip.names(file, limits);
        }
        return new FileSniff(head, entries, contentType);
    }

    static boolean startsWith(byte[] head, byte[] prefix) {
        return head != null
                && head.length >= prefix.length
                && Arrays.equals(head, 0, prefix.length, prefix, 0, prefix.length);
    }

    /** A byte count for people: {@code 200 MB}. */
    static String megabytes(long bytes) {
        long mb = bytes >> 20;
        return mb > 0 ? mb + " MB" : bytes + " bytes";
    }

    /** The formats' names, for messages: {@code steadfast, loop-sqlite, …}. */
    static String list() {
        return READERS.stream().map(ArchiveReader::format).collect(Collectors.joining(", "));
    }
}
