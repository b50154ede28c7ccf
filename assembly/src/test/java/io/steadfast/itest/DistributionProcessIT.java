package io.steadfast.itest;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.steadfast.testsupport.TestPostgres;
import io.steadfast.testsupport.TestRedis;

/**
 * Starts the distribution as an operator does, {@code bin/karaf server} with environment variables, and checks
 * that STEADFAST_DB_URL moves it to PostgreSQL (its tables appear there), that STEADFAST_REDIS_URL makes Redis the
 * cache with health following Redis going down and up, and that STEADFAST_HTTP_PORT moves HTTP.
 */
class DistributionProcessIT {

    private Process karaf;
    private TestRedis.Private redis;

    @AfterEach
    void stop() {
        Cluster.stopAll(java.util.Collections.singletonList(karaf));
        if (redis != null) {
            redis.stop();
        }
    }

    /**
     * From the moment its port opens until it is ready, a starting node answers every /api request with 503
     * problem+json and Retry-After, never a 404, an HTML page, a 500 or a partial OpenAPI document; once
     * /health/ready says 200 the whole API answers at once.
     */
    @Test
    void whileItStartsTheApiAnswers503AndThenTheWholeApi() throws Exception {
        redis = TestRedis.startPrivate();
        int port = Distribution.freePort();
        Path home = Cluster.copy("process-startup");
        // behind a proxy on this machine: listening on loopback only, the proxy trusted to say https
        java.nio.file.Files.writeString(
                home.resolve("etc/io.steadfast.identity.cfg"), "clientAddress.trustedProxies = 127.0.0.1\n");
        karaf = Cluster.start(
                home,
                port,
                TestPostgres.freshSchemaUrl(),
                redis.url(),
                java.util.Map.of("STEADFAST_HTTP_HOST", "127.0.0.1"));
        Http http = new Http(port);
        java.util.Map<String, Integer> seen = new java.util.TreeMap<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        boolean ready = false;
        while (!ready && System.nanoTime() < deadline) {
            HttpResponse<String>[] answers;
            try {
                answers = new HttpResponse[] {
                    http.get("/api/openapi.json"),
                    http.send(
                            "POST",
                            "/api/v1/auth/login",
                            "{\"email\":\"nobody@example.org\",\"password\":\"not the password\"}"),
                    http.get("/api/v1/habits")
                };
                ready = http.get("/health/ready").statusCode() == 200;
            } catch (IllegalStateException notListeningYet) {
                Thread.sleep(50);
                continue;
            }
            for (HttpResponse<String> r : answers) {
                String what = r.request().method() + " " + r.request().uri().getPath() + " " + r.statusCode();
                seen.merge(what, 1, Integer::sum);
                if (r.statusCode() == 503) {
                    assertThat(r.headers().firstValue("Content-Type")).as(what).hasValue("application/problem+json");
                    assertThat(r.headers().firstValue("Retry-After")).as(what).isPresent();
                    assertThat(r.body()).as(what).contains("starting");
                    continue;
                }
                // not 503: the final answer, whole
                if (r.request().uri().getPath().endsWith("openapi.json")) {
                    assertThat(r.statusCode()).as(what).isEqualTo(200);
                    for (String p : Http.CORE_PATHS) {
                        assertThat(r.body())
                                .as(what + ": the document is whole")
                                .contains("\"" + p + "\"");
                    }
                } else {
                    assertThat(r.statusCode()).as(what + " " + r.body()).isEqualTo(401);
                    assertThat(r.headers().firstValue("Content-Type")).as(what).hasValue("application/problem+json");
                }
            }
        }
        System.out.println("answers while starting: " + seen);
        assertThat(ready)
                .as("ready in time; see " + home.resolve("console.log"))
                .isTrue();
        HttpResponse<String> doc = http.get("/api/openapi.json");
        assertThat(doc.statusCode()).isEqualTo(200);
        for (String p : Http.CORE_PATHS) {
            assertThat(doc.body()).as("whole once ready").contains("\"" + p + "\"");
        }
        Thread.sleep(1500);
        assertThat(http.get("/api/openapi.json").body())
                .as("and it holds still")
                .isEqualTo(doc.body());
        assertThat(listeningAddresses(port))
                .as("STEADFAST_HTTP_HOST=127.0.0.1: the port is bound to loopback only")
                .containsExactly("127.0.0.1");
        for (String path : new String[] {"/api/v1/habits", "/health/live", "/"}) {
            assertThat(http.send("GET", path, null, "X-Forwarded-Proto", "https")
                            .headers()
                            .firstValue("Strict-Transport-Security"))
                    .as("HSTS when the trusted proxy says https: " + path)
                    .hasValue("max-age=31536000");
            assertThat(http.get(path).headers().firstValue("Strict-Transport-Security"))
                    .as("no HSTS over plain http: " + path)
                    .isEmpty();
        }
        HttpResponse<String> health = http.get("/health");
        assertThat(health.body())
                .as("anyone sees counts, no part")
                .matches("\\{\"status\":\"\\w+\",\"healthy\":\\d+,\"unhealthy\":\\d+\\}");
    }

    /** The local addresses listening on the TCP port, from /proc/net/tcp and tcp6 (no traffic needed). */
    static java.util.List<String> listeningAddresses(int port) throws java.io.IOException {
        java.util.List<String> out = new java.util.ArrayList<>();
        for (String file : new String[] {"/proc/net/tcp", "/proc/net/tcp6"}) {
            Path f = Path.of(file);
            if (!java.nio.file.Files.exists(f)) {
                continue;
            }
            for (String line : java.nio.file.Files.readAllLines(f)) {
                String[] cols = line.trim().split("\\s+");
                if (cols.length < 4 || !"0A".equals(cols[3]) || !cols[1].contains(":")) {
                    continue; // 0A: LISTEN
                }
                String[] local = cols[1].split(":");
                if (Integer.parseInt(local[1], 16) != port) {
                    continue;
                }
                String hex = local[0];
                if (hex.startsWith("0000000000000000FFFF0000")) {
                    hex = hex.substring(24); // an IPv4-mapped IPv6 address: the IPv4 one
                }
                if (hex.length() == 8) {
                    out.add(Integer.parseInt(hex.substring(6, 8), 16) + "." + Integer.parseInt(hex.substring(4, 6), 16)
                            + "." + Integer.parseInt(hex.substring(2, 4), 16) + "."
                            + Integer.parseInt(hex.substring(0, 2), 16));
                } else {
                    out.add(hex.equals("00000000000000000000000000000000") ? "::" : "ipv6:" + hex);
                }
            }
        }
        return out;
    }

    @Test
    void runsOnPostgresqlAndRedisFromTheEnvironment() throws Exception {
        String dbUrl = TestPostgres.freshSchemaUrl();
        String schema = dbUrl.substring(dbUrl.indexOf("currentSchema=") + "currentSchema=".length());
        redis = TestRedis.startPrivate();
        int port = Distribution.freePort();
        Path home = Cluster.copy("process-pg-redis");
        long start = System.nanoTime();
        karaf = Cluster.start(home, port, dbUrl, redis.url());

        Http http = new Http(port);
        HttpResponse<String> health = http.await("/health", r -> r.statusCode() == 200, Duration.ofSeconds(90));
        System.out.println("PostgreSQL + Redis: healthy " + (System.nanoTime() - start) / 1_000_000
                + " ms after bin/karaf started");
        assertThat(health).as("no answer; see " + home.resolve("console.log")).isNotNull();
        assertThat(health.statusCode()).as(health.body()).isEqualTo(200);
        assertThat(health.body()).as("anyone sees counts only").doesNotContain("postgresql", "redis", "database");
        http.awaitApi();
        // the first account of the server is its admin, who sees every part
        String admin = Accounts.register(http, "process-admin-" + System.nanoTime() + "@example.org")
                .token();
        health = http.as(admin, "GET", "/health", null);
        assertThat(health.body())
                .contains("\"database\":{\"status\":\"healthy\",\"message\":\"postgresql")
                .contains("\"cache\":{\"status\":\"healthy\",\"message\":\"redis");

        try (Connection c = TestPostgres.connect();
                ResultSet rs = c.getMetaData().getTables(null, schema, "%", new String[] {"TABLE"})) {
            Set<String> tables = new HashSet<>();
            while (rs.next()) {
                tables.add(rs.getString("TABLE_NAME"));
            }
            assertThat(tables)
                    .contains(
                            "app_setting",
                            "app_user",
                            "habit",
                            "calendar_feed",
                            "habit_stats",
                            "schema_history_storage",
                            "schema_history_identity",
                            "schema_history_streak");
        }

        redis.stop();
        HttpResponse<String> down = http.awaitAs(admin, "/health", r -> r.statusCode() == 503, Duration.ofSeconds(20));
        assertThat(down.statusCode()).isEqualTo(503);
        assertThat(down.body()).contains("\"cache\":{\"status\":\"unhealthy\"");
        assertThat(http.get("/health/ready").statusCode()).isEqualTo(200);
        assertThat(http.get("/api/openapi.json").statusCode()).isEqualTo(200);

        redis.start();
        HttpResponse<String> up = http.awaitAs(admin, "/health", r -> r.statusCode() == 200, Duration.ofSeconds(20));
        assertThat(up.statusCode()).as(up.body()).isEqualTo(200);
        assertThat(up.body()).contains("redis");
    }
}
