package io.steadfast.itest;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.steadfast.testsupport.TestPostgres;
import io.steadfast.testsupport.TestRedis;

/**
 * {@code /metrics} of a real node on PostgreSQL and Redis (its own, with a metrics token, a small per-user rate
 * limit and a quick login lock): refused without the token and with another one; with it, Prometheus' text format,
 * parsed line by line, whose series follow the traffic the test makes — the API's requests by route template,
 * method and status (a histogram), check-ins written, logins by outcome, throttled requests, deliveries by channel
 * type and outcome, the outbox gauges, the database pool, the cache and Redis, the JVM and the process — and that
 * names no user, address or raw path. The token is in neither the answers nor the log.
 */
class MetricsIT {

    private static final String TOKEN = "it-" + UUID.randomUUID().toString().replace("-", "");

    private Process karaf;
    private TestRedis.Private redis;
    private Path home;

    @AfterEach
    void stop() {
        Cluster.stopAll(java.util.Collections.singletonList(karaf));
        if (redis != null) {
            redis.stop();
        }
    }

    @Test
    void theSeriesOfTheDashboardsFollowTheTrafficBehindTheToken() throws Exception {
        redis = TestRedis.startPrivate();
        int port = Distribution.freePort();
        home = Cluster.copy("metrics");
        Files.writeString(
                home.resolve("etc/io.steadfast.identity.cfg"),
                "login.maxFailuresPerAccountAndAddress = 3\nregistration.maxPerAddressPerHour = 100000\n");
        karaf = Cluster.start(
                home,
                port,
                TestPostgres.freshSchemaUrl(),
                redis.url(),
                Map.of("STEADFAST_METRICS_TOKEN", TOKEN, "STEADFAST_RATE_LIMIT_PER_USER", "40/0.01"));
        Http http = new Http(port);
        http.awaitApi();

        // without the token, or with another one: 401 problem, saying nothing
        HttpResponse<String> anonymous = http.get("/metrics");
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(anonymous.headers().firstValue("WWW-Authenticate")).hasValue("Bearer realm=\"metrics\"");
        assertThat(Http.json(anonymous)).containsEntry("type", "urn:steadfast:problem:unauthorized");
        HttpResponse<String> wrong = http.send("GET", "/metrics", null, "Authorization", "Bearer " + TOKEN + "x");
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(wrong.body()).doesNotContain(TOKEN).doesNotContain("jvm_");
        assertThat(http.send("GET", "/metrics", null, "Authorization", "Basic " + TOKEN)
                        .statusCode())
                .isEqualTo(401);
        assertThat(http.send("POST", "/metrics", "{}", "Authorization", "Bearer " + TOKEN)
                        .statusCode())
                .isEqualTo(405);

        Scrape before = scrape(http);

        // traffic: accounts, logins (ok, wrong, locked), check-ins (written, refused), 404s, statistics (the
        // cache), a channel's test message (a delivery), and a user past the rate limit
        String annEmail = "metrics-ann-" + UUID.randomUUID() + "@example.org";
        String ann = Accounts.register(http, annEmail).token();
        Accounts.login(http, annEmail, IdentityApiIT.PASSWORD);
        assertThat(login(http, annEmail, "not the password").statusCode()).isEqualTo(401);
        String eveEmail = "metrics-eve-" + UUID.randomUUID() + "@example.org";
        Accounts.register(http, eveEmail);
        for (int i = 0; i < 3; i++) {
            assertThat(login(http, eveEmail, "guess " + i).statusCode()).isEqualTo(401);
        }
        HttpResponse<String> locked = login(http, eveEmail, IdentityApiIT.PASSWORD);
        assertThat(locked.statusCode()).as(locked.body()).isEqualTo(429);

        LocalDate today = ServerTime.today(http);
        HttpResponse<String> habit = http.as(
                ann,
                "POST",
                "/api/v1/habits",
                "{\"name\":\"Walk\",\"type\":\"boolean\",\"schedule\":{\"kind\":\"daily\"},\"startDate\":\""
                        + today.minusDays(5) + "\"}");
        assertThat(habit.statusCode()).as(habit.body()).isEqualTo(201);
        String habitId = Http.json(habit).get("id").toString();
        int written = 0;
        for (int d = 0; d < 3; d++) {
            HttpResponse<String> put =
                    http.as(ann, "PUT", "/api/v1/habits/" + habitId + "/checkins/" + today.minusDays(d), "{}");
            assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
            written++;
        }
        assertThat(http.as(ann, "PUT", "/api/v1/habits/" + habitId + "/checkins/" + today, "{}")
                        .statusCode())
                .as("the same record again writes nothing")
                .isEqualTo(200);
        assertThat(http.as(ann, "PUT", "/api/v1/habits/" + habitId + "/checkins/" + today.plusDays(3), "{}")
                        .statusCode())
                .as("a day in the future")
                .isEqualTo(422);
        assertThat(http.as(ann, "GET", "/api/v1/habits/" + UUID.randomUUID(), null)
                        .statusCode())
                .isEqualTo(404);
        assertThat(http.as(ann, "GET", "/api/v1/no-such-thing", null).statusCode())
                .isEqualTo(404);
        for (int i = 0; i < 2; i++) {
            assertThat(http.as(ann, "GET", "/api/v1/habits/" + habitId + "/stats", null)
                            .statusCode())
                    .isEqualTo(200);
        }
        String channels = http.as(ann, "GET", "/api/v1/me/channels", null).body();
        String inApp = channels.replaceAll("(?s)^\\[\\{\"id\":\"([^\"]+)\".*", "$1");
        HttpResponse<String> test = http.as(ann, "POST", "/api/v1/me/channels/" + inApp + "/test", null);
        assertThat(test.statusCode()).as(test.body()).isBetween(200, 202);

        String bob = Accounts.register(http, "metrics-bob-" + UUID.randomUUID() + "@example.org")
                .token();
        int throttled = 0;
        for (int i = 0; i < 60 && throttled == 0; i++) {
            if (http.as(bob, "GET", "/api/v1/habits", null).statusCode() == 429) {
                throttled++;
            }
        }
        assertThat(throttled).as("bob went past his burst of 40").isEqualTo(1);

        // the delivery is sent by the dispatcher's thread: wait for its outcome
        Scrape after = null;
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            after = scrape(http);
            if (after.sum("steadfast_deliveries_total", "channel_type", "in-app", "outcome", "delivered") >= 1) {
                break;
            }
            Thread.sleep(250);
        }

        // kept for whoever reads a failure (and the series table of docs/operations.md)
        Files.writeString(Path.of("target", "metrics-it-scrape.txt"), after.text());

        // requests: a histogram by route template, method and status
        String checkin = "/api/v1/habits/{id}/checkins/{date}";
        assertThat(after.sum("http_server_requests_seconds_count", "uri", checkin, "method", "PUT", "status", "200")
                        - before.sum(
                                "http_server_requests_seconds_count", "uri", checkin, "method", "PUT", "status", "200"))
                .isEqualTo(written + 1);
        assertThat(after.sum(
                        "http_server_requests_seconds_count",
                        "uri",
                        checkin,
                        "method",
                        "PUT",
                        "status",
                        "422",
                        "outcome",
                        "CLIENT_ERROR"))
                .isEqualTo(1);
        assertThat(after.sum("http_server_requests_seconds_bucket", "uri", checkin, "status", "200", "le", "+Inf"))
                .isEqualTo(after.sum("http_server_requests_seconds_count", "uri", checkin, "status", "200"));
        List<Series> buckets = after.all("http_server_requests_seconds_bucket", "uri", checkin, "status", "200");
        assertThat(buckets).as("11 buckets and +Inf").hasSize(12);
        for (int i = 1; i < buckets.size(); i++) {
            assertThat(buckets.get(i).value())
                    .isGreaterThanOrEqualTo(buckets.get(i - 1).value());
        }
        assertThat(after.sum("http_server_requests_seconds_sum", "uri", checkin, "status", "200"))
                .isPositive();
        assertThat(after.sum("http_server_requests_seconds_count", "uri", "/api/v1/habits/{id}", "status", "404"))
                .isEqualTo(1);
        assertThat(after.sum("http_server_requests_seconds_count", "uri", "NOT_FOUND", "status", "404"))
                .isEqualTo(1);
        assertThat(after.sum("http_server_requests_seconds_count", "uri", "/api/v1/auth/login", "status", "429"))
                .isEqualTo(1);
        assertThat(after.sum("http_server_requests_seconds_count", "uri", "/api/v1/habits", "status", "429"))
                .isEqualTo(1);
        for (Series s : after.all("http_server_requests_seconds_count")) {
            assertThat(s.labels().get("uri"))
                    .as("a route template, never a raw path")
                    .matches("/api(/[\\w.-]+|/\\{\\w+\\})*|NOT_FOUND|UNMATCHED");
        }

        // what the bundles count
        assertThat(after.sum("steadfast_checkins_written_total", "operation", "set")
                        - before.sum("steadfast_checkins_written_total", "operation", "set"))
                .as("the check-ins this test wrote")
                .isEqualTo(written);
        assertThat(after.sum("steadfast_logins_total", "outcome", "success")
                        - before.sum("steadfast_logins_total", "outcome", "success"))
                .isEqualTo(1);
        assertThat(after.sum("steadfast_logins_total", "outcome", "bad-credentials")
                        - before.sum("steadfast_logins_total", "outcome", "bad-credentials"))
                .isEqualTo(4);
        assertThat(after.sum("steadfast_logins_total", "outcome", "locked")
                        - before.sum("steadfast_logins_total", "outcome", "locked"))
                .isEqualTo(1);
        assertThat(after.has("steadfast_logins_total", "outcome", "throttled")).isTrue();
        assertThat(after.has("steadfast_logins_total", "outcome", "disabled")).isTrue();
        assertThat(after.sum("steadfast_requests_throttled_total", "policy", "user")
                        - before.sum("steadfast_requests_throttled_total", "policy", "user"))
                .isEqualTo(1);
        assertThat(after.has("steadfast_requests_throttled_total", "policy", "address"))
                .isTrue();
        assertThat(after.sum("steadfast_deliveries_total", "channel_type", "in-app", "outcome", "delivered"))
                .as("the test message to the in-app channel")
                .isGreaterThanOrEqualTo(1);
        assertThat(after.has("steadfast_deliveries_queued", "status", "pending"))
                .isTrue();
        assertThat(after.has("steadfast_deliveries_queued", "status", "waiting"))
                .isTrue();
        assertThat(after.sum("steadfast_deliveries_queued")).isGreaterThanOrEqualTo(0);
        assertThat(after.has("steadfast_outbox_changes")).isTrue();
        assertThat(after.sum("steadfast_outbox_changes")).isGreaterThanOrEqualTo(0);
        assertThat(after.sum("steadfast_outbox_changes_late")).isGreaterThanOrEqualTo(0);
        // the shared cache: the first reads of tokens and statistics miss (a node's own tier answers the later
        // ones before Redis is asked; a hit in Redis is another node's entry)
        assertThat(after.has("steadfast_cache_requests_total", "backend", "redis", "result", "hit"))
                .isTrue();
        assertThat(after.sum("steadfast_cache_requests_total", "backend", "redis", "result", "miss")
                        - before.sum("steadfast_cache_requests_total", "backend", "redis", "result", "miss"))
                .isGreaterThanOrEqualTo(2);
        assertThat(after.has("steadfast_redis_errors_total", "kind", "connection"))
                .isTrue();
        assertThat(after.has("steadfast_redis_errors_total", "kind", "command")).isTrue();

        // the database pool (PostgreSQL through pax-jdbc's pool)
        assertThat(after.all("steadfast_db_connections_max")).hasSize(1);
        assertThat(after.sum("steadfast_db_connections_max")).isPositive();
        assertThat(after.sum("steadfast_db_connections_active")).isGreaterThanOrEqualTo(0);
        assertThat(after.sum("steadfast_db_connections_idle")).isGreaterThanOrEqualTo(0);
        assertThat(after.sum("steadfast_db_connections_active") + after.sum("steadfast_db_connections_idle"))
                .as("a pool that has served requests keeps a connection")
                .isPositive()
                .isLessThanOrEqualTo(after.sum("steadfast_db_connections_max"));

        // the JVM and the process
        assertThat(after.sum("jvm_memory_used_bytes", "area", "heap")).isPositive();
        assertThat(after.sum("jvm_memory_max_bytes", "area", "heap")).isPositive();
        assertThat(after.sum("jvm_threads_live_threads")).isPositive();
        assertThat(after.sum("jvm_classes_loaded_classes")).isGreaterThan(1000);
        assertThat(after.has("jvm_gc_memory_allocated_bytes_total")).isTrue();
        assertThat(after.has("jvm_gc_live_data_size_bytes")).isTrue();
        assertThat(after.sum("system_cpu_count")).isGreaterThanOrEqualTo(1);
        assertThat(after.has("process_cpu_usage")).isTrue();
        assertThat(after.sum("process_uptime_seconds")).isPositive();
        assertThat(after.sum("process_files_open_files")).isPositive();
        assertThat(after.has("jvm_info")).isTrue();

        // bounded labels only: no e-mail, user, habit id or address in any series; the token nowhere
        assertThat(after.text())
                .doesNotContain("@example.org")
                .doesNotContain(habitId)
                .doesNotContain("127.0.0.1")
                .doesNotContain(TOKEN);
        assertThat(Files.readString(home.resolve("data/log/karaf.log")))
                .contains("Metrics are served at /metrics to the bearer token of STEADFAST_METRICS_TOKEN")
                .doesNotContain(TOKEN);
    }

    private static HttpResponse<String> login(Http http, String email, String password) {
        return http.send(
                "POST", "/api/v1/auth/login", "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}");
    }

    private static Scrape scrape(Http http) {
        HttpResponse<String> r = http.send("GET", "/metrics", null, "Authorization", "Bearer " + TOKEN);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("text/plain; version=0.0.4; charset=utf-8");
        return Scrape.parse(r.body());
    }

    /** One sample of the text format: {@code name{label="value",...} value}. */
    record Series(String name, Map<String, String> labels, double value) {}

    /** A scrape, parsed line by line (comments checked for shape, samples kept). */
    record Scrape(String text, List<Series> series) {

        private static final Pattern SAMPLE =
                Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{(.*)})? (\\S+)(?: \\d+)?");
        private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\",?");

        static Scrape parse(String text) {
            List<Series> series = new ArrayList<>();
            for (String line : text.split("\n")) {
                if (line.isEmpty()) {
                    continue;
                }
                if (line.startsWith("#")) {
                    assertThat(line).as("a comment line").matches("# (HELP|TYPE) [a-zA-Z_:][a-zA-Z0-9_:]* .*|# EOF");
                    continue;
                }
                Matcher m = SAMPLE.matcher(line);
                assertThat(m.matches()).as("a sample line: " + line).isTrue();
                Map<String, String> labels = new LinkedHashMap<>();
                if (m.group(2) != null) {
                    Matcher l = LABEL.matcher(m.group(2));
                    int end = 0;
                    while (l.find()) {
                        assertThat(l.start()).as("labels of " + line).isEqualTo(end);
                        labels.put(l.group(1), l.group(2));
                        end = l.end();
                    }
                    assertThat(end).as("labels of " + line).isEqualTo(m.group(2).length());
                }
                String v = m.group(3);
                double value = "+Inf".equals(v)
                        ? Double.POSITIVE_INFINITY
                        : "-Inf".equals(v) ? Double.NEGATIVE_INFINITY : Double.parseDouble(v);
                series.add(new Series(m.group(1), labels, value));
            }
            return new Scrape(text, series);
        }

        /** The samples of {@code name} whose labels include these (name, value pairs), in the scrape's order. */
        List<Series> all(String name, String... labels) {
            List<Series> found = new ArrayList<>();
            outer:
            for (Series s : series) {
                if (!s.name().equals(name)) {
                    continue;
                }
                for (int i = 0; i + 1 < labels.length; i += 2) {
                    if (!labels[i + 1].equals(s.labels().get(labels[i]))) {
                        continue outer;
                    }
                }
                found.add(s);
            }
            return found;
        }

        boolean has(String name, String... labels) {
            return !all(name, labels).isEmpty();
        }

        /** The sum over those samples (0 when there are none). */
        double sum(String name, String... labels) {
            return all(name, labels).stream().mapToDouble(Series::value).sum();
        }
    }
}
