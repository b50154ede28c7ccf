package io.steadfast.itest;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.steadfast.testsupport.PrivatePostgres;
import io.steadfast.testsupport.TestRedis;

/**
 * Faults under load, with nothing acknowledged lost or doubled. Two nodes on a PostgreSQL and a Redis of the test's
 * own, behind a small load balancer on loopback ({@link LoadBalancer}); four clients make increments through it
 * (each with its own idempotency key) and retry what was not acknowledged with the same key, and write every
 * acknowledged one in a ledger. Meanwhile: Redis is killed and started again, then paused and resumed; PostgreSQL is stopped and started
 * again; one node is killed (SIGKILL). Afterwards every habit's value must be exactly what the ledger says, and no
 * answer may have been a 5xx other than 503. The figures of each phase (acknowledged writes, answers by status,
 * time to the first acknowledged write after the fault ended) are printed and written to
 * target/chaos-report.md; docs/reliability.md keeps a run's.
 */
class ChaosIT {

    private static final int CLIENTS = 4;

    private final List<Process> nodes = new ArrayList<>(Collections.nCopies(2, null));
    private PrivatePostgres pg;
    private LoadBalancer lb;
    private TestRedis.Private redis;

    /** One phase's figures. */
    static final class Phase {
        final String name;
        final Map<String, AtomicInteger> answers = new ConcurrentHashMap<>();
        final AtomicInteger acknowledged = new AtomicInteger();
        volatile long faultEnded = -1;
        final AtomicLong firstAckAfterFault = new AtomicLong(-1);
        long startedAt = System.nanoTime();
        long endedAt;

        Phase(String name) {
            this.name = name;
        }

        void answer(String what) {
            answers.computeIfAbsent(what, k -> new AtomicInteger()).incrementAndGet();
        }

        void acknowledged() {
            acknowledged.incrementAndGet();
            long ended = faultEnded;
            if (ended > 0) {
                firstAckAfterFault.compareAndSet(-1, System.nanoTime() - ended);
            }
        }
    }

    private final List<Phase> phases = new CopyOnWriteArrayList<>();
    private volatile Phase current;

    @AfterEach
    void stop() throws Exception {
        if (lb != null) {
            lb.close();
        }
        Cluster.stopAll(nodes);
        if (redis != null) {
            try {
                redis.signal("CONT");
            } catch (RuntimeException ignored) {
                // not running
            }
            redis.stop();
        }
        if (pg != null) {
            pg.close();
        }
    }

    @Test
    void redisPostgresqlAndANodeFailUnderLoadAndNothingAcknowledgedIsLostOrDoubled() throws Exception {
        pg = PrivatePostgres.start();
        try (Connection c = DriverManager.getConnection(pg.url(), "postgres", "");
                Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA chaos");
        }
        String db = pg.url() + "?currentSchema=chaos";
        redis = TestRedis.startPrivate();
        List<Http> http = new ArrayList<>();
        List<Path> homes = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            int port = Distribution.freePort();
            Path home = Cluster.copy("chaos" + i);
            homes.add(home);
            nodes.set(i, Cluster.start(home, port, db, redis.url()));
            http.add(new Http(port));
        }
        for (int i = 0; i < 2; i++) {
            Cluster.awaitHealthy(http.get(i), homes.get(i));
        }

        LocalDate day = ServerTime.now(http.get(0)).atZone(ZoneOffset.UTC).toLocalDate();
        List<String[]> habits = new ArrayList<>(); // {token, habitId}
        for (int i = 0; i < CLIENTS; i++) {
            IdentityApiIT.Account u =
                    Accounts.register(http.get(i % 2), "chaos-" + i + "-" + UUID.randomUUID() + "@example.org");
            HttpResponse<String> h = http.get(0)
                    .as(
                            u.token(),
                            "POST",
                            "/api/v1/habits",
                            "{\"name\":\"Water\",\"type\":\"count\",\"target\":100000,"
                                    + "\"schedule\":{\"kind\":\"daily\"},\"startDate\":\"" + day.minusDays(3) + "\"}");
            assertThat(h.statusCode()).as(h.body()).isEqualTo(201);
            habits.add(new String[] {u.token(), Http.json(h).get("id").toString()});
        }

        Map<String, AtomicInteger> ledger = new ConcurrentHashMap<>();
        AtomicBoolean running = new AtomicBoolean(true);
        lb = new LoadBalancer(List.of(http.get(0).port(), http.get(1).port()));
        Http balanced = new Http(lb.port());
        List<String> unacknowledged = new CopyOnWriteArrayList<>();
        List<String> problems = new CopyOnWriteArrayList<>();
        current = new Phase("steady");
        phases.add(current);
        List<Thread> clients = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
            String[] mine = habits.get(i);
            Thread t = new Thread(
                    () -> {
                        while (running.get()) {
                            String key = UUID.randomUUID().toString();
                            String path = "/api/v1/habits/" + mine[1] + "/checkins/" + day + "/increment";
                            long deadline =
                                    System.nanoTime() + Duration.ofSeconds(60).toNanos();
                            boolean acked = false;
                            while (!acked && System.nanoTime() < deadline) {
                                Http node = balanced;
                                Phase p = current;
                                try {
                                    HttpResponse<String> r =
                                            node.as(mine[0], "POST", path, "{\"delta\":1}", "Idempotency-Key", key);
                                    p.answer(Integer.toString(r.statusCode()));
                                    if (r.statusCode() == 200 || r.statusCode() == 201) {
                                        ledger.computeIfAbsent(mine[1], k -> new AtomicInteger())
                                                .incrementAndGet();
                                        p.acknowledged();
                                        acked = true;
                                    } else if (r.statusCode() >= 400 && r.statusCode() < 500 && r.statusCode() != 429) {
                                        problems.add(p.name + ": " + r.statusCode() + " " + r.body());
                                        Thread.sleep(200);
                                    } else {
                                        Thread.sleep(200);
                                    }
                                } catch (IllegalStateException e) {
                                    p.answer("no answer");
                                    sleepQuietly(200);
                                } catch (InterruptedException e) {
                                    return;
                                }
                            }
                            if (!acked) {
                                unacknowledged.add(key);
                            }
                            sleepQuietly(25);
                        }
                    },
                    "chaos-client-" + i);
            t.setDaemon(true);
            clients.add(t);
            t.start();
        }

        Thread.sleep(4000);
        phase("redis killed");
        redis.signal("KILL");
        Thread.sleep(5000);
        redis.start();
        current.faultEnded = System.nanoTime();
        Thread.sleep(5000);

        phase("redis paused");
        redis.signal("STOP");
        Thread.sleep(5000);
        redis.signal("CONT");
        current.faultEnded = System.nanoTime();
        Thread.sleep(5000);

        phase("postgresql restarted");
        pg.stopServer();
        Thread.sleep(5000);
        pg.startServer();
        current.faultEnded = System.nanoTime();
        Thread.sleep(10_000);

        phase("node killed");
        Process victim = nodes.get(1);
        victim.descendants().forEach(ProcessHandle::destroyForcibly);
        victim.destroyForcibly();
        victim.waitFor();
        nodes.set(1, null);
        current.faultEnded = System.nanoTime();
        Thread.sleep(6000);

        current.endedAt = System.nanoTime();
        running.set(false);
        for (Thread t : clients) {
            t.join(90_000);
        }

        String report = report() + "\nThe load balancer skipped a node that refused a connection " + lb.skipped()
                + " time(s).\n";
        System.out.println(report);
        Files.writeString(Path.of("target/chaos-report.md"), report);

        assertThat(problems)
                .as("client errors under load (a write refused is a write lost)")
                .isEmpty();
        assertThat(unacknowledged)
                .as("writes never acknowledged within 60 s of retrying")
                .isEmpty();
        for (String[] h : habits) {
            HttpResponse<String> r = http.get(0)
                    .as(h[0], "GET", "/api/v1/habits/" + h[1] + "/checkins?from=" + day + "&to=" + day, null);
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
            int expected = ledger.getOrDefault(h[1], new AtomicInteger()).get();
            int stored = 0;
            for (com.fasterxml.jackson.databind.JsonNode rec :
                    new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.body())) {
                if (day.toString().equals(rec.path("date").asText())) {
                    stored = rec.path("value").asInt();
                }
            }
            assertThat(stored)
                    .as("habit %s: the ledger acknowledged %d increments, each once", h[1], expected)
                    .isEqualTo(expected);
        }
        for (Phase p : phases) {
            for (String status : p.answers.keySet()) {
                assertThat(status.startsWith("5") && !status.equals("503"))
                        .as("phase '%s' answered %s", p.name, status)
                        .isFalse();
            }
            assertThat(p.acknowledged.get())
                    .as("writes acknowledged in phase '%s'", p.name)
                    .isPositive();
            if (p.name.equals("postgresql restarted")) {
                assertThat(p.answers)
                        .as("while PostgreSQL is down requests fail fast with 503 (and are retried)")
                        .containsKey("503");
            }
        }
    }

    private void phase(String name) {
        Phase p = new Phase(name);
        current.endedAt = System.nanoTime();
        phases.add(p);
        current = p;
    }

    private String report() {
        StringBuilder b =
                new StringBuilder("| phase | seconds | acknowledged writes | answers | first write after the fault |\n"
                        + "|---|---|---|---|---|\n");
        for (Phase p : phases) {
            Map<String, Integer> answers = new TreeMap<>();
            p.answers.forEach((k, v) -> answers.put(k, v.get()));
            long after = p.firstAckAfterFault.get();
            b.append("| ")
                    .append(p.name)
                    .append(" | ")
                    .append(String.format("%.1f", (p.endedAt - p.startedAt) / 1e9))
                    .append(" | ")
                    .append(p.acknowledged.get())
                    .append(" | ")
                    .append(answers)
                    .append(" | ")
                    .append(p.faultEnded < 0 ? "—" : after < 0 ? "none" : String.format("%.2f s", after / 1e9))
                    .append(" |\n");
        }
        return b.toString();
    }

    private static void sleepQuietly(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
