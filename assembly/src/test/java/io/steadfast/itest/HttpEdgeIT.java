package io.steadfast.itest;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.steadfast.testsupport.TestPostgres;
import io.steadfast.testsupport.TestRedis;

/**
 * The HTTP edge of a real node ({@code bin/karaf server} on PostgreSQL and Redis, behind a "TLS proxy":
 * {@code STEADFAST_PUBLIC_URL=https://habits.example.org/}): what Jetty answers itself is problem+json with the
 * security headers, the root serves the web app, {@code OPTIONS} lists only methods that answer, JSON text must be
 * Unicode, links name the public URL whatever the Host header says, and neither a client's mistakes nor a handled
 * race put an ERROR or a stack trace into the operators' log.
 */
class HttpEdgeIT {

    static final String PUBLIC_URL = "https://habits.example.org";
    private static final ObjectMapper JSON = new ObjectMapper();

    private static Process karaf;
    private static TestRedis.Private redis;
    private static Path home;
    private static int port;
    private static Http http;
    private static IdentityApiIT.Account user;

    @BeforeAll
    static void start() throws Exception {
        redis = TestRedis.startPrivate();
        port = Distribution.freePort();
        home = Cluster.copy("http-edge");
        // the handled duplicate keys at DEBUG, to see that the race below really happens
        Files.writeString(
                home.resolve("etc/org.ops4j.pax.logging.cfg"),
                "\nlog4j2.logger.quiet.name = io.steadfast.storage.jpa.QuietConstraintLog\n"
                        + "log4j2.logger.quiet.level = DEBUG\n",
                java.nio.file.StandardOpenOption.APPEND);
        karaf = Cluster.start(
                home,
                port,
                TestPostgres.freshSchemaUrl(),
                redis.url(),
                Map.of("STEADFAST_PUBLIC_URL", PUBLIC_URL + "/"));
        http = new Http(port);
        HttpResponse<String> health = http.await("/health", r -> r.statusCode() == 200, Duration.ofSeconds(120));
        assertThat(health).as("no answer; see " + home.resolve("console.log")).isNotNull();
        http.awaitApi();
        user = Accounts.register(http, "edge-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org");
    }

    @AfterAll
    static void stop() throws Exception {
        if (karaf != null) {
            karaf.descendants().forEach(ProcessHandle::destroy);
            karaf.destroy();
            if (!karaf.waitFor(30, TimeUnit.SECONDS)) {
                karaf.descendants().forEach(ProcessHandle::destroyForcibly);
                karaf.destroyForcibly();
            }
        }
        if (redis != null) {
            redis.stop();
        }
    }

    @Test
    void requestsJettyRefusesAreProblemJsonWithTheSecurityHeaders() {
        String longUri = "/api/" + "a".repeat(20_000);
        String bigHeader = "X-Big: " + "a".repeat(20_000) + "\r\n";
        Object[][] cases = {
            {"GET /%00 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", 400, "bad-request"},
            {"GET /api/%00 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", 400, "bad-request"},
            {"GET /%2e%2e/etc/passwd HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", 400, "bad-request"},
            {"GET " + longUri + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", 414, "uri-too-long"},
            {
                "GET /api/openapi.json HTTP/1.1\r\nHost: x\r\n" + bigHeader + "Connection: close\r\n\r\n",
                431,
                "request-header-fields-too-large"
            },
            {"GARBAGE\r\n\r\n", 400, "bad-request"},
            {"GET /api/ HTTP/9.9\r\nHost: x\r\n\r\n", 505, "http-version-not-supported"},
        };
        for (Object[] c : cases) {
            String request = (String) c[0];
            RawHttp.Answer a = RawHttp.send(port, request, null);
            String what = request.substring(0, Math.min(40, request.length()));
            assertProblem(what, a, (Integer) c[1], (String) c[2]);
        }
    }

    @Test
    void aUrlThatIsNotPercentEncodedUtf8IsA400Problem() {
        for (String target : new String[] {
            "/api/v1/habits?q=%zz",
            "/api/v1/habits?archived=%ff",
            "/api/v1/habits/%c0%ae",
            "/api/v1/habits?q=%ED%A0%80",
            "/health?x=%e2%82"
        }) {
            RawHttp.Answer a =
                    RawHttp.request(port, "GET", target, "Authorization: Bearer " + user.token() + "\r\n", null);
            assertProblem(target, a, 400, "bad-request");
            assertThat(a.body()).as(target).contains("percent-encoded UTF-8");
        }
        HttpResponse<String> fine = http.as(user.token(), "GET", "/api/v1/habits?archived=%74rue", null);
        assertThat(fine.statusCode()).as(fine.body()).isEqualTo(200);
    }

    @Test
    void theApiWithoutItsSlashRedirectsWithAProblemBody() {
        RawHttp.Answer a = RawHttp.request(port, "GET", "/api", "Host: evil.example\r\n", null);
        assertProblem("/api", a, 308, "permanent-redirect");
        assertThat(a.header("Location")).isEqualTo("/api/");
        RawHttp.Answer q = RawHttp.request(port, "GET", "/api?x=1", null, null);
        assertThat(q.header("Location")).isEqualTo("/api/?x=1");
    }

    @Test
    void theRuntimeDescribesNothingOfTheApplication() {
        // CXF's WADL and its control parameters, without a token (issue 15: surfaces nobody asked for)
        for (String target : new String[] {
            "/api/?_wadl",
            "/api/v1/habits?_wadl",
            "/api/v1/auth/login?_wadl",
            "/api/v1/today?_type=xml",
            "/api/v1/habits?_method=DELETE"
        }) {
            RawHttp.Answer a = raw("GET", target);
            assertProblem(target, a, 404, "not-found");
            assertThat(a.body()).as(target).doesNotContain("<application").doesNotContain("wadl.dev.java.net");
        }
    }

    @Test
    void unknownPathsAndMethodsUnderApiAndHealthAreProblems() {
        assertProblem("unknown", raw("GET", "/api/v1/no-such-thing"), 404, "not-found");
        assertProblem("health", raw("GET", "/health/nothing"), 404, "not-found");
        assertProblem("TRACE", raw("TRACE", "/api/v1/habits"), 405, "method-not-allowed");
        assertProblem("DELETE", raw("DELETE", "/api/v1/today"), 405, "method-not-allowed");
        assertProblem("POST /health", raw("POST", "/health"), 405, "method-not-allowed");
    }

    @Test
    void theRootIsTheWebAppAndOtherPathsASmall404Page() {
        // the web app's bundle serves / (its page, never cached: the hashed assets are); without it, the
        // platform's landing page answers there
        RawHttp.Answer root = raw("GET", "/");
        assertThat(root.status()).isEqualTo(200);
        assertThat(root.header("Content-Type")).startsWith("text/html");
        assertThat(root.body()).contains("<div id=\"root\">").contains("<script");
        assertThat(root.header("Cache-Control")).isEqualTo("no-cache");
        assertThat(root.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(root.header("X-Frame-Options")).isEqualTo("DENY");
        assertThat(root.header("Content-Security-Policy"))
                .contains("default-src 'self'")
                .contains("frame-ancestors 'none'");
        RawHttp.Answer missing = raw("GET", "/no/such/page");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.header("Content-Type")).startsWith("text/html");
        assertThat(missing.body())
                .contains("404 Not Found")
                .doesNotContain("Jetty")
                .doesNotContain("SERVLET");
        assertSecurityHeaders("/no/such/page", missing);
        RawHttp.Answer post = raw("POST", "/");
        assertThat(post.status()).isEqualTo(405);
        assertThat(post.header("Allow")).isEqualTo("GET, HEAD, OPTIONS");
        RawHttp.Answer trace = raw("TRACE", "/");
        assertThat(trace.status()).isEqualTo(405);
        assertSecurityHeaders("TRACE /", trace);
    }

    @Test
    void optionsListsExactlyTheMethodsThatAnswer() {
        String habit =
                createHabit("{\"name\":\"Options\",\"type\":\"count\",\"target\":3,\"schedule\":{\"kind\":\"daily\"}}");
        String today = ServerTime.today(http, ServerTime.zone()).toString();
        String[] paths = {
            "/api/v1/habits",
            "/api/v1/habits/order",
            "/api/v1/habits/" + habit,
            "/api/v1/habits/" + habit + "/checkins",
            "/api/v1/habits/" + habit + "/checkins/" + today,
            "/api/v1/habits/" + habit + "/checkins/" + today + "/increment",
            "/api/v1/today",
            "/api/v1/me",
            "/api/v1/me/tokens",
            "/api/openapi.json"
        };
        assertThat(allow("/api/v1/habits/" + habit + "/checkins/" + today + "/increment"))
                .containsExactly("OPTIONS", "POST");
        assertThat(allow("/api/v1/today")).containsExactly("GET", "HEAD", "OPTIONS");
        for (String path : paths) {
            Set<String> allow = allow(path);
            assertThat(allow).as(path).contains("OPTIONS");
            for (String method : new String[] {"GET", "POST", "PUT", "PATCH", "DELETE"}) {
                if (method.equals("DELETE") && (path.endsWith(habit) || path.endsWith("/me"))) {
                    continue; // would delete the habit or the account the other paths use
                }
                HttpResponse<String> r = http.as(user.token(), method, path, method.equals("GET") ? null : "{}");
                if (allow.contains(method)) {
                    assertThat(r.statusCode())
                            .as(method + " " + path + " is listed: " + r.body())
                            .isNotEqualTo(405);
                } else {
                    assertThat(r.statusCode())
                            .as(method + " " + path + " is not listed")
                            .isEqualTo(405);
                    assertThat(r.headers().firstValue("Allow").orElse(""))
                            .as(method + " " + path)
                            .isEqualTo(String.join(", ", allow));
                }
            }
        }
        assertThat(http.send("OPTIONS", "/api/v1/no-such-thing", null).statusCode())
                .isEqualTo(404);
        assertThat(allow("/health")).containsExactly("GET", "HEAD", "OPTIONS");
    }

    @Test
    void jsonTextMustBeUnicodeAndIsNeverStored() throws Exception {
        String marker = "Lone-" + UUID.randomUUID().toString().substring(0, 6);
        HttpResponse<String> lone = http.as(
                user.token(),
                "POST",
                "/api/v1/habits",
                "{\"name\":\"" + marker + "\\ud800\",\"type\":\"boolean\",\"schedule\":{\"kind\":\"daily\"}}");
        assertThat(lone.statusCode()).as(lone.body()).isEqualTo(400);
        assertThat(Http.json(lone).get("detail").toString()).startsWith("name must be valid Unicode");
        assertThat(((Map<?, ?>) ((List<?>) Http.json(lone).get("errors")).get(0)).get("field"))
                .isEqualTo("name");
        HttpResponse<String> nested = http.as(
                user.token(),
                "POST",
                "/api/v1/habits",
                "{\"name\":\"x\",\"type\":\"boolean\",\"schedule\":{\"kind\":\"weekdays\",\"days\":[\"MON\",\"\\udc00\"]}}");
        assertThat(nested.statusCode()).as(nested.body()).isEqualTo(400);
        assertThat(nested.body()).contains("schedule.days[1] must be valid Unicode");
        byte[] body = ("{\"name\":\"" + marker + "X\",\"type\":\"boolean\",\"schedule\":{\"kind\":\"daily\"}}")
                .getBytes(StandardCharsets.UTF_8);
        int x = new String(body, StandardCharsets.ISO_8859_1).indexOf(marker + "X") + marker.length();
        body[x] = (byte) 0xff;
        RawHttp.Answer bytes = RawHttp.request(
                port,
                "POST",
                "/api/v1/habits",
                "Authorization: Bearer " + user.token() + "\r\nContent-Type: application/json\r\n",
                body);
        assertProblem("invalid UTF-8", bytes, 400, "malformed-json");
        assertThat(bytes.body()).contains("name must be valid UTF-8");
        HttpResponse<String> pair = http.as(
                user.token(),
                "POST",
                "/api/v1/habits",
                "{\"name\":\"" + marker + " \\ud83d\\ude00\",\"type\":\"boolean\",\"schedule\":{\"kind\":\"daily\"}}");
        assertThat(pair.statusCode())
                .as("a surrogate pair is a character: " + pair.body())
                .isEqualTo(201);
        String list = http.as(user.token(), "GET", "/api/v1/habits", null).body();
        assertThat(JSON.readTree(list).findValuesAsText("name"))
                .contains(marker + " \ud83d\ude00")
                .noneMatch(n -> n.startsWith(marker) && !n.endsWith("\ude00"));
    }

    @Test
    void linksNameThePublicUrlWhateverTheHostHeaderSays() throws Exception {
        String forged = "Host: evil.example\r\nX-Forwarded-Host: evil2.example\r\nX-Forwarded-Proto: http\r\n"
                + "X-Forwarded-Port: 666\r\nForwarded: host=evil3.example;proto=http\r\n";
        String auth = "Authorization: Bearer " + user.token() + "\r\nContent-Type: application/json\r\n";
        RawHttp.Answer created = RawHttp.request(
                port,
                "POST",
                "/api/v1/habits",
                forged + auth,
                "{\"name\":\"Linked\",\"type\":\"boolean\",\"schedule\":{\"kind\":\"daily\"}}"
                        .getBytes(StandardCharsets.UTF_8));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = JSON.readTree(created.body()).get("id").asText();
        assertThat(created.header("Location")).isEqualTo(PUBLIC_URL + "/api/v1/habits/" + id);
        RawHttp.Answer token = RawHttp.request(
                port,
                "POST",
                "/api/v1/me/tokens",
                forged + auth,
                "{\"name\":\"ci\",\"scopes\":[\"read\"]}".getBytes(StandardCharsets.UTF_8));
        assertThat(token.status()).as(token.body()).isEqualTo(201);
        assertThat(token.header("Location")).startsWith(PUBLIC_URL + "/api/v1/me/tokens/");
        RawHttp.Answer feed = RawHttp.request(port, "POST", "/api/v1/me/calendar-feed", forged + auth, new byte[0]);
        assertThat(feed.status()).as(feed.body()).isEqualTo(200);
        String url = JSON.readTree(feed.body()).get("url").asText();
        assertThat(url).startsWith(PUBLIC_URL + "/api/v1/calendar-feed/").endsWith(".ics");
        HttpResponse<String> ics = http.get(url.substring(PUBLIC_URL.length()));
        assertThat(ics.statusCode()).as("the URL answers behind the proxy").isEqualTo(200);
        HttpResponse<String> health = http.as(user.token(), "GET", "/health", null);
        assertThat(health.body())
                .contains("\"publicUrl\":{\"status\":\"healthy\",\"message\":\"" + PUBLIC_URL
                        + " (STEADFAST_PUBLIC_URL)");
    }

    @Test
    void noHstsWhenAnUntrustedPeerClaimsHttps() {
        HttpResponse<String> r = http.send("GET", "/api/v1/habits", null, "X-Forwarded-Proto", "https");
        assertThat(r.headers().firstValue("Strict-Transport-Security"))
                .as("no trusted proxy is configured here: anyone could send the header")
                .isEmpty();
    }

    @Test
    void clientMistakesAndAHandledRaceLogNoErrorAndNoStackTrace() throws Exception {
        Path log = home.resolve("data/log/karaf.log");
        long before = Files.size(log);
        String t = user.token();
        // a client's mistakes
        http.as(t, "POST", "/api/v1/habits", "name=x", "Content-Type", "application/x-www-form-urlencoded");
        http.as(t, "POST", "/api/v1/habits", "{\"name\":", "Content-Type", "application/json");
        http.as(t, "POST", "/api/v1/habits", "{\"name\":\"x\\ud800\"}", "Content-Type", "application/json");
        http.as(t, "POST", "/api/v1/habits", "[]", "Content-Type", "text/plain");
        RawHttp.request(port, "POST", "/api/v1/habits", "Authorization: Bearer " + t + "\r\n", "{}".getBytes());
        http.as(t, "GET", "/api/v1/no-such-thing", null);
        http.as(t, "DELETE", "/api/v1/today", null);
        http.as(t, "GET", "/api/v1/habits/not-a-uuid", null);
        http.as(t, "GET", "/api/v1/habits?archived=maybe", null);
        RawHttp.request(port, "GET", "/api/v1/habits?q=%zz", null, null);
        RawHttp.send(port, "GARBAGE\r\n\r\n", null);
        RawHttp.send(port, "GET /api/" + "a".repeat(20_000) + " HTTP/1.1\r\nHost: x\r\n\r\n", null);
        RawHttp.send(port, "GET /api/ HTTP/1.1\r\nHost: x\r\nX-Big: " + "a".repeat(20_000) + "\r\n\r\n", null);
        RawHttp.send(port, "GET /%00 HTTP/1.1\r\nHost: x\r\n\r\n", null);
        http.get("/no/such/page");
        // a race handled correctly: concurrent increments with one Idempotency-Key, on PostgreSQL
        String habit =
                createHabit("{\"name\":\"Race\",\"type\":\"count\",\"target\":100,\"schedule\":{\"kind\":\"daily\"}}");
        String today = ServerTime.today(http, ServerTime.zone()).toString();
        String path = "/api/v1/habits/" + habit + "/checkins/" + today + "/increment";
        int rounds = 12;
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            for (int round = 0; round < rounds; round++) {
                String key = "race-" + round;
                CountDownLatch go = new CountDownLatch(1);
                List<Future<HttpResponse<String>>> fs = new ArrayList<>();
                for (int i = 0; i < 4; i++) {
                    fs.add(pool.submit(() -> {
                        go.await();
                        return http.as(t, "POST", path, "{\"delta\":1}", "Idempotency-Key", key);
                    }));
                }
                go.countDown();
                for (Future<HttpResponse<String>> f : fs) {
                    HttpResponse<String> r = f.get(60, TimeUnit.SECONDS);
                    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
                }
            }
        } finally {
            pool.shutdownNow();
        }
        HttpResponse<String> day = http.as(t, "GET", "/api/v1/habits/" + habit + "/checkins?from=" + today, null);
        assertThat(JSON.readTree(day.body()).get(0).get("value").asInt())
                .as("each key counted once")
                .isEqualTo(rounds);
        Thread.sleep(1000);
        String added;
        try (java.io.RandomAccessFile f = new java.io.RandomAccessFile(log.toFile(), "r")) {
            f.seek(before);
            byte[] b = new byte[(int) (f.length() - before)];
            f.readFully(b);
            added = new String(b, StandardCharsets.UTF_8);
        }
        List<String> bad = new ArrayList<>();
        int handled = 0;
        for (String line : added.split("\n")) {
            if (line.contains("| DEBUG |") && line.contains("A constraint refused a write")) {
                handled++;
                continue; // one line, no stack trace
            }
            if (line.contains("Thread starvation or clock leap")) {
                continue; // the connection pool's housekeeper on a busy test machine, not a request
            }
            if (line.contains("| ERROR |")
                    || line.contains("| WARN  |")
                    || line.startsWith("\tat ")
                    || line.startsWith("Caused by:")
                    || line.contains("Exception")) {
                bad.add(line);
            }
        }
        assertThat(bad)
                .as("karaf.log after the client errors and the race:\n" + added)
                .isEmpty();
    }

    private static String createHabit(String json) {
        HttpResponse<String> r = http.as(user.token(), "POST", "/api/v1/habits", json);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return Http.json(r).get("id").toString();
    }

    private static Set<String> allow(String path) {
        HttpResponse<String> r = http.send("OPTIONS", path, null);
        assertThat(r.statusCode()).as("OPTIONS " + path + ": " + r.body()).isEqualTo(204);
        Set<String> methods = new TreeSet<>();
        for (String m : r.headers().firstValue("Allow").orElse("").split(",")) {
            if (!m.isBlank()) {
                methods.add(m.trim());
            }
        }
        assertThat(String.join(", ", methods))
                .isEqualTo(r.headers().firstValue("Allow").orElse(""));
        return methods;
    }

    private static RawHttp.Answer raw(String method, String target) {
        return RawHttp.request(port, method, target, null, null);
    }

    static void assertProblem(String what, RawHttp.Answer a, int status, String type) {
        assertThat(a.status()).as(what + ": " + a.body()).isEqualTo(status);
        assertThat(a.header("Content-Type")).as(what).startsWith("application/problem+json");
        Map<?, ?> p;
        try {
            p = JSON.readValue(a.body(), Map.class);
        } catch (java.io.IOException e) {
            throw new AssertionError(what + ": not JSON: " + a.body(), e);
        }
        assertThat(p.get("type")).as(what).isEqualTo("urn:steadfast:problem:" + type);
        assertThat(p.get("status")).as(what).isEqualTo(status);
        assertThat(p.get("title")).as(what).isNotNull();
        assertThat(p.get("detail")).as(what).isNotNull();
        assertThat(a.body())
                .as(what)
                .doesNotContain("Jetty")
                .doesNotContain("<html")
                .doesNotContain("Exception");
        assertSecurityHeaders(what, a);
        assertThat(a.header("X-Request-Id")).as(what).isNotBlank();
    }

    static void assertSecurityHeaders(String what, RawHttp.Answer a) {
        assertThat(a.header("X-Content-Type-Options")).as(what).isEqualTo("nosniff");
        assertThat(a.header("Referrer-Policy")).as(what).isEqualTo("no-referrer");
        assertThat(a.header("X-Frame-Options")).as(what).isEqualTo("DENY");
        assertThat(a.header("Content-Security-Policy"))
                .as(what)
                .contains("default-src 'none'")
                .contains("frame-ancestors 'none'");
    }
}
