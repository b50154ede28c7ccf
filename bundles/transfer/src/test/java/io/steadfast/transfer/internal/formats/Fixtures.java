package io.steadfast.transfer.internal.formats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

import io.steadfast.transfer.internal.archive.Archive;
import io.steadfast.transfer.internal.archive.ArchivedHabit;
import io.steadfast.transfer.internal.archive.ImportLimits;
import io.steadfast.transfer.internal.archive.ImportRefused;

/** Test files: zips, text files, and the assertion that a reading is refused. */
final class Fixtures {

    private Fixtures() {}

    /** A zip of the entries, in order; a {@code String} value is written as UTF-8, a {@code byte[]} as it is. */
    static Path zip(Path dir, String name, Map<String, ?> entries) throws IOException {
        Path file = dir.resolve(name);
        try (OutputStream out = Files.newOutputStream(file);
                ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, ?> e : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                Object v = e.getValue();
                zip.write(v instanceof byte[] b ? b : String.valueOf(v).getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return file;
    }

    static Map<String, Object> entries(Object... namesAndContents) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < namesAndContents.length; i += 2) {
            m.put((String) namesAndContents[i], namesAndContents[i + 1]);
        }
        return m;
    }

    static Path text(Path dir, String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
    }

    static Path bytes(Path dir, String name, byte[] content) throws IOException {
        return Files.write(dir.resolve(name), content);
    }

    /** The refusal a reading ends in. */
    static ImportRefused refused(ThrowingCallable reading) {
        ImportRefused e = catchThrowableOfType(ImportRefused.class, reading);
        assertThat(e).as("the reading is refused").isNotNull();
        assertThat(e.getMessage()).doesNotContain("Exception").doesNotContain("java.");
        return e;
    }

    static ArchivedHabit habit(Archive archive, String name) {
        return archive.habits().stream()
                .filter(h -> h.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no habit " + name + " in " + archive.habits()));
    }

    /** Milliseconds at UTC midnight of a day, as Loop stores days. */
    static long millis(LocalDate day) {
        return day.atStartOfDay().toInstant(ZoneOffset.UTC).toEpochMilli();
    }

    static ImportLimits limits(int maxHabits, int maxRows) {
        ImportLimits d = ImportLimits.DEFAULTS;
        return new ImportLimits(d.maxBytes(), d.maxUnpacked(), d.maxEntries(), maxHabits, maxRows);
    }
}
