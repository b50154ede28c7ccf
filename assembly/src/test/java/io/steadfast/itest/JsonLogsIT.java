package io.steadfast.itest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.steadfast.testsupport.TestPostgres;
import io.steadfast.testsupport.TestRedis;

/**
 * {@code STEADFAST_LOG_FORMAT=json}: a node ({@code bin/karaf server}, as an operator starts it) writes karaf.log as
 * one JSON object per line — Karaf's launcher lines too — with timestamp, level, logger, thread, message, the
 * bundle, the stack trace of an exception as one string, and the {@code requestId} of the request being served on
 * every line logged while serving it: the client's {@code X-Request-Id}, or the one the answer names. An event
 * stream's id does not stick to the thread that served it.
 */
class JsonLogsIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** The launcher's lines (java.util.logging) have an offset without a colon; log4j's are UTC with Z. */
    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS[XXX][xx]");

    private static TestRedis.Private redis;
    private static Process karaf;
    private static Path home;
    private static Http http;

    @BeforeAll
    static void start() throws Exception {
        redis = TestRedis.startPrivate();
        int port = Distribution.freePort();
        home = Cluster.copy("json-logs");
        // a bundle that cannot resolve: fileinstall logs a WARN with the exception's stack trace
        writeUnresolvableBundle(home.resolve("deploy/unresolvable.jar"));
        karaf = Cluster.start(
                home, port, TestPostgres.freshSchemaUrl(), redis.url(), Map.of("STEADFAST_LOG_FORMAT", "json"));
        http = new Http(port);
        Cluster.awaitHealthy(http, home);
    }

    @AfterAll
    static void stop() {
        Cluster.stopAll(java.util.Collections.singletonList(karaf));
        if (redis != null) {
            redis.stop();
        }
    }

    @Test
    void everyLineIsAJsonObjectAndARequestsLinesCarryItsId() throws Exception {
        String id = "json-logs-" + UUID.randomUUID();
        String email = "json-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        HttpResponse<String> registered = http.send(
                "POST",
                "/api/v1/auth/register",
                "{\"email\":\"" + email + "\",\"password\":\"" + IdentityApiIT.PASSWORD
                        + "\",\"displayName\":\"Json\",\"timezone\":\"UTC\"}",
                "X-Request-Id",
                id);
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
        assertThat(registered.headers().firstValue("X-Request-Id")).contains(id);
        String token = Http.json(registered).get("token").toString();
        String userId =
                ((Map<?, ?>) Http.json(registered).get("user")).get("id").toString();

        // an event stream (asynchronous: its thread goes back to the pool while the stream stays open)
        String streamId = "json-logs-stream-" + UUID.randomUUID();
        openAndCloseEventStream(http.port(), token, streamId);

        // more requests that log while served: their own ids, given or made, never the stream's
        List<String> answered = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            HttpResponse<String> r = http.send(
                    "POST",
                    "/api/v1/auth/register",
                    "{\"email\":\"json-" + i + "-"
                            + UUID.randomUUID().toString().substring(0, 8)
                            + "@example.org\",\"password\":\"" + IdentityApiIT.PASSWORD
                            + "\",\"displayName\":\"Json\",\"timezone\":\"UTC\"}",
                    i % 2 == 0 ? new String[0] : new String[] {"X-Request-Id", "bad id #" + i});
            assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
            String answeredId = r.headers().firstValue("X-Request-Id").orElseThrow();
            assertThat(answeredId).as("an id the API made").hasSize(36);
            answered.add(answeredId);
        }

        List<JsonNode> lines = awaitLines(all -> all.stream()
                                .filter(l -> text(l, "message").contains("registered"))
                                .count()
                        >= 7
                && all.stream().anyMatch(l -> l.has("exception")));
        Set<String> levels = new HashSet<>();
        for (JsonNode line : lines) {
            levels.add(text(line, "level"));
            assertThat(line.isObject()).isTrue();
            for (String field : new String[] {"timestamp", "level", "logger", "message"}) {
                assertThat(line.hasNonNull(field)).as("%s in %s", field, line).isTrue();
            }
            OffsetDateTime.parse(text(line, "timestamp"), TIMESTAMP);
            if (!text(line, "logger").startsWith("org.apache.karaf.main")) {
                assertThat(line.hasNonNull("thread")).as("thread in %s", line).isTrue();
            }
            if (text(line, "logger").startsWith("io.steadfast.")) {
                JsonNode bundle = line.get("bundle");
                assertThat(bundle).as("bundle in %s", line).isNotNull();
                assertThat(text(bundle, "name")).startsWith("io.steadfast.");
                assertThat(bundle.hasNonNull("id") && bundle.hasNonNull("version"))
                        .isTrue();
            }
            if (line.has("requestId")) {
                assertThat(text(line, "thread"))
                        .as("only Jetty's threads serving a request carry its id: %s", line)
                        .startsWith("qtp");
                assertThat(text(line, "requestId")).isNotEqualTo(streamId);
            }
        }
        assertThat(levels).contains("INFO", "WARN");

        JsonNode first = lines.stream()
                .filter(l -> text(l, "message").equals("Account " + userId + " registered (admin)")
                        || text(l, "message").equals("Account " + userId + " registered (user)"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no line says the account registered"));
        assertThat(text(first, "requestId")).as(first.toString()).isEqualTo(id);
        assertThat(text(first, "logger")).isEqualTo("io.steadfast.identity.internal.service.Accounts");
        assertThat(text(first.get("bundle"), "name")).isEqualTo("io.steadfast.identity");
        List<String> logged = lines.stream()
                .filter(l -> text(l, "message").contains(" registered ("))
                .map(l -> text(l, "requestId"))
                .toList();
        assertThat(logged)
                .as("each registration's line carries the id its answer named")
                .containsAll(answered);

        JsonNode warning = lines.stream()
                .filter(l -> l.has("exception") && text(l, "message").contains("unresolvable.jar"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no line with the unresolvable bundle's exception"));
        assertThat(warning.get("exception").isTextual())
                .as("the stack trace is one string")
                .isTrue();
        assertThat(text(warning, "exception")).contains("BundleException").contains("\n\tat ");

        // the access log stays as it was: one JSON object per request, with the same id
        List<String> access = Files.readAllLines(home.resolve("data/log/access.log"));
        assertThat(access).anySatisfy(l -> {
            JsonNode a = JSON.readTree(l);
            assertThat(text(a, "requestId")).isEqualTo(id);
            assertThat(text(a, "path")).isEqualTo("/api/v1/auth/register");
        });
    }

    /** karaf.log, each line parsed (every one must be JSON), once {@code done} says it has what the test needs. */
    private static List<JsonNode> awaitLines(Predicate<List<JsonNode>> done) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        List<JsonNode> lines;
        do {
            lines = new ArrayList<>();
            int n = 0;
            for (String line : Files.readAllLines(home.resolve("data/log/karaf.log"))) {
                n++;
                try {
                    lines.add(JSON.readTree(line));
                } catch (IOException notJson) {
                    throw new AssertionError("karaf.log line " + n + " is not JSON: " + line, notJson);
                }
            }
            if (done.test(lines)) {
                return lines;
            }
            Thread.sleep(200);
        } while (System.nanoTime() < deadline);
        return lines;
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        return v == null || v.isNull() ? "" : v.asText();
    }

    /** Opens {@code /api/v1/events}, reads its first bytes, and closes it. */
    private static void openAndCloseEventStream(int port, String token, String requestId) throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/events"))
                .header("Authorization", "Bearer " + token)
                .header("Accept", "text/event-stream")
                .header("X-Request-Id", requestId)
                .timeout(Duration.ofSeconds(20))
                .build();
        HttpResponse<InputStream> r = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream body = r.body()) {
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(body.read()).as("the stream's first event").isNotEqualTo(-1);
        }
    }

    /** A bundle importing a package nobody exports. */
    private static void writeUnresolvableBundle(Path jar) throws IOException {
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(jar))) {
            zip.putNextEntry(new ZipEntry("META-INF/MANIFEST.MF"));
            zip.write(("Manifest-Version: 1.0\r\nBundle-ManifestVersion: 2\r\n"
                            + "Bundle-SymbolicName: io.steadfast.itest.unresolvable\r\nBundle-Version: 1.0.0\r\n"
                            + "Import-Package: io.steadfast.itest.nosuchpackage\r\n\r\n")
                    .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            zip.closeEntry();
        }
    }
}
