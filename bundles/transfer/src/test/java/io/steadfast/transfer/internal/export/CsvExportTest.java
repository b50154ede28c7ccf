package io.steadfast.transfer.internal.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

import io.steadfast.habit.api.HabitInfo;
import io.steadfast.habit.api.Schedule;

class CsvExportTest {

    static final Instant AT = Instant.parse("2026-03-01T10:15:00Z");

    final FakeHabits habits = new FakeHabits();

    @Test
    void theZipHoldsTheHabitsThenOneFileOfDaysPerHabit() throws IOException {
        HabitInfo read = habits.habit(
                "Read",
                "boolean",
                null,
                null,
                new Schedule.Weekdays(EnumSet.of(DayOfWeek.MONDAY, DayOfWeek.WEDNESDAY)),
                false);
        HabitInfo water = habits.habit("Water", "count", new BigDecimal("8.0"), "glasses", new Schedule.Daily(), true);
        habits.day(read, FakeHabits.START, null, "chapter 1", false, null)
                .day(read, FakeHabits.START.plusDays(2), null, null, true, null)
                .day(water, FakeHabits.START, "6.50", null, false, null);

        Map<String, String> zip = unzip(write());

        assertThat(zip.keySet()).containsExactly("habits.csv", "habits/read.csv", "habits/water.csv");
        assertThat(zip.get("habits.csv"))
                .isEqualTo("habit,type,target,unit,schedule,startDate,archived,color,description\r\n"
                        + "Read,boolean,,,\"weekdays:MON,WED\",2025-01-01,false,\"#22aa55\",about Read\r\n"
                        + "Water,count,8,glasses,daily,2025-01-01,true,\"#22aa55\",about Water\r\n");
        assertThat(zip.get("habits/read.csv"))
                .isEqualTo("habit,date,value,note,status\r\n"
                        + "Read,2025-01-01,,chapter 1,done\r\n"
                        + "Read,2025-01-03,,,skipped\r\n");
        assertThat(zip.get("habits/water.csv"))
                .isEqualTo("habit,date,value,note,status\r\nWater,2025-01-01,6.5,,done\r\n");
    }

    @Test
    void aNoteWithACommaAQuoteALineBreakAndAFormulaComesBackAsItWas() throws IOException {
        HabitInfo h = habits.habit("Journal, \"daily\"", "boolean", null, null, new Schedule.Daily(), false);
        String note = "ran 5 km, felt \"great\"\nthen =SUM(A1) and -3 @gym\r\n\ttab";
        habits.day(h, FakeHabits.START, null, note, false, null)
                .day(h, FakeHabits.START.plusDays(1), null, "=HYPERLINK(\"x\")", false, null);

        Map<String, String> zip = unzip(write());

        List<CSVRecord> rows = parse(zip.get("habits/journal-daily.csv"));
        assertThat(rows.get(0).toList()).isEqualTo(CsvLayout.DAYS_HEADER);
        assertThat(rows.get(1).get(0)).isEqualTo("Journal, \"daily\"");
        assertThat(rows.get(1).get(3)).as("kept as it is, never prefixed").isEqualTo(note);
        assertThat(rows.get(2).get(3)).isEqualTo("=HYPERLINK(\"x\")");
        assertThat(parse(zip.get("habits.csv")).get(1).get(0)).isEqualTo("Journal, \"daily\"");
    }

    @Test
    void aLongHistoryIsReadAPageAtATime() throws IOException {
        HabitInfo h = habits.habit("Run", "count", new BigDecimal("1"), "km", new Schedule.Daily(), false);
        for (int i = 0; i < 2500; i++) {
            habits.day(h, FakeHabits.START.plusDays(i), String.valueOf(i), null, false, null);
        }

        List<CSVRecord> rows = parse(unzip(write()).get("habits/run.csv"));

        assertThat(rows).hasSize(2501);
        assertThat(rows.get(2500).get(1))
                .isEqualTo(FakeHabits.START.plusDays(2499).toString());
        assertThat(rows.get(2500).get(2)).isEqualTo("2499");
        assertThat(habits.pages).as("three pages of at most 1,000").containsExactly(1000, 1000, 1000);
    }

    @Test
    void habitsOfTheSameNameGetFilesOfTheirOwn() throws IOException {
        habits.habit("Read", "boolean", null, null, new Schedule.Daily(), false);
        habits.habit("read!", "boolean", null, null, new Schedule.Daily(), false);
        habits.habit("Läufe 🏃", "boolean", null, null, new Schedule.Daily(), false);
        habits.habit("🏃", "boolean", null, null, new Schedule.Daily(), false);

        assertThat(unzip(write()).keySet())
                .containsExactly(
                        "habits.csv", "habits/read.csv", "habits/read-2.csv", "habits/laufe.csv", "habits/habit.csv");
    }

    @Test
    void theCallersStreamStaysOpen() throws IOException {
        habits.habit("Read", "boolean", null, null, new Schedule.Daily(), false);
        AtomicBoolean closed = new AtomicBoolean();
        OutputStream out = new ByteArrayOutputStream() {
            @Override
            public void close() {
                closed.set(true);
            }
        };
        CsvExport.write(habits, FakeHabits.USER, AT, out);
        assertThat(closed).isFalse();
    }

    @Test
    void slugsAreAsciiAndBounded() {
        assertThat(CsvLayout.slug("Morning  Run -- 5km")).isEqualTo("morning-run-5km");
        assertThat(CsvLayout.slug("Crème brûlée")).isEqualTo("creme-brulee");
        assertThat(CsvLayout.slug("x".repeat(100))).hasSize(CsvLayout.SLUG_MAX);
        assertThat(CsvLayout.slug(null)).isEqualTo("habit");
    }

    private byte[] write() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CsvExport.write(habits, FakeHabits.USER, AT, out);
        return out.toByteArray();
    }

    @Test
    void thePhotosComeInTheZipWithTheirIndex() throws IOException {
        HabitInfo run = habits.habit("Run", "boolean", null, null, new Schedule.Daily(), false);
        HabitInfo other = habits.habit("Other", "boolean", null, null, new Schedule.Daily(), false);
        habits.day(run, FakeHabits.START, null, null, false, null);
        UUID one = UUID.randomUUID();
        UUID two = UUID.randomUUID();
        UUID gone = UUID.randomUUID();
        UUID stranger = UUID.randomUUID();
        Map<UUID, String> bytes = Map.of(one, "jpeg-1", two, "png-2");
        CsvExport.Photos photos = new CsvExport.Photos() {
            @Override
            public List<Photo> list(UUID userId) {
                return List.of(
                        new Photo(one, run.id(), FakeHabits.START, "image/jpeg", "IMG_1.jpg"),
                        new Photo(two, run.id(), FakeHabits.START, "image/png", null),
                        new Photo(gone, other.id(), FakeHabits.START, "image/jpeg", null),
                        new Photo(stranger, UUID.randomUUID(), FakeHabits.START, "image/jpeg", null));
            }

            @Override
            public java.util.Optional<java.io.InputStream> open(UUID userId, UUID id) {
                return java.util.Optional.ofNullable(bytes.get(id))
                        .map(s -> new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8)));
            }
        };
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        CsvExport.write(habits, FakeHabits.USER, AT, out, photos);
        Map<String, String> zip = unzip(out.toByteArray());

        String day = FakeHabits.START.toString();
        assertThat(zip).containsEntry("photos/run/" + day + "-1.jpg", "jpeg-1");
        assertThat(zip).containsEntry("photos/run/" + day + "-2.png", "png-2");
        assertThat(zip.keySet()).filteredOn(k -> k.startsWith("photos/")).hasSize(2);
        assertThat(zip.get("photos.csv"))
                .isEqualTo("habit,date,file,contentType,fileName\r\n"
                        + "Run," + day + ",photos/run/" + day + "-1.jpg,image/jpeg,IMG_1.jpg\r\n"
                        + "Run," + day + ",photos/run/" + day + "-2.png,image/png,\r\n");
    }

    static Map<String, String> unzip(byte[] zip) throws IOException {
        Map<String, String> files = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                assertThat(e.getLastModifiedTime().toInstant())
                        .as("the server's clock")
                        .isEqualTo(AT);
                files.put(e.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return files;
    }

    static List<CSVRecord> parse(String csv) throws IOException {
        return CSVFormat.RFC4180.parse(new StringReader(csv)).getRecords();
    }

    static List<CSVRecord> parse(byte[] csv) throws IOException {
        return CSVFormat.RFC4180
                .parse(new InputStreamReader(new ByteArrayInputStream(csv), StandardCharsets.UTF_8))
                .getRecords();
    }
}
