package io.steadfast.itest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import biweekly.Biweekly;
import biweekly.ICalendar;
import biweekly.component.VEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.steadfast.testsupport.TestPostgres;

/**
 * The account export in its three forms through the distribution (two nodes on PostgreSQL and Redis): the JSON
 * document (versioned, every check-in), the CSV zip (a note with a comma, a quote and a line break survives) and
 * the iCalendar of done days, an unknown format refused; and a long history streamed — a check-in written after the
 * first bytes of the export arrived is in the document, which a document built before sending could not hold.
 * Dates come from the server's clock.
 */
class ExportIT {

    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient CLIENT =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    static final String NOTE = "ran 5 km, felt \"great\"\nthen =SUM(A1)";

    static Cluster cluster;
    static Http a;
    static Http b;
    static String token;
    static LocalDate today;
    static String water;
    static String read;

    @BeforeAll
    static void start() {
        cluster = Cluster.get();
        a = cluster.node(0);
        b = cluster.node(1);
        token = Accounts.register(a, "export-" + UUID.randomUUID() + "@example.org")
                .token();
        today = ServerTime.today(a);
        // started three days back so that the days before today may be recorded
        water = create("{\"name\":\"Water, \\\"daily\\\"\",\"type\":\"count\",\"target\":8,\"unit\":\"glasses\","
                + "\"schedule\":{\"kind\":\"daily\"},\"startDate\":\"" + today.minusDays(3) + "\"}");
        read = create("{\"name\":\"Read\",\"type\":\"boolean\",\"schedule\":{\"kind\":\"weekdays\","
                + "\"days\":[\"MON\",\"WED\"]},\"startDate\":\"" + today.minusDays(3) + "\"}");
        put(water, today.minusDays(2), "{\"value\":6,\"note\":" + quote(NOTE) + "}");
        put(water, today.minusDays(1), "{\"value\":8.5}");
        put(read, today.minusDays(2), "{\"status\":\"skipped\"}");
        put(read, today.minusDays(1), "{}");
    }

    static String create(String json) {
        HttpResponse<String> r = a.as(token, "POST", "/api/v1/habits", json);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return Http.json(r).get("id").toString();
    }

    static void put(String habit, LocalDate day, String body) {
        HttpResponse<String> r = a.as(token, "PUT", "/api/v1/habits/" + habit + "/checkins/" + day, body);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    }

    static String quote(String s) {
        try {
            return JSON.writeValueAsString(s);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static HttpResponse<byte[]> export(Http node, String query) throws Exception {
        HttpRequest req = HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + node.port() + "/api/v1/me/export" + query))
                .header("Authorization", "Bearer " + token)
                .timeout(Duration.ofSeconds(60))
                .GET()
                .build();
        return CLIENT.send(req, HttpResponse.BodyHandlers.ofByteArray());
    }

    static String header(HttpResponse<?> r, String name) {
        return r.headers().firstValue(name).orElse("");
    }

    /** The file name the export is offered as, with the date of the export in the account's zone. */
    static String fileName(JsonNode doc, String extension) {
        LocalDate day = LocalDate.ofInstant(Instant.parse(doc.get("exportedAt").asText()), ServerTime.zone());
        return "attachment; filename=\"steadfast-export-" + day + "." + extension + "\"";
    }

    @Test
    void theJsonDocumentIsVersionedAndHoldsEveryCheckin() throws Exception {
        HttpResponse<byte[]> r = export(b, "?format=json");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(header(r, "Content-Type")).startsWith("application/json");
        JsonNode doc = JSON.readTree(r.body());
        assertThat(header(r, "Content-Disposition")).isEqualTo(fileName(doc, "json"));
        assertThat(doc.get("format").asText()).isEqualTo("steadfast-export");
        assertThat(doc.get("version").asInt()).isEqualTo(1);
        List<String> names = new ArrayList<>();
        doc.fieldNames().forEachRemaining(names::add);
        assertThat(names.subList(0, 5)).containsExactly("format", "version", "exportedAt", "profile", "accessTokens");
        assertThat(names).contains("habits", "vacations", "reminders", "achievements");
        Map<String, JsonNode> habits = new LinkedHashMap<>();
        doc.get("habits").forEach(h -> habits.put(h.get("habit").get("id").asText(), h));
        assertThat(habits).containsOnlyKeys(water, read);
        JsonNode w = habits.get(water).get("checkins");
        assertThat(w).hasSize(2);
        assertThat(w.get(0).get("date").asText()).isEqualTo(today.minusDays(2).toString());
        assertThat(w.get(0).get("note").asText()).isEqualTo(NOTE);
        assertThat(w.get(0).get("value").decimalValue()).isEqualByComparingTo("6");
        assertThat(w.get(1).get("value").decimalValue()).isEqualByComparingTo("8.5");
        JsonNode rd = habits.get(read).get("checkins");
        assertThat(rd).hasSize(2);
        assertThat(rd.get(0).get("status").asText()).isEqualTo("skipped");
        assertThat(rd.get(1).get("status").asText()).isEqualTo("done");

        HttpResponse<byte[]> plain = export(a, "");
        assertThat(plain.statusCode()).as("no format is json").isEqualTo(200);
        JsonNode again = JSON.readTree(plain.body());
        assertThat(again.get("format").asText()).isEqualTo("steadfast-export");
        assertThat(again.get("habits")).isEqualTo(doc.get("habits"));
    }

    @Test
    void theCsvZipHoldsTheHabitsAndOneFileOfDaysPerHabit() throws Exception {
        HttpResponse<byte[]> r = export(a, "?format=csv");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(header(r, "Content-Type")).startsWith("application/zip");
        assertThat(header(r, "Content-Disposition"))
                .startsWith("attachment; filename=\"steadfast-export-")
                .endsWith(".zip\"");
        Map<String, String> files = unzip(r.body());
        assertThat(files.keySet()).containsExactly("habits.csv", "habits/water-daily.csv", "habits/read.csv");

        List<List<String>> habits = csv(files.get("habits.csv"));
        assertThat(habits.get(0))
                .containsExactly(
                        "habit", "type", "target", "unit", "schedule", "startDate", "archived", "color", "description");
        assertThat(habits.get(1).subList(0, 7))
                .containsExactly(
                        "Water, \"daily\"",
                        "count",
                        "8",
                        "glasses",
                        "daily",
                        today.minusDays(3).toString(),
                        "false");
        assertThat(habits.get(2).subList(0, 5)).containsExactly("Read", "boolean", "", "", "weekdays:MON,WED");

        assertThat(csv(files.get("habits/water-daily.csv")))
                .containsExactly(
                        List.of("habit", "date", "value", "note", "status"),
                        List.of("Water, \"daily\"", today.minusDays(2).toString(), "6", NOTE, "done"),
                        List.of("Water, \"daily\"", today.minusDays(1).toString(), "8.5", "", "done"));
        assertThat(csv(files.get("habits/read.csv")))
                .containsExactly(
                        List.of("habit", "date", "value", "note", "status"),
                        List.of("Read", today.minusDays(2).toString(), "", "", "skipped"),
                        List.of("Read", today.minusDays(1).toString(), "", "", "done"));
    }

    @Test
    void theIcsHoldsOneAllDayEventPerDoneDay() throws Exception {
        HttpResponse<byte[]> r = export(b, "?format=ics");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(header(r, "Content-Type")).startsWith("text/calendar");
        assertThat(header(r, "Content-Disposition")).endsWith(".ics\"");
        String text = new String(r.body(), StandardCharsets.UTF_8);
        List<ICalendar> calendars = Biweekly.parse(text).all();
        assertThat(calendars).hasSize(1);
        List<VEvent> events = calendars.get(0).getEvents();
        assertThat(events).as("the skipped day is no event").hasSize(3);
        Map<String, String> summaries = new LinkedHashMap<>();
        events.forEach(e -> summaries.put(e.getUid().getValue(), e.getSummary().getValue()));
        assertThat(summaries)
                .containsEntry(water + "-" + today.minusDays(2) + "-done@steadfast", "✓ Water, \"daily\" 6 glasses")
                .containsEntry(water + "-" + today.minusDays(1) + "-done@steadfast", "✓ Water, \"daily\" 8.5 glasses")
                .containsEntry(read + "-" + today.minusDays(1) + "-done@steadfast", "✓ Read");
        VEvent first = events.get(0);
        assertThat(first.getDateStart().getValue().hasTime()).isFalse();
        assertThat(first.getDescription().getValue()).isEqualTo(NOTE);
        Instant stamp = first.getDateTimeStamp().getValue().toInstant();
        Instant server = ServerTime.now(b);
        assertThat(stamp).as("the server's clock").isBetween(server.minusSeconds(120), server.plusSeconds(1));
        assertThat(text)
                .contains("DTSTART;VALUE=DATE:" + today.minusDays(1).toString().replace("-", ""));
    }

    @Test
    void anUnknownFormatIs422NamingTheAcceptedOnes() {
        HttpResponse<String> r = a.as(token, "GET", "/api/v1/me/export?format=xml", null);
        IdentityApiIT.assertField(r, "format");
        assertThat(r.body()).contains("json, csv, ics");
        assertThat(a.get("/api/v1/me/export?format=csv").statusCode())
                .as("signed in only")
                .isEqualTo(401);
    }

    /**
     * A long history (60,000 days, some 25 MB of JSON: far more than the sockets' buffers) is streamed: the client
     * reads the first bytes and stops; the server, blocked on the full socket while it writes the first habit, has
     * not read the second one yet — a check-in written to the second habit now is in the document. A document
     * built before the first byte was sent (or a body buffered whole) could not contain it.
     */
    @Test
    void aLongHistoryIsStreamed() throws Exception {
        String owner = Accounts.register(a, "export-long-" + UUID.randomUUID() + "@example.org")
                .token();
        String bulk = createAs(
                owner, "{\"name\":\"Bulk\",\"type\":\"count\",\"target\":1,\"schedule\":{\"kind\":\"daily\"}}");
        String last = createAs(
                owner,
                "{\"name\":\"Last\",\"type\":\"boolean\",\"schedule\":{\"kind\":\"daily\"},\"startDate\":\""
                        + today.minusDays(3) + "\"}");
        int days = 60_000;
        try (Connection c = TestPostgres.connect(cluster.dbUrl());
                PreparedStatement s = c.prepareStatement(
                        "INSERT INTO checkin (habit_id, check_date, amount, note, status, backfilled, created_at, "
                                + "updated_at) SELECT ?, CAST(? AS DATE) - g, g, 'day ' || g || ' ' || repeat('x', 300), "
                                + "'done', TRUE, ?, ? FROM generate_series(1, ?) g")) {
            Timestamp at = Timestamp.from(ServerTime.now(a));
            s.setString(1, bulk);
            s.setString(2, today.toString());
            s.setTimestamp(3, at);
            s.setTimestamp(4, at);
            s.setInt(5, days);
            assertThat(s.executeUpdate()).isEqualTo(days);
        }
        try (Socket socket = new Socket()) {
            socket.setReceiveBufferSize(8192);
            socket.setSoTimeout(60_000);
            socket.connect(new InetSocketAddress("127.0.0.1", a.port()), 5000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET /api/v1/me/export?format=json HTTP/1.0\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + owner
                            + "\r\nAccept: application/json\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream got = new ByteArrayOutputStream();
            byte[] buf = new byte[8192];
            while (got.size() < 64 * 1024) {
                int n = in.read(buf);
                assertThat(n).as("the export ended early: " + got).isPositive();
                got.write(buf, 0, n);
            }
            // the server is still writing the first habit: the second one's days are not read yet
            put(owner, last, today.minusDays(1), "{\"note\":\"written while the export streams\"}");
            for (int n; (n = in.read(buf)) > 0; ) {
                got.write(buf, 0, n);
            }
            byte[] all = got.toByteArray();
            int body = indexOf(all, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1)) + 4;
            String head = new String(all, 0, body, StandardCharsets.ISO_8859_1);
            assertThat(head).startsWith("HTTP/1.1 200").doesNotContainIgnoringCase("Content-Length");
            JsonNode doc = JSON.readTree(new ByteArrayInputStream(all, body, all.length - body));
            JsonNode habits = doc.get("habits");
            assertThat(habits.get(0).get("habit").get("id").asText()).isEqualTo(bulk);
            assertThat(habits.get(0).get("checkins")).as("every check-in").hasSize(days);
            assertThat(habits.get(0).get("checkins").get(0).get("date").asText())
                    .isEqualTo(today.minusDays(days).toString());
            assertThat(habits.get(1).get("habit").get("id").asText()).isEqualTo(last);
            assertThat(habits.get(1).get("checkins")).hasSize(1);
            assertThat(habits.get(1).get("checkins").get(0).get("note").asText())
                    .isEqualTo("written while the export streams");
        } finally {
            a.as(owner, "DELETE", "/api/v1/habits/" + bulk, null);
        }
    }

    static String createAs(String owner, String json) {
        HttpResponse<String> r = a.as(owner, "POST", "/api/v1/habits", json);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return Http.json(r).get("id").toString();
    }

    static void put(String owner, String habit, LocalDate day, String body) {
        HttpResponse<String> r = b.as(owner, "PUT", "/api/v1/habits/" + habit + "/checkins/" + day, body);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    }

    static int indexOf(byte[] all, byte[] part) {
        outer:
        for (int i = 0; i + part.length <= all.length; i++) {
            for (int j = 0; j < part.length; j++) {
                if (all[i + j] != part[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new AssertionError("no end of the headers");
    }

    static Map<String, String> unzip(byte[] zip) throws IOException {
        Map<String, String> files = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                files.put(e.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return files;
    }

    /** RFC 4180: records of fields, a quoted field may hold commas, doubled quotes and line breaks. */
    static List<List<String>> csv(String text) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                row.add(field.toString());
                field.setLength(0);
            } else if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                row.add(field.toString());
                field.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
                i++;
            } else {
                field.append(c);
            }
        }
        assertThat(field.length() == 0 && row.isEmpty()).as("ends with CRLF").isTrue();
        return rows;
    }
}
