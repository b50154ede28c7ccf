package io.steadfast.itest;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

import io.steadfast.testsupport.LegacyDatabase;
import io.steadfast.testsupport.TestPostgres;
import io.steadfast.testsupport.TestRedis;

/**
 * A PostgreSQL database as Steadfast 0.1 left it (one shared migration history, V1 to V4, with an account, a
 * token, a habit, its records and an achievement) is upgraded by this release at start-up: each bundle adopts its
 * tables into its own history without loss, and everything is served as before.
 */
class UpgradeFrom01IT {

    private Process karaf;
    private TestRedis.Private redis;

    @AfterEach
    void stop() throws Exception {
        if (karaf != null) {
            karaf.descendants().forEach(ProcessHandle::destroy);
            karaf.destroy();
            karaf.waitFor();
        }
        if (redis != null) {
            redis.stop();
        }
    }

    @Test
    void aDatabaseOf01IsUpgradedWithoutLoss() throws Exception {
        String dbUrl = TestPostgres.freshSchemaUrl();
        String schema = dbUrl.substring(dbUrl.indexOf("currentSchema=") + "currentSchema=".length());
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setUrl(dbUrl);
        ds.setUser(TestPostgres.user());
        ds.setPassword(TestPostgres.password());
        LegacyDatabase.create(ds);
        String user = UUID.randomUUID().toString();
        String habit = UUID.randomUUID().toString();
        String secret = "sfp_" + "a".repeat(43);
        try (Connection c = ds.getConnection();
                Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO app_user VALUES ('" + user + "', 'old@example.org', 'old@example.org', "
                    + "'Old Timer', 'x', 'UTC', 'MONDAY', 0, 'admin', TIMESTAMP '2026-01-01 00:00:00', "
                    + "TIMESTAMP '2026-01-01 00:00:00')");
            s.executeUpdate("INSERT INTO auth_token (id, user_id, kind, name, token_hash, scopes, created_at) VALUES ('"
                    + UUID.randomUUID() + "', '" + user + "', 'pat', 'kept', encode(sha256(convert_to('" + secret
                    + "', 'UTF8')), 'hex'), 'read write', TIMESTAMP '2026-01-01 00:00:00')");
            s.executeUpdate("INSERT INTO habit VALUES ('" + habit + "', '" + user + "', 'Read', NULL, 'boolean', NULL, "
                    + "NULL, 'daily', DATE '2026-01-01', NULL, NULL, FALSE, 0, TIMESTAMP '2026-01-01 00:00:00', "
                    + "TIMESTAMP '2026-01-01 00:00:00')");
            s.executeUpdate("INSERT INTO checkin VALUES ('" + habit + "', DATE '2026-01-02', NULL, 'chapter one', "
                    + "'done', FALSE, TIMESTAMP '2026-01-02 00:00:00', TIMESTAMP '2026-01-02 00:00:00')");
            s.executeUpdate("INSERT INTO achievement VALUES ('" + UUID.randomUUID() + "', '" + user + "', 'all', "
                    + "'first-checkin', DATE '2026-01-02', TIMESTAMP '2026-01-02 00:00:00')");
        }

        redis = TestRedis.startPrivate();
        int port = Distribution.freePort();
        Path home = Cluster.copy("upgrade-01");
        karaf = Cluster.start(home, port, dbUrl, redis.url());
        Http http = new Http(port);
        // the 0.1 account is an admin: its token sees the parts of /health
        HttpResponse<String> health =
                http.awaitAs(secret, "/health", r -> r.statusCode() == 200, Duration.ofSeconds(120));
        assertThat(health).as("no answer; see " + home.resolve("console.log")).isNotNull();
        assertThat(health.statusCode()).as(health.body()).isEqualTo(200);
        assertThat(health.body())
                .contains(
                        "schemas accountability 5, calendar 3, delivery 1, habit 6, identity 6, media 2, storage 1, streak 2, transfer 2");
        http.awaitApi();

        HttpResponse<String> habits = http.as(secret, "GET", "/api/v1/habits", null);
        assertThat(habits.statusCode())
                .as("the 0.1 token still works: " + habits.body())
                .isEqualTo(200);
        assertThat(habits.body()).contains("\"name\":\"Read\"");
        HttpResponse<String> records =
                http.as(secret, "GET", "/api/v1/habits/" + habit + "/checkins?from=2026-01-01&to=2026-01-31", null);
        assertThat(records.body()).contains("chapter one");
        assertThat(http.as(secret, "GET", "/api/v1/achievements", null).body()).contains("first-checkin");
        Map<String, Object> me = Http.json(http.as(secret, "GET", "/api/v1/me", null));
        assertThat(me).containsEntry("displayName", "Old Timer");
        HttpResponse<String> reset = http.send(
                "POST",
                "/api/v1/auth/password-reset/confirm",
                "{\"token\":\"sfr_" + "x".repeat(43) + "\",\"newPassword\":\"a brand new passphrase\"}");
        assertThat(reset.statusCode())
                .as("identity's second migration (reset links) ran: " + reset.body())
                .isEqualTo(410);

        try (Connection c = TestPostgres.connect();
                ResultSet rs = c.getMetaData().getTables(null, schema, "schema_history%", new String[] {"TABLE"})) {
            Set<String> tables = new HashSet<>();
            while (rs.next()) {
                tables.add(rs.getString("TABLE_NAME"));
            }
            assertThat(tables)
                    .containsAll(List.of(
                            "schema_history",
                            "schema_history_storage",
                            "schema_history_identity",
                            "schema_history_habit",
                            "schema_history_calendar",
                            "schema_history_streak"));
        }
    }
}
