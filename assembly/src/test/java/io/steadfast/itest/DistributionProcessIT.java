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
    void stop() throws Exception {
        if (karaf != null) {
            karaf.descendants().forEach(ProcessHandle::destroy);
            karaf.destroy();
            if (!karaf.waitFor(
                    java.util.concurrent.TimeUnit.SECONDS.toMillis(30), java.util.concurrent.TimeUnit.MILLISECONDS)) {
                karaf.descendants().forEach(ProcessHandle::destroyForcibly);
                karaf.destroyForcibly();
            }
        }
        if (redis != null) {
            redis.stop();
        }
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
        HttpResponse<String> down = http.await("/health", r -> r.statusCode() == 503, Duration.ofSeconds(20));
        assertThat(down.statusCode()).isEqualTo(503);
        assertThat(down.body()).contains("\"cache\":{\"status\":\"unhealthy\"");
        assertThat(http.get("/health/ready").statusCode()).isEqualTo(200);
        assertThat(http.get("/api/openapi.json").statusCode()).isEqualTo(200);

        redis.start();
        HttpResponse<String> up = http.await("/health", r -> r.statusCode() == 200, Duration.ofSeconds(20));
        assertThat(up.statusCode()).as(up.body()).isEqualTo(200);
        assertThat(up.body()).contains("redis");
    }
}
