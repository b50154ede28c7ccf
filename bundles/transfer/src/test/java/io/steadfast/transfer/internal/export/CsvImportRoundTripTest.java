package io.steadfast.transfer.internal.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Instant;
import java.util.EnumSet;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.steadfast.habit.api.HabitInfo;
import io.steadfast.habit.api.Schedule;
import io.steadfast.transfer.internal.archive.Archive;
import io.steadfast.transfer.internal.archive.ArchiveReader;
import io.steadfast.transfer.internal.archive.ArchivedDay;
import io.steadfast.transfer.internal.archive.ArchivedHabit;
import io.steadfast.transfer.internal.archive.ImportLimits;
import io.steadfast.transfer.internal.formats.Formats;

/** Steadfast's CSV export, read back by the CSV import: what the exporter writes, the reader takes as it was. */
class CsvImportRoundTripTest {

    @TempDir
    Path dir;

    @Test
    void theCsvExportComesBackAsItWas() throws Exception {
        FakeHabits habits = new FakeHabits();
        HabitInfo read = habits.habit(
                "Read",
                "boolean",
                null,
                null,
                new Schedule.Weekdays(EnumSet.of(DayOfWeek.MONDAY, DayOfWeek.WEDNESDAY)),
                false);
        HabitInfo water = habits.habit("Water", "count", new BigDecimal("8"), "glasses", new Schedule.Daily(), true);
        String note = "ran 5 km, felt \"great\"\nthen =SUM(A1) and -3 @gym\r\n\ttab";
        habits.day(read, FakeHabits.START, null, note, false, null)
                .day(read, FakeHabits.START.plusDays(2), null, null, true, null)
                .day(water, FakeHabits.START, "6.50", "'); DROP TABLE checkin; --", false, null);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CsvExport.write(habits, FakeHabits.USER, Instant.parse("2026-03-01T10:15:00Z"), out);
        Path file = Files.write(dir.resolve("export.zip"), out.toByteArray());

        ArchiveReader reader = Formats.detect(Formats.sniff(file, "application/zip", ImportLimits.DEFAULTS));
        Archive archive = reader.read(file, ImportLimits.DEFAULTS);

        assertThat(reader.format()).isEqualTo("csv");
        assertThat(archive.habits()).extracting(ArchivedHabit::name).containsExactly("Read", "Water");
        ArchivedHabit r = archive.habits().get(0);
        assertThat(r.type()).isEqualTo("boolean");
        assertThat(r.schedule()).isEqualTo(read.schedule());
        assertThat(r.description()).isEqualTo("about Read");
        assertThat(r.color()).isEqualTo("#22aa55");
        assertThat(r.startDate()).isEqualTo(FakeHabits.START);
        assertThat(r.days())
                .containsExactly(
                        new ArchivedDay(FakeHabits.START, null, note, false),
                        new ArchivedDay(FakeHabits.START.plusDays(2), null, null, true));
        ArchivedHabit w = archive.habits().get(1);
        assertThat(w.type()).isEqualTo("count");
        assertThat(w.target()).isEqualByComparingTo("8");
        assertThat(w.unit()).isEqualTo("glasses");
        assertThat(w.archived()).isTrue();
        assertThat(w.days())
                .containsExactly(
                        new ArchivedDay(FakeHabits.START, new BigDecimal("6.5"), "'); DROP TABLE checkin; --", false));
        assertThat(archive.warnings()).isEmpty();
        assertThat(archive.skipped()).isZero();
    }

    @Test
    void thePhotosOfTheZipComeBackOnTheirDaysWithTheirBytes() throws Exception {
        FakeHabits habits = new FakeHabits();
        HabitInfo run = habits.habit("Run", "boolean", null, null, new Schedule.Daily(), false);
        habits.day(run, FakeHabits.START, null, null, false, null);
        java.util.UUID one = java.util.UUID.randomUUID();
        java.util.UUID two = java.util.UUID.randomUUID();
        java.util.Map<java.util.UUID, String> bytes = java.util.Map.of(one, "jpeg bytes", two, "png bytes");
        CsvExport.Photos photos = new CsvExport.Photos() {
            @Override
            public java.util.List<Photo> list(java.util.UUID userId) {
                return java.util.List.of(
                        new Photo(one, run.id(), FakeHabits.START, "image/jpeg", "IMG_1.jpg"),
                        new Photo(two, run.id(), FakeHabits.START, "image/png", null));
            }

            @Override
            public java.util.Optional<java.io.InputStream> open(java.util.UUID userId, java.util.UUID id) {
                return java.util.Optional.of(new java.io.ByteArrayInputStream(
                        bytes.get(id).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            }
        };
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CsvExport.write(habits, FakeHabits.USER, Instant.parse("2026-03-01T10:15:00Z"), out, photos);
        Path file = Files.write(dir.resolve("export.zip"), out.toByteArray());

        Archive archive = Formats.detect(Formats.sniff(file, "application/zip", ImportLimits.DEFAULTS))
                .read(file, ImportLimits.DEFAULTS);

        String day = FakeHabits.START.toString();
        assertThat(archive.photos())
                .containsExactly(
                        new io.steadfast.transfer.internal.archive.ArchivedPhoto(
                                "run", FakeHabits.START, "photos/run/" + day + "-1.jpg", "IMG_1.jpg"),
                        new io.steadfast.transfer.internal.archive.ArchivedPhoto(
                                "run", FakeHabits.START, "photos/run/" + day + "-2.png", null));
        assertThat(archive.habits().get(0).sourceId()).isEqualTo("run");
        try (java.io.InputStream in =
                Formats.entry(file, archive.photos().get(1).entry(), ImportLimits.DEFAULTS)) {
            assertThat(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8))
                    .isEqualTo("png bytes");
        }
        assertThat(archive.warnings()).isEmpty();
    }

    @Test
    void aPhotoIndexRowOfAnUnknownHabitOrAMissingOrOutsideFileIsLeftOutWithAWarning() throws Exception {
        Path file = dir.resolve("hand-made.zip");
        try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(Files.newOutputStream(file))) {
            put(zip, "habits.csv", "habit,type\r\nRun,boolean\r\n");
            put(zip, "habits/run.csv", "habit,date,value,note,status\r\nRun," + FakeHabits.START + ",,,done\r\n");
            put(zip, "photos/run/a.jpg", "a");
            put(zip, "habits/secret.txt", "not a photo");
            put(
                    zip,
                    "photos.csv",
                    "habit,date,file,contentType,fileName\r\n"
                            + "Run," + FakeHabits.START + ",photos/run/a.jpg,image/jpeg,a.jpg\r\n"
                            + "Swim," + FakeHabits.START + ",photos/run/a.jpg,image/jpeg,\r\n"
                            + "Run," + FakeHabits.START + ",photos/run/gone.jpg,image/jpeg,\r\n"
                            + "Run," + FakeHabits.START + ",habits/secret.txt,image/jpeg,\r\n"
                            + "Run," + FakeHabits.START + ",../../etc/passwd,image/jpeg,\r\n");
        }
        Archive archive = Formats.detect(Formats.sniff(file, "application/zip", ImportLimits.DEFAULTS))
                .read(file, ImportLimits.DEFAULTS);
        assertThat(archive.photos())
                .extracting(io.steadfast.transfer.internal.archive.ArchivedPhoto::entry)
                .containsExactly("photos/run/a.jpg");
        assertThat(archive.skipped()).isEqualTo(4);
        assertThat(archive.warnings())
                .anySatisfy(w -> assertThat(w).contains("'Swim', a habit the zip does not define"))
                .anySatisfy(w -> assertThat(w).contains("'photos/run/gone.jpg' is not among the zip's photos"))
                .anySatisfy(w -> assertThat(w).contains("'habits/secret.txt' is not among the zip's photos"))
                .anySatisfy(w -> assertThat(w).contains("'../../etc/passwd' is not among the zip's photos"));
    }

    static void put(java.util.zip.ZipOutputStream zip, String name, String text) throws java.io.IOException {
        zip.putNextEntry(new java.util.zip.ZipEntry(name));
        zip.write(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        zip.closeEntry();
    }
}
