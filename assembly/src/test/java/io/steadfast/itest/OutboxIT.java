package io.steadfast.itest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.steadfast.testsupport.TestPostgres;
import io.steadfast.testsupport.TestRedis;

/**
 * The work after a check-in's commit (statistics, achievements) is recorded in the outbox with the check-in and
 * delivered off the request thread, exactly once in effect: a node that dies between the commit and the delivery
 * (here: one that never delivers, then is killed, with part of its changes claimed by a node that died holding
 * them) loses nothing, another node delivers it, and delivering a change again (a node that died after delivering,
 * before deleting) awards nothing twice. Its own two nodes on a fresh PostgreSQL schema and a private Redis.
 */
class OutboxIT {

    private final List<Process> processes = new ArrayList<>();
    private TestRedis.Private redis;

    @AfterEach
    void stop() throws InterruptedException {
        for (Process p : processes) {
            kill(p);
        }
        if (redis != null) {
            redis.stop();
        }
    }

    @Test
    void aChangeCommittedOnANodeThatDiesBeforeDeliveringIsDeliveredOnceByAnother() throws Exception {
        String dbUrl = TestPostgres.freshSchemaUrl();
        redis = TestRedis.startPrivate();

        // node c commits but never delivers (delivery switched off on it), then dies
        Path homeC = Cluster.copy("outbox-c");
        Files.writeString(homeC.resolve("etc/io.steadfast.habit.outbox.cfg"), "enabled = false\n");
        Process c = start(homeC, dbUrl);
        Http nodeC = new Http(port);
        Cluster.awaitHealthy(nodeC, homeC);

        String token = Accounts.register(nodeC, "outbox-" + UUID.randomUUID() + "@example.org")
                .token();
        LocalDate t = ServerTime.today(nodeC);
        String id = Http.json(nodeC.as(
                        token,
                        "POST",
                        "/api/v1/habits",
                        "{\"name\":\"Floss\",\"type\":\"boolean\",\"schedule\":{\"kind\":\"daily\"},\"startDate\":\""
                                + t.minusDays(10) + "\"}"))
                .get("id")
                .toString();
        for (int i = 7; i >= 1; i--) {
            HttpResponse<String> r =
                    nodeC.as(token, "PUT", "/api/v1/habits/" + id + "/checkins/" + t.minusDays(i), "{}");
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        }
        // the reads see every acknowledged write, although nothing was delivered
        Map<?, ?> streak = (Map<?, ?>) Http.json(nodeC.as(token, "GET", "/api/v1/habits/" + id + "/stats", null))
                .get("streak");
        assertThat(streak.get("current")).isEqualTo(7);
        assertThat(earned(nodeC, token))
                .as("achievements come from the delivery")
                .isEmpty();
        List<Long> pending = outboxIds(dbUrl);
        assertThat(pending).as("the habit and its seven days").hasSize(8);

        // half of the changes were claimed by a node that died holding them: its lease runs out in 3 s
        try (Connection db = TestPostgres.connect(dbUrl);
                Statement st = db.createStatement()) {
            st.executeUpdate("UPDATE habit_outbox SET claimed_by = 'node-dead', attempts = 1, "
                    + "claimed_until = LOCALTIMESTAMP + INTERVAL '3' SECOND WHERE id IN ("
                    + pending.get(1) + "," + pending.get(3) + "," + pending.get(5) + "," + pending.get(7) + ")");
        }
        kill(c);

        // node d (delivery on, as by default) takes over
        Path homeD = Cluster.copy("outbox-d");
        start(homeD, dbUrl);
        Http nodeD = new Http(port);
        Cluster.awaitHealthy(nodeD, homeD);
        awaitEmptyOutbox(dbUrl);
        List<Map<?, ?>> earned = earned(nodeD, token);
        // (a perfect week too, on some days of the week: the seven days may hold one)
        List<String> codes = codes(earned);
        assertThat(codes).contains("first-checkin", "streak-7").doesNotHaveDuplicates();
        assertThat(earned.stream()
                        .filter(e -> "streak-7".equals(e.get("code")))
                        .findFirst()
                        .orElseThrow()
                        .get("reachedOn"))
                .isEqualTo(t.minusDays(1).toString());

        // the same changes delivered once more (a node died after delivering, before deleting): nothing twice
        try (Connection db = TestPostgres.connect(dbUrl);
                Statement st = db.createStatement()) {
            for (int i = 7; i >= 1; i--) {
                st.executeUpdate(
                        "INSERT INTO habit_outbox (topic, user_id, habit_id, change_date, revision, created_at)"
                                + " SELECT 'steadfast/checkin/CHANGED', user_id, id, DATE '" + t.minusDays(i)
                                + "', revision,"
                                + " LOCALTIMESTAMP FROM habit WHERE id = '" + id + "'");
            }
        }
        awaitEmptyOutbox(dbUrl);
        assertThat(codes(earned(nodeD, token))).containsExactlyInAnyOrderElementsOf(codes);
        String log = Files.readString(homeD.resolve("data/log/karaf.log"));
        for (String code : codes) {
            assertThat(log.split("Achievement " + code + " ", -1))
                    .as("%s was announced once", code)
                    .hasSize(2);
        }
        Map<?, ?> after = (Map<?, ?>) Http.json(nodeD.as(token, "GET", "/api/v1/habits/" + id + "/stats", null))
                .get("streak");
        assertThat(after.get("current")).isEqualTo(7);
    }

    private int port;

    private Process start(Path home, String dbUrl) throws IOException {
        port = Distribution.freePort();
        Process p = Cluster.start(home, port, dbUrl, redis.url());
        processes.add(p);
        return p;
    }

    private static void kill(Process p) throws InterruptedException {
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
        p.waitFor(20, TimeUnit.SECONDS);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<?, ?>> earned(Http node, String token) {
        return (List<Map<?, ?>>)
                Http.json(node.as(token, "GET", "/api/v1/achievements", null)).get("earned");
    }

    private static List<String> codes(List<Map<?, ?>> earned) {
        return earned.stream().map(e -> e.get("code").toString()).toList();
    }

    private static List<Long> outboxIds(String dbUrl) throws SQLException {
        List<Long> ids = new ArrayList<>();
        try (Connection db = TestPostgres.connect(dbUrl);
                Statement st = db.createStatement();
                ResultSet rs = st.executeQuery("SELECT id FROM habit_outbox ORDER BY id")) {
            while (rs.next()) {
                ids.add(rs.getLong(1));
            }
        }
        return ids;
    }

    /** Waits (up to 60 s: delivery latency and the dead node's lease, not domain time) for the outbox to drain. */
    private static void awaitEmptyOutbox(String dbUrl) throws Exception {
        long until = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!outboxIds(dbUrl).isEmpty()) {
            assertThat(System.nanoTime()).as("the outbox drains").isLessThan(until);
            Thread.sleep(100);
        }
    }
}
