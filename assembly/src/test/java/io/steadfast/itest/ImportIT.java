package io.steadfast.itest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Imports through two nodes on PostgreSQL and Redis: each format read from a file the test makes itself, checked
 * against what the file says (habits, schedules, days, streaks); the same file twice adds nothing; hostile and
 * malformed files are refused at once and change nothing; another user's import answers 404. Dates come from the
 * server's clock.
 */
class ImportIT {

    static Http a;
    static Http b;
    static final HttpClient CLIENT = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        Cluster cluster = Cluster.get();
        a = cluster.node(0);
        b = cluster.node(1);
    }

    static String newUser(String what) {
        return Accounts.register(a, "import-" + what + "-" + UUID.randomUUID() + "@example.org")
                .token();
    }

    /** Sends {@code bytes} as the raw body. */
    static HttpResponse<String> upload(Http node, String token, byte[] bytes, String contentType) {
        return send(node, token, HttpRequest.BodyPublishers.ofByteArray(bytes), contentType);
    }

    /** Sends {@code bytes} as the 'file' field of a multipart/form-data body. */
    static HttpResponse<String> uploadForm(Http node, String token, byte[] bytes, String fileName, String type) {
        String boundary = "----steadfast" + UUID.randomUUID();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                        + "\"\r\nContent-Type: " + type + "\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        out.writeBytes(bytes);
        out.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send(
                node,
                token,
                HttpRequest.BodyPublishers.ofByteArray(out.toByteArray()),
                "multipart/form-data; boundary=" + boundary);
    }

    private static HttpResponse<String> send(
            Http node, String token, HttpRequest.BodyPublisher body, String contentType) {
        try {
            return CLIENT.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + node.port() + "/api/v1/me/imports"))
                            .timeout(Duration.ofSeconds(60))
                            .header("Authorization", "Bearer " + token)
                            .header("Content-Type", contentType)
                            .POST(body)
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Uploads, expects 202, and waits (on the other node) until the import is done. */
    static Map<String, Object> importDone(String token, byte[] bytes, String contentType) {
        HttpResponse<String> accepted = upload(a, token, bytes, contentType);
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        assertThat(accepted.headers().firstValue("Location")).isPresent();
        Map<String, Object> job = Http.json(accepted);
        assertThat(job.get("status")).isIn("queued", "running", "done");
        return awaitDone(token, job.get("id").toString());
    }

    static Map<String, Object> awaitDone(String token, String id) {
        HttpResponse<String> r = b.awaitAs(
                token,
                "/api/v1/me/imports/" + id,
                x -> x.statusCode() == 200
                        && List.of("done", "failed").contains(Http.json(x).get("status")),
                Duration.ofSeconds(60));
        Map<String, Object> job = Http.json(r);
        assertThat(job.get("status")).as(r.body()).isEqualTo("done");
        return job;
    }

    static List<Map<String, Object>> habits(String token) {
        HttpResponse<String> r = b.as(token, "GET", "/api/v1/habits", null);
        assertThat(r.statusCode()).isEqualTo(200);
        return Http.list(r);
    }

    static List<Map<String, Object>> allHabits(String token) {
        List<Map<String, Object>> all = new java.util.ArrayList<>(habits(token));
        all.addAll(Http.list(b.as(token, "GET", "/api/v1/habits?archived=true", null)));
        return all;
    }

    static Map<String, Object> habit(String token, String name) {
        return allHabits(token).stream()
                .filter(h -> name.equals(h.get("name")))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no habit " + name + " in " + allHabits(token)));
    }

    static List<Map<String, Object>> checkins(String token, Object habitId, LocalDate from, LocalDate to) {
        HttpResponse<String> r =
                b.as(token, "GET", "/api/v1/habits/" + habitId + "/checkins?from=" + from + "&to=" + to, null);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return Http.list(r);
    }

    static Map<?, ?> streak(String token, Object habitId) {
        return (Map<?, ?>) Http.json(b.as(token, "GET", "/api/v1/habits/" + habitId + "/stats", null))
                .get("streak");
    }

    static Map<?, ?> summary(Map<String, Object> job) {
        return (Map<?, ?>) job.get("summary");
    }

    // --- the generic CSV --------------------------------------------------------------------------------------

    @Test
    void aCsvBecomesHabitsWithTheirDaysAndStreaksAndTheSameFileTwiceAddsNothing() {
        String token = newUser("csv");
        LocalDate t = ServerTime.today(a);
        StringBuilder csv = new StringBuilder("habit,date,value,note,status\n");
        // Read: done 10 to 6 days ago (5 days), nothing 5 days ago, done 4 to 1 days ago (4 days)
        for (int d = 10; d >= 1; d--) {
            if (d != 5) {
                csv.append("Read,")
                        .append(t.minusDays(d))
                        .append(",,")
                        .append(d == 3 ? "\"a, \"\"good\"\" one\"" : "")
                        .append(",done\n");
            }
        }
        csv.append("Read,").append(t.minusDays(11)).append(",,,skipped\n");
        csv.append("\"=HYPERLINK(\"\"http://example.org\"\")\",")
                .append(t.minusDays(2))
                .append(",,'); DROP TABLE habit; --,\n");
        byte[] file = csv.toString().getBytes(StandardCharsets.UTF_8);

        Map<String, Object> job = importDone(token, file, "text/csv");
        assertThat(job.get("format")).isEqualTo("csv");
        assertThat(summary(job).get("habits")).isEqualTo(2);
        assertThat(summary(job).get("checkins")).isEqualTo(11);
        assertThat(job.get("progress")).isEqualTo(Map.of("done", 11, "total", 11));

        Map<String, Object> read = habit(token, "Read");
        assertThat(read.get("type")).isEqualTo("boolean");
        List<Map<String, Object>> days = checkins(token, read.get("id"), t.minusDays(30), t);
        assertThat(days).hasSize(10);
        assertThat(days).as("marked as imported").allSatisfy(d -> assertThat(d.get("imported"))
                .isEqualTo(true));
        assertThat(days.stream()
                        .filter(d -> "skipped".equals(d.get("recordStatus")))
                        .count())
                .isEqualTo(1);
        assertThat(days.stream()
                        .filter(d -> t.minusDays(3).toString().equals(d.get("date")))
                        .findFirst()
                        .orElseThrow()
                        .get("note"))
                .isEqualTo("a, \"good\" one");
        Map<?, ?> streak = streak(token, read.get("id"));
        assertThat(streak.get("current")).as(streak.toString()).isEqualTo(4);
        assertThat(streak.get("longest")).as(streak.toString()).isEqualTo(5);

        // a formula and SQL are text: a habit's name and a day's note, nothing evaluated, the habit table intact
        Map<String, Object> formula = habit(token, "=HYPERLINK(\"http://example.org\")");
        assertThat(checkins(token, formula.get("id"), t.minusDays(2), t.minusDays(2))
                        .get(0)
                        .get("note"))
                .isEqualTo("'); DROP TABLE habit; --");

        // the same file again: nothing new
        Map<String, Object> again = importDone(token, file, "text/csv; charset=utf-8");
        assertThat(summary(again).get("habits")).isEqualTo(0);
        assertThat(summary(again).get("checkins")).isEqualTo(0);
        assertThat(allHabits(token)).hasSize(2);
        assertThat(checkins(token, read.get("id"), t.minusDays(30), t)).hasSize(10);

        // the list of imports, newest first
        List<Map<String, Object>> list = Http.list(a.as(token, "GET", "/api/v1/me/imports", null));
        assertThat(list).hasSize(2);
        assertThat(list.get(0).get("id")).isEqualTo(again.get("id"));
    }

    @Test
    void theCsvExportsPhotosComeIntoAnotherAccountOnTheirDaysOnce() throws Exception {
        String ann = newUser("photos-from");
        LocalDate t = ServerTime.today(a);
        HttpResponse<String> h = a.as(
                ann,
                "POST",
                "/api/v1/habits",
                "{\"name\":\"Run\",\"type\":\"boolean\",\"schedule\":{\"kind\":\"daily\"},\"startDate\":\""
                        + t.minusDays(3) + "\"}");
        assertThat(h.statusCode()).as(h.body()).isEqualTo(201);
        String habit = Http.json(h).get("id").toString();
        LocalDate day = t.minusDays(1);
        assertThat(a.as(ann, "PUT", "/api/v1/habits/" + habit + "/checkins/" + day, "{}")
                        .statusCode())
                .isEqualTo(200);
        AttachmentsIT.uploadJpeg(a, ann, habit, day);
        HttpResponse<byte[]> export = CLIENT.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + a.port() + "/api/v1/me/export?format=csv"))
                        .header("Authorization", "Bearer " + ann)
                        .timeout(Duration.ofSeconds(60))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(export.statusCode()).isEqualTo(200);
        byte[] zip = export.body();

        String cat = newUser("photos-to");
        Map<String, Object> job = importDone(cat, zip, "application/zip");
        assertThat(summary(job).get("skipped")).as(job.toString()).isEqualTo(0);
        assertThat(summary(job).get("photos")).as(job.toString()).isEqualTo(1);
        Object run = habit(cat, "Run").get("id");
        String photos = "/api/v1/habits/" + run + "/checkins/" + day + "/attachments";
        List<Map<String, Object>> list = Http.list(b.as(cat, "GET", photos, null));
        assertThat(list).hasSize(1);
        assertThat(list.get(0).get("contentType")).isEqualTo("image/jpeg");
        assertThat(list.get(0).get("width")).isNotNull();

        // the same zip again, and a resumed import, add no copy
        Map<String, Object> again = importDone(cat, zip, "application/zip");
        assertThat(summary(again).get("photos")).as(again.toString()).isEqualTo(0);
        assertThat(Http.list(b.as(cat, "GET", photos, null))).hasSize(1);
    }

    // --- Loop Habit Tracker ----------------------------------------------------------------------------------

    /** Loop's timestamps: milliseconds at UTC midnight of the day. */
    static long loopDay(LocalDate d) {
        return d.atStartOfDay(java.time.ZoneOffset.UTC).toInstant().toEpochMilli();
    }

    /** A Loop backup as Loop's migrations leave its database (version 25), with three habits. */
    static byte[] loopBackup(LocalDate t) throws Exception {
        java.nio.file.Path file = java.nio.file.Files.createTempFile("loop-", ".db");
        java.nio.file.Files.delete(file);
        try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + file);
                java.sql.Statement s = c.createStatement()) {
            s.execute("CREATE TABLE android_metadata (locale TEXT)");
            s.execute("INSERT INTO android_metadata VALUES ('en_US')");
            s.execute("CREATE TABLE Habits (id integer primary key autoincrement, archived integer, color integer, "
                    + "description text, freq_den integer, freq_num integer, highlight integer, name text, "
                    + "position integer, reminder_hour integer, reminder_min integer, reminder_days integer not null "
                    + "default 127, type integer not null default 0, target_type integer not null default 0, "
                    + "target_value real not null default 0, unit text not null default \"\", question text, "
                    + "uuid text)");
            s.execute("CREATE TABLE Repetitions (id integer primary key autoincrement, habit integer not null "
                    + "references habits(id), timestamp integer not null, value integer not null, notes text)");
            s.execute("CREATE UNIQUE INDEX idx_repetitions_habit_timestamp on Repetitions(habit, timestamp)");
            s.execute("CREATE TABLE Events (id integer primary key autoincrement, timestamp integer, message text, "
                    + "server_id integer)");
            // yes/no, every day, green, a reminder at 07:30 on every day
            s.execute("INSERT INTO Habits VALUES (1, 0, 7, 'Ten minutes', 1, 1, 0, 'Meditate', 0, 7, 30, 127, 0, 0, "
                    + "0, '', 'Did you meditate?', 'a1b2c3d4e5f60718293a4b5c6d7e8f90')");
            // measurable: at least 5 km a day
            s.execute("INSERT INTO Habits VALUES (2, 0, 11, '', 1, 1, 0, 'Run', 1, NULL, NULL, 127, 1, 0, 5.0, 'km',"
                    + " 'How far did you run?', 'b1b2c3d4e5f60718293a4b5c6d7e8f90')");
            // archived, three times a week
            s.execute("INSERT INTO Habits VALUES (3, 1, 0, '', 7, 3, 0, 'Swim', 2, NULL, NULL, 127, 0, 0, 0, '', "
                    + "'Did you swim?', 'c1b2c3d4e5f60718293a4b5c6d7e8f90')");
            try (java.sql.PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO Repetitions (habit, timestamp, value, notes) VALUES (?, ?, ?, ?)")) {
                Object[][] rows = {
                    // Meditate: an implied day (not a check-in), then done 6 to 4 days ago, skipped 3 days ago, done
                    // 2 and 1 days ago (a note on the last)
                    {1, t.minusDays(8), 1, null},
                    {1, t.minusDays(6), 2, null},
                    {1, t.minusDays(5), 2, null},
                    {1, t.minusDays(4), 2, null},
                    {1, t.minusDays(3), 3, null},
                    {1, t.minusDays(2), 2, null},
                    {1, t.minusDays(1), 2, "calm"},
                    // Run: 5.2 km and 3 km (amounts times 1000)
                    {2, t.minusDays(2), 5200, null},
                    {2, t.minusDays(1), 3000, "tired"},
                    // Swim
                    {3, t.minusDays(10), 2, null},
                    {3, t.minusDays(9), 2, null},
                };
                for (Object[] r : rows) {
                    ps.setInt(1, (Integer) r[0]);
                    ps.setLong(2, loopDay((LocalDate) r[1]));
                    ps.setInt(3, (Integer) r[2]);
                    ps.setString(4, (String) r[3]);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            s.execute("PRAGMA user_version = 25");
        }
        byte[] bytes = java.nio.file.Files.readAllBytes(file);
        java.nio.file.Files.delete(file);
        return bytes;
    }

    @Test
    void aLoopBackupBringsItsHabitsSchedulesDaysRemindersAndStreaks() throws Exception {
        String token = newUser("loop");
        LocalDate t = ServerTime.today(a);
        byte[] backup = loopBackup(t);
        HttpResponse<String> accepted =
                uploadForm(a, token, backup, "Loop Habits Backup 2026-12-01.db", "application/octet-stream");
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        Map<String, Object> job = awaitDone(token, Http.json(accepted).get("id").toString());
        assertThat(job.get("format")).isEqualTo("loop-sqlite");
        assertThat(job.get("fileName")).isEqualTo("Loop Habits Backup 2026-12-01.db");
        assertThat(summary(job).get("habits")).isEqualTo(3);
        assertThat(summary(job).get("checkins"))
                .as("the implied day is not a check-in")
                .isEqualTo(10);

        Map<String, Object> meditate = habit(token, "Meditate");
        assertThat(meditate.get("type")).isEqualTo("boolean");
        assertThat(meditate.get("schedule")).isEqualTo(Map.of("kind", "daily"));
        assertThat(meditate.get("color")).isEqualTo("#388e3c");
        assertThat(meditate.get("description").toString())
                .contains("Did you meditate?")
                .contains("Ten minutes");
        assertThat(meditate.get("archived")).isEqualTo(false);
        List<Map<String, Object>> days = checkins(token, meditate.get("id"), t.minusDays(30), t);
        assertThat(days)
                .extracting(d -> d.get("date"))
                .containsExactly(
                        t.minusDays(6).toString(),
                        t.minusDays(5).toString(),
                        t.minusDays(4).toString(),
                        t.minusDays(3).toString(),
                        t.minusDays(2).toString(),
                        t.minusDays(1).toString());
        assertThat(days.get(3).get("recordStatus")).isEqualTo("skipped");
        assertThat(days.get(5).get("note")).isEqualTo("calm");
        // skipped days neither break nor count: 3 + 2
        Map<?, ?> streak = streak(token, meditate.get("id"));
        assertThat(streak.get("current")).as(streak.toString()).isEqualTo(5);
        List<Map<String, Object>> reminders =
                Http.list(b.as(token, "GET", "/api/v1/habits/" + meditate.get("id") + "/reminders", null));
        assertThat(reminders).singleElement().satisfies(r -> assertThat(r.get("time"))
                .isEqualTo("07:30"));

        Map<String, Object> run = habit(token, "Run");
        assertThat(run.get("type")).isEqualTo("count");
        assertThat(dec(run.get("target"))).isEqualByComparingTo("5");
        assertThat(run.get("unit")).isEqualTo("km");
        List<Map<String, Object>> runs = checkins(token, run.get("id"), t.minusDays(30), t);
        assertThat(runs)
                .extracting(d -> dec(d.get("value")).stripTrailingZeros().toPlainString())
                .containsExactly("5.2", "3");
        assertThat(runs.get(0).get("status")).isEqualTo("done");
        assertThat(runs.get(1).get("status")).as("3 of 5 km").isEqualTo("partial");
        assertThat(runs.get(1).get("note")).isEqualTo("tired");

        Map<String, Object> swim = habit(token, "Swim");
        assertThat(swim.get("archived")).isEqualTo(true);
        assertThat(swim.get("schedule")).isEqualTo(Map.of("kind", "times_per_week", "times", 3));
        assertThat(checkins(token, swim.get("id"), t.minusDays(30), t)).hasSize(2);

        // the same backup again (as a raw body this time): nothing new, not even a second reminder
        Map<String, Object> again = importDone(token, backup, "application/x-sqlite3");
        assertThat(summary(again).get("habits")).isEqualTo(0);
        assertThat(summary(again).get("checkins")).isEqualTo(0);
        assertThat(allHabits(token)).hasSize(3);
        assertThat(Http.list(b.as(token, "GET", "/api/v1/habits/" + meditate.get("id") + "/reminders", null)))
                .hasSize(1);
    }

    /** Loop's CSV export: Habits.csv and a folder per habit with its Checkmarks.csv (no header, Loop's codes). */
    static byte[] loopCsvExport(LocalDate t) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("Habits.csv"));
            zip.write(("Position,Name,Question,Description,NumRepetitions,Interval,Color\n"
                            + "001,Stretch,Did you stretch?,,1,1,#00897B\n"
                            + "002,Read,Did you read?,Fiction counts,3,7,#5E35B1\n")
                    .getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry("001 Stretch/Checkmarks.csv"));
            StringBuilder stretch = new StringBuilder();
            for (int d = 1; d <= 7; d++) {
                // newest first, as Loop writes them; 4 days ago not done
                stretch.append(t.minusDays(d))
                        .append(',')
                        .append(d == 4 ? 0 : 2)
                        .append('\n');
            }
            zip.write(stretch.toString().getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry("001 Stretch/Scores.csv"));
            zip.write((t.minusDays(1) + ",0.5\n").getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry("002 Read/Checkmarks.csv"));
            zip.write((t.minusDays(2) + ",2\n" + t.minusDays(3) + ",1\n").getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry("Checkmarks.csv"));
            zip.write(("Date,Stretch,Read\n" + t.minusDays(1) + ",2,0\n").getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        return bytes.toByteArray();
    }

    @Test
    void aLoopCsvExportBringsItsHabitsAndDays() throws IOException {
        String token = newUser("loopcsv");
        LocalDate t = ServerTime.today(a);
        byte[] zip = loopCsvExport(t);
        HttpResponse<String> accepted = uploadForm(a, token, zip, "Loop Habits CSV 2026-12-01.zip", "application/zip");
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        Map<String, Object> job = awaitDone(token, Http.json(accepted).get("id").toString());
        assertThat(job.get("format")).isEqualTo("loop-csv");
        assertThat(summary(job).get("habits")).isEqualTo(2);

        Map<String, Object> stretch = habit(token, "Stretch");
        assertThat(stretch.get("schedule")).isEqualTo(Map.of("kind", "daily"));
        assertThat(stretch.get("color")).isEqualTo("#00897b");
        List<Map<String, Object>> days = checkins(token, stretch.get("id"), t.minusDays(30), t);
        assertThat(days).hasSize(6);
        assertThat(days)
                .extracting(d -> d.get("date"))
                .doesNotContain(t.minusDays(4).toString());
        Map<?, ?> streak = streak(token, stretch.get("id"));
        assertThat(streak.get("current")).as(streak.toString()).isEqualTo(3);
        assertThat(streak.get("longest")).as(streak.toString()).isEqualTo(3);

        Map<String, Object> read = habit(token, "Read");
        assertThat(read.get("schedule")).isEqualTo(Map.of("kind", "times_per_week", "times", 3));
        assertThat(checkins(token, read.get("id"), t.minusDays(30), t))
                .as("the implied day is not a check-in")
                .singleElement()
                .satisfies(
                        d -> assertThat(d.get("date")).isEqualTo(t.minusDays(2).toString()));

        assertThat(summary(importDone(token, zip, "application/zip")).get("checkins"))
                .isEqualTo(0);
        assertThat(allHabits(token)).hasSize(2);
    }

    // --- Habitica ---------------------------------------------------------------------------------------------

    @Test
    void aHabiticaExportBringsDailiesWithTheirRepeatRulesAndHistory() {
        String token = newUser("habitica");
        LocalDate t = ServerTime.today(a);
        java.time.ZoneId zone = ServerTime.zone();
        // JavaScript's getTimezoneOffset: minutes behind UTC (UTC+1 is -60)
        int offset = -zone.getRules()
                        .getOffset(t.atTime(12, 0).atZone(zone).toInstant())
                        .getTotalSeconds()
                / 60;
        StringBuilder floss = new StringBuilder();
        for (int d = 3; d >= 1; d--) {
            long at = t.minusDays(d).atTime(21, 0).atZone(zone).toInstant().toEpochMilli();
            floss.append(floss.length() == 0 ? "" : ",")
                    .append("{\"date\":")
                    .append(at)
                    .append(",\"value\":")
                    .append(d)
                    .append(",\"completed\":true," + "\"isDue\":true}");
        }
        String export = "{\"_id\":\"u-1\",\"auth\":{\"local\":{\"username\":\"ann\"}},"
                + "\"preferences\":{\"timezoneOffset\":" + offset + ",\"dayStart\":0},"
                + "\"tasks\":{"
                + "\"dailys\":[{\"id\":\"d-floss\",\"type\":\"daily\",\"text\":\"Floss\",\"notes\":\"Every night\","
                + "\"frequency\":\"daily\",\"everyX\":1,\"startDate\":\"" + t.minusDays(20) + "T00:00:00.000Z\","
                + "\"repeat\":{\"m\":true,\"t\":true,\"w\":true,\"th\":true,\"f\":true,\"s\":true,\"su\":true},"
                + "\"reminders\":[],\"history\":[" + floss + "]},"
                + "{\"id\":\"d-gym\",\"type\":\"daily\",\"text\":\"Gym\",\"frequency\":\"weekly\",\"everyX\":1,"
                + "\"startDate\":\"" + t.minusDays(20) + "T00:00:00.000Z\",\"repeat\":{\"m\":true,\"t\":false,"
                + "\"w\":true,\"th\":false,\"f\":true,\"s\":false,\"su\":false},\"history\":[]}],"
                + "\"habits\":[],"
                + "\"todos\":[{\"id\":\"t-1\",\"type\":\"todo\",\"text\":\"Buy floss\"}],"
                + "\"rewards\":[]}}";
        Map<String, Object> job = importDone(token, export.getBytes(StandardCharsets.UTF_8), "application/json");
        assertThat(job.get("format")).isEqualTo("habitica");
        assertThat(summary(job).get("habits")).isEqualTo(2);
        assertThat((Integer) summary(job).get("skipped")).as("the to-do").isGreaterThanOrEqualTo(1);

        Map<String, Object> f = habit(token, "Floss");
        assertThat(f.get("type")).isEqualTo("boolean");
        assertThat(f.get("schedule")).isEqualTo(Map.of("kind", "daily"));
        assertThat(checkins(token, f.get("id"), t.minusDays(30), t))
                .extracting(d -> d.get("date"))
                .containsExactly(
                        t.minusDays(3).toString(),
                        t.minusDays(2).toString(),
                        t.minusDays(1).toString());
        assertThat(streak(token, f.get("id")).get("current")).isEqualTo(3);
        assertThat(habit(token, "Gym").get("schedule"))
                .isEqualTo(Map.of("kind", "weekdays", "days", List.of("MON", "WED", "FRI")));
        assertThat(allHabits(token)).extracting(h -> h.get("name")).doesNotContain("Buy floss");
    }

    // --- Steadfast's own export: the lossless round trip ---------------------------------------------------------

    static String exportJson(String token) {
        HttpResponse<String> r = b.as(token, "GET", "/api/v1/me/export?format=json", null);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return r.body();
    }

    /**
     * What an import restores, ids aside: the habits with their days, the reminders and the vacations, each id of
     * the server replaced by the habit's name (the documents come from two accounts).
     */
    @SuppressWarnings("unchecked")
    static Map<String, Object> restorable(String document) {
        Map<String, Object> doc = Http.json(document);
        Map<String, String> names = new java.util.HashMap<>();
        List<Map<String, Object>> habits = (List<Map<String, Object>>) doc.get("habits");
        for (Map<String, Object> h : habits) {
            Map<String, Object> habit = (Map<String, Object>) h.get("habit");
            names.put(habit.get("id").toString(), habit.get("name").toString());
        }
        java.util.function.Function<Object, Object> name = id -> id == null ? null : names.get(id.toString());
        List<Object> outHabits = new java.util.ArrayList<>();
        for (Map<String, Object> h : habits) {
            Map<String, Object> habit = new java.util.TreeMap<>((Map<String, Object>) h.get("habit"));
            habit.remove("id");
            List<Object> days = new java.util.ArrayList<>();
            for (Map<String, Object> c : (List<Map<String, Object>>) h.get("checkins")) {
                Map<String, Object> day = new java.util.TreeMap<>(c);
                day.put("habitId", name.apply(day.get("habitId")));
                days.add(day);
            }
            habit.put("checkins", days);
            outHabits.add(habit);
        }
        List<Object> reminders = new java.util.ArrayList<>();
        for (Map<String, Object> r : (List<Map<String, Object>>) doc.get("reminders")) {
            Map<String, Object> reminder = new java.util.TreeMap<>(r);
            reminder.remove("id");
            reminder.remove("createdAt");
            reminder.remove("updatedAt");
            reminder.put("habitId", name.apply(reminder.get("habitId")));
            reminders.add(reminder);
        }
        List<Object> vacations = new java.util.ArrayList<>();
        for (Map<String, Object> v : (List<Map<String, Object>>) doc.get("vacations")) {
            Map<String, Object> vacation = new java.util.TreeMap<>(v);
            vacation.remove("id");
            vacation.remove("createdAt");
            Object ids = vacation.get("habitIds");
            vacation.put(
                    "habitIds",
                    ids == null
                            ? null
                            : ((List<Object>) ids).stream().map(name).sorted().toList());
            vacations.add(vacation);
        }
        return Map.of(
                "format",
                doc.get("format"),
                "version",
                doc.get("version"),
                "habits",
                outHabits,
                "reminders",
                reminders,
                "vacations",
                vacations);
    }

    @Test
    void steadfastsOwnExportImportedIntoAFreshAccountExportsTheSameDocumentIdsAside() {
        String from = newUser("roundtrip-from");
        LocalDate t = ServerTime.today(a);
        HttpResponse<String> read = a.as(
                from,
                "POST",
                "/api/v1/habits",
                "{\"name\":\"Read\",\"type\":\"boolean\",\"schedule\":{\"kind\":\"daily\"},\"color\":\"#3366cc\","
                        + "\"icon\":\"book\",\"description\":\"Twenty pages\",\"startDate\":\"" + t.minusDays(20)
                        + "\"}");
        assertThat(read.statusCode()).as(read.body()).isEqualTo(201);
        Object readId = Http.json(read).get("id");
        HttpResponse<String> water = a.as(
                from,
                "POST",
                "/api/v1/habits",
                "{\"name\":\"Water\",\"type\":\"count\",\"target\":8,\"unit\":\"glasses\",\"schedule\":{\"kind\":"
                        + "\"weekdays\",\"days\":[\"MON\",\"WED\",\"FRI\"]},\"startDate\":\"" + t.minusDays(20)
                        + "\"}");
        assertThat(water.statusCode()).as(water.body()).isEqualTo(201);
        Object waterId = Http.json(water).get("id");
        HttpResponse<String> old = a.as(
                from,
                "POST",
                "/api/v1/habits",
                "{\"name\":\"Old\",\"type\":\"boolean\",\"schedule\":{\"kind\":\"times_per_week\",\"times\":2},"
                        + "\"startDate\":\"" + t.minusDays(20) + "\",\"archived\":true}");
        assertThat(old.statusCode()).as(old.body()).isEqualTo(201);
        for (int d = 1; d <= 12; d++) {
            String body = d == 4
                    ? "{\"status\":\"skipped\"}"
                    : d == 2 ? "{\"note\":\"line one\\nline \\\"two\\\", ok\"}" : "{}";
            assertThat(a.as(from, "PUT", "/api/v1/habits/" + readId + "/checkins/" + t.minusDays(d), body)
                            .statusCode())
                    .isEqualTo(200);
        }
        for (int d = 1; d <= 6; d++) {
            assertThat(a.as(
                                    from,
                                    "PUT",
                                    "/api/v1/habits/" + waterId + "/checkins/" + t.minusDays(d),
                                    "{\"value\":" + (d + 2.5) + "}")
                            .statusCode())
                    .isEqualTo(200);
        }
        assertThat(a.as(
                                from,
                                "POST",
                                "/api/v1/habits/" + readId + "/reminders",
                                "{\"time\":\"21:30\",\"days\":[\"SUN\",\"TUE\"],\"onlyIfNotDone\":true}")
                        .statusCode())
                .isEqualTo(201);
        assertThat(a.as(
                                from,
                                "POST",
                                "/api/v1/me/vacations",
                                "{\"from\":\"" + t.plusDays(3) + "\",\"to\":\"" + t.plusDays(5) + "\",\"habitIds\":[\""
                                        + waterId + "\"]}")
                        .statusCode())
                .isEqualTo(201);
        // settings unlike a new account's, after the days (a zone moves the user's today)
        HttpResponse<String> settings = a.as(
                from,
                "PATCH",
                "/api/v1/me",
                "{\"timezone\":\"America/Sao_Paulo\",\"weekStart\":\"SUN\",\"dayStartsAt\":3}");
        assertThat(settings.statusCode()).as(settings.body()).isEqualTo(200);
        // the statistics settle before the export (achievements are informative, not compared)
        String first = exportJson(from);

        String to = newUser("roundtrip-to");
        Map<String, Object> job = importDone(to, first.getBytes(StandardCharsets.UTF_8), "application/json");
        assertThat(job.get("format")).isEqualTo("steadfast");
        assertThat(summary(job).get("habits")).isEqualTo(3);
        assertThat(summary(job).get("checkins")).isEqualTo(18);
        String second = exportJson(to);

        assertThat(restorable(second)).isEqualTo(restorable(first));
        Map<String, Object> restored = Http.json(b.as(to, "GET", "/api/v1/me", null));
        assertThat(restored)
                .containsEntry("timezone", "America/Sao_Paulo")
                .containsEntry(
                        "weekStart",
                        Http.json(a.as(from, "GET", "/api/v1/me", null)).get("weekStart"))
                .containsEntry("dayStartsAt", 3);

        // and once more: nothing new
        Map<String, Object> again = importDone(to, first.getBytes(StandardCharsets.UTF_8), "application/json");
        assertThat(summary(again).get("habits")).isEqualTo(0);
        assertThat(summary(again).get("checkins")).isEqualTo(0);
        assertThat(restorable(exportJson(to))).isEqualTo(restorable(first));
    }

    // --- refused files ----------------------------------------------------------------------------------------

    @Test
    void malformedAndHostileFilesAreRefusedAtOnceAndChangeNothing() throws IOException {
        String token = newUser("hostile");
        LocalDate t = ServerTime.today(a);

        // binary garbage: no known format
        byte[] garbage = new byte[4096];
        new java.util.Random(7).nextBytes(garbage);
        assertProblem(upload(a, token, garbage, "application/octet-stream"), 422);

        // a CSV with a day that is not a date names the line
        HttpResponse<String> badDate = upload(
                a,
                token,
                ("habit,date,value,note,status\nRead," + t.minusDays(1) + ",,,\nRead,2024-13-01,,,\n")
                        .getBytes(StandardCharsets.UTF_8),
                "text/csv");
        assertProblem(badDate, 422);
        assertThat(badDate.body()).contains("2024-13-01").contains("3");

        // a zip bomb: a small file that unpacks to far more than the limit
        ByteArrayOutputStream zipped = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(zipped)) {
            zip.putNextEntry(new ZipEntry("habits.csv"));
            zip.write("habit,type,target,unit,schedule,startDate,archived,color,description\n"
                    .getBytes(StandardCharsets.UTF_8));
            // empty lines: the CSV reader skips them, so only the unpacked size stops the file
            byte[] lines = new byte[1 << 20];
            java.util.Arrays.fill(lines, (byte) '\n');
            for (int i = 0; i < 260; i++) {
                zip.write(lines);
            }
            zip.closeEntry();
        }
        assertThat(zipped.size()).isLessThan(2 << 20);
        assertProblem(uploadForm(a, token, zipped.toByteArray(), "export.zip", "application/zip"), 413);

        // larger than the largest import file
        assertProblem(upload(a, token, new byte[(50 << 20) + 1], "application/octet-stream"), 413);

        // an empty body and no body type
        assertProblem(upload(a, token, new byte[0], "text/csv"), 422);

        // a SQLite file that is not a Loop backup
        java.nio.file.Path db = java.nio.file.Files.createTempFile("not-loop", ".db");
        try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + db)) {
            c.createStatement().execute("CREATE TABLE accounts (id INTEGER PRIMARY KEY, owner TEXT)");
            c.createStatement().execute("INSERT INTO accounts (owner) VALUES ('x')");
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
        HttpResponse<String> notLoop = upload(a, token, java.nio.file.Files.readAllBytes(db), "application/x-sqlite3");
        assertProblem(notLoop, 422);
        assertThat(notLoop.body()).containsIgnoringCase("loop");

        assertThat(allHabits(token)).isEmpty();
        assertThat(Http.list(a.as(token, "GET", "/api/v1/me/imports", null))).isEmpty();
    }

    @Test
    void anotherUsersImportIsNotFound() {
        String owner = newUser("owner");
        String other = newUser("other");
        LocalDate t = ServerTime.today(a);
        Map<String, Object> job = importDone(
                owner, ("habit,date\nWalk," + t.minusDays(1) + "\n").getBytes(StandardCharsets.UTF_8), "text/csv");
        HttpResponse<String> r = b.as(other, "GET", "/api/v1/me/imports/" + job.get("id"), null);
        assertProblem(r, 404);
        assertProblem(b.as(other, "GET", "/api/v1/me/imports/not-an-id", null), 404);
        assertThat(Http.list(b.as(other, "GET", "/api/v1/me/imports", null))).isEmpty();
    }

    static void assertProblem(HttpResponse<String> r, int status) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(r.body()).doesNotContain("Exception").doesNotContain("java.");
    }

    static BigDecimal dec(Object o) {
        return new BigDecimal(o.toString());
    }
}
