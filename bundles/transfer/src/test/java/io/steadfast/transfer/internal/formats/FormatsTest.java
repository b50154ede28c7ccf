package io.steadfast.transfer.internal.formats;

import static io.steadfast.transfer.internal.formats.Fixtures.entries;
import static io.steadfast.transfer.internal.formats.Fixtures.refused;
import static io.steadfast.transfer.internal.formats.Fixtures.zip;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.steadfast.transfer.internal.archive.ArchiveReader;
import io.steadfast.transfer.internal.archive.FileSniff;
import io.steadfast.transfer.internal.archive.ImportLimits;
import io.steadfast.transfer.internal.archive.ImportRefused;

class FormatsTest {

    @TempDir
    Path dir;

    private ArchiveReader detect(Path file) throws Exception {
        return Formats.detect(Formats.sniff(file, null, ImportLimits.DEFAULTS));
    }

    @Test
    void namesEveryFormat() {
        assertThat(Formats.names()).containsExactly("steadfast", "loop-sqlite", "loop-csv", "csv", "habitica");
        assertThat(Formats.reader("csv")).containsInstanceOf(CsvReader.class);
        assertThat(Formats.reader("xls")).isEmpty();
    }

    @Test
    void detectsEachFormatByContentNotByName() throws Exception {
        Path loopDb = LoopSqliteReaderTest.loopBackup(dir.resolve("backup.csv")); // a misleading name
        Path loopCsv = zip(dir, "a.json", entries("Habits.csv", "Position,Name\n", "001 A/Checkmarks.csv", ""));
        Path ours = zip(dir, "b.db", entries("habits.csv", "habit\n", "habits/a.csv", "habit,date\n"));
        Path csv = Fixtures.text(dir, "c.zip", "\"Habit\",\"Date\",\"Value\"\nRead,2024-05-01,\n");
        Path habitica = Fixtures.text(dir, "d.csv", HabiticaReaderTest.userData());
        Path steadfast = Fixtures.text(dir, "e.csv", SteadfastReaderTest.document());

        assertThat(detect(loopDb)).isInstanceOf(LoopSqliteReader.class);
        assertThat(detect(loopCsv)).isInstanceOf(LoopCsvReader.class);
        assertThat(detect(ours)).isInstanceOf(CsvReader.class);
        assertThat(detect(csv)).isInstanceOf(CsvReader.class);
        assertThat(detect(habitica)).isInstanceOf(HabiticaReader.class);
        assertThat(detect(steadfast)).isInstanceOf(SteadfastReader.class);
    }

    @Test
    void refusesWhatNoReaderKnowsNamingTheFormats() throws Exception {
        byte[] garbage = new byte[8192];
        new Random(7).nextBytes(garbage);
        Path[] unknown = {
            Fixtures.bytes(dir, "garbage.bin", garbage),
            Fixtures.bytes(dir, "empty.csv", new byte[0]),
            Fixtures.text(dir, "other.csv", "name,when\nRead,2024-05-01\n"),
            Fixtures.text(dir, "other.json", "{\"hello\": \"world\"}"),
            Fixtures.text(dir, "png.json", "\u0089PNG\r\n"),
            zip(dir, "other.zip", entries("readme.txt", "hi"))
        };
        for (Path f : unknown) {
            ImportRefused e = refused(() -> detect(f));
            assertThat(e.status()).as(f.toString()).isEqualTo(422);
            assertThat(e.getMessage())
                    .as(f.toString())
                    .startsWith("This file is not in a format that can be imported.")
                    .contains("Loop Habit Tracker", "Habitica", "CSV", "Steadfast");
        }
    }

    @Test
    void sniffsTheHeadAndTheZipsNamesWithoutUnpacking() throws Exception {
        Path file = zip(dir, "x.zip", entries("Habits.csv", "a", "001 A/Checkmarks.csv", "b", "../evil", "c"));

        FileSniff sniff = Formats.sniff(file, "application/zip", ImportLimits.DEFAULTS);

        assertThat(sniff.zipEntries()).containsExactly("Habits.csv", "001 A/Checkmarks.csv", "../evil");
        assertThat(sniff.head()).hasSizeLessThanOrEqualTo(Formats.HEAD_BYTES);
        assertThat(sniff.contentType()).isEqualTo("application/zip");
    }

    @Test
    void refusesAZipWithTooManyEntries() throws Exception {
        Map<String, Object> many = new LinkedHashMap<>();
        many.put("habits.csv", "habit,type\n");
        for (int i = 0; i < 30; i++) {
            many.put("habits/h" + i + ".csv", "habit,date\n");
        }
        Path file = zip(dir, "many.zip", many);
        ImportLimits limits = new ImportLimits(1 << 20, 1 << 20, 20, 500, 1000);

        ImportRefused sniffed = refused(() -> Formats.sniff(file, null, limits));
        ImportRefused read = refused(() -> new CsvReader().read(file, limits));

        assertThat(sniffed.status()).isEqualTo(413);
        assertThat(sniffed.getMessage()).isEqualTo("The zip file holds more than 20 files, more than can be imported.");
        assertThat(read.status()).isEqualTo(413);
    }

    @Test
    void stopsAZipBombAtTheUnpackedLimit() throws Exception {
        // 8 MB of empty lines: a few KB packed (a single huge cell would be refused sooner, by CellLimit)
        byte[] zeros = new byte[8 << 20];
        Arrays.fill(zeros, (byte) '\n');
        byte[] header = "habit,date,note\nRead,2024-05-01,".getBytes();
        System.arraycopy(header, 0, zeros, 0, header.length);
        Path bomb = zip(dir, "bomb.zip", entries("habits.csv", "habit\n", "habits/read.csv", zeros));
        Path loopBomb = zip(
                dir,
                "loop-bomb.zip",
                entries("Habits.csv", "Position,Name\n001,Read\n", "001 Read/Checkmarks.csv", zeros));
        assertThat(Files.size(bomb)).isLessThan(100_000);
        ImportLimits limits = new ImportLimits(1 << 20, 1 << 20, 100, 500, 1000);

        for (Path f : new Path[] {bomb, loopBomb}) {
            ImportRefused e = refused(() -> detect(f).read(f, limits));
            assertThat(e.status()).as(f.toString()).isEqualTo(413);
            assertThat(e.getMessage()).isEqualTo("The zip file unpacks to more than 1 MB, more than can be imported.");
        }
    }

    @Test
    void refusesADamagedOrTruncatedZip() throws Exception {
        Path good =
                zip(dir, "good.zip", entries("habits.csv", "habit\n", "habits/a.csv", "habit,date\nA,2024-05-01\n"));
        byte[] bytes = Files.readAllBytes(good);
        Path truncated = Fixtures.bytes(dir, "truncated.zip", Arrays.copyOf(bytes, bytes.length - 30));
        byte[] broken = Arrays.copyOf(new byte[] {'P', 'K', 3, 4}, 2000);
        Arrays.fill(broken, 4, broken.length, (byte) 0x42);
        Path garbage = Fixtures.bytes(dir, "garbage.zip", broken);

        for (Path f : new Path[] {truncated, garbage}) {
            ImportRefused e = refused(() -> detect(f));
            assertThat(e.status()).as(f.toString()).isEqualTo(422);
            assertThat(e.getMessage()).isEqualTo("The zip file is damaged or incomplete and cannot be read.");
        }
    }

    @Test
    void refusesAZipWhoseEntryDataIsDamaged() throws Exception {
        Path good = zip(
                dir,
                "good.zip",
                entries("habits.csv", "habit\n", "habits/a.csv", "habit,date\n" + "A,2024-05-01\n".repeat(2000)));
        byte[] bytes = Files.readAllBytes(good);
        // overwrite the middle of the compressed data; the central directory stays readable
        for (int i = 200; i < 260; i++) {
            bytes[i] = (byte) 0xff;
        }
        Path damaged = Fixtures.bytes(dir, "damaged.zip", bytes);

        ImportRefused e = refused(() -> new CsvReader().read(damaged, ImportLimits.DEFAULTS));
        assertThat(e.status()).isEqualTo(422);
    }

    @Test
    void saysWhichEntryNamesAreSafe() {
        assertThat(Zip.safe("001 Run/Checkmarks.csv")).isTrue();
        assertThat(Zip.safe("habits/read.csv")).isTrue();
        assertThat(Zip.safe("../Habits.csv")).isFalse();
        assertThat(Zip.safe("habits/../../etc/passwd")).isFalse();
        assertThat(Zip.safe("/etc/passwd")).isFalse();
        assertThat(Zip.safe("C:\\Windows\\x")).isFalse();
        assertThat(Zip.safe("a\\..\\b")).isFalse();
        assertThat(Zip.safe("a/\u0000/b")).isFalse();
        assertThat(Zip.safe("./habits.csv")).isFalse();
    }
}
