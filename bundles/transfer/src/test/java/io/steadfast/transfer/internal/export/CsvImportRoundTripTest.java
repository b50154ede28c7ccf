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
}
