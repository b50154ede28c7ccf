package io.steadfast.itest;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import io.steadfast.testsupport.TestPostgres;
import io.steadfast.testsupport.TestRedis;

/**
 * Two nodes behave as one behind a real load balancer (Debian's HAProxy, round robin, health-checking {@code
 * /health/ready}), as infra/compose runs them: one PostgreSQL schema, one Redis, a simulated clock. Through the
 * balancer and on each node directly: a session made on one node works on the other; a sign-out, a password change
 * and a disabled account are seen on both at once; failed sign-ins count across nodes; an event stream on one node
 * gets what a write on the other caused; a reminder fires once; and when one node is killed under a bounded wrk run,
 * no acknowledged write is lost and the other keeps serving.
 */
@TestMethodOrder(MethodOrderer.MethodName.class)
class HaproxyIT {

    static final List<Process> processes = new ArrayList<>();
    static final List<Path> homes = new ArrayList<>();
    static final List<Http> nodes = new ArrayList<>();
    static TestRedis.Private redis;
    static Process haproxy;
    static Http lb;
    static Path work;
    static Instant start;
    static String admin;

    @BeforeAll
    static void startNodes() throws Exception {
        // a simulated clock at 07:58 UTC of a day two days ahead: the reminder below is at 08:00
        start = Instant.now()
                .plus(Duration.ofDays(2))
                .truncatedTo(ChronoUnit.DAYS)
                .plus(Duration.ofMinutes(7 * 60 + 58));
        String db = TestPostgres.freshSchemaUrl();
        redis = TestRedis.startPrivate();
        for (int i = 0; i < 2; i++) {
            Path home = Cluster.copy("haproxy" + i);
            RemindersIT.setClock(home, start);
            int port = Distribution.freePort();
            homes.add(home);
            processes.add(Cluster.start(home, port, db, redis.url(), Map.of("STEADFAST_CLOCK_START", "")));
            nodes.add(new Http(port));
        }
        for (int i = 0; i < 2; i++) {
            Cluster.awaitHealthy(nodes.get(i), homes.get(i));
        }
        work = Files.createDirectories(
                Path.of("target", "haproxy-" + System.nanoTime()).toAbsolutePath());
        int port = Distribution.freePort();
        Path cfg = work.resolve("haproxy.cfg");
        Files.writeString(
                cfg,
                String.join(
                        "\n",
                        "global",
                        "  maxconn 2000",
                        "defaults",
                        "  mode http",
                        "  timeout connect 2s",
                        "  timeout client 60s",
                        "  timeout server 60s",
                        "  timeout tunnel 1h",
                        "  retries 2",
                        "  option redispatch",
                        // only a connection never made is retried: a POST that reached a node is not sent twice
                        "  retry-on conn-failure",
                        "frontend steadfast",
                        "  bind 127.0.0.1:" + port,
                        "  option forwardfor",
                        "  default_backend nodes",
                        "backend nodes",
                        "  balance roundrobin",
                        "  option httpchk GET /health/ready",
                        "  http-check expect status 200",
                        "  default-server inter 500ms fall 2 rise 2",
                        "  server node0 127.0.0.1:" + nodes.get(0).port() + " check",
                        "  server node1 127.0.0.1:" + nodes.get(1).port() + " check",
                        ""));
        haproxy = new ProcessBuilder("haproxy", "-db", "-f", cfg.toString())
                .redirectErrorStream(true)
                .redirectOutput(work.resolve("haproxy.log").toFile())
                .start();
        lb = new Http(port);
        HttpResponse<String> up = lb.await("/health/ready", r -> r.statusCode() == 200, Duration.ofSeconds(20));
        assertThat(up.statusCode())
                .as(Files.readString(work.resolve("haproxy.log")))
                .isEqualTo(200);
        // the first account of the schema is its admin
        admin = Accounts.register(nodes.get(0), "ha-admin-" + UUID.randomUUID() + "@example.org")
                .token();
    }

    @AfterAll
    static void stopNodes() {
        if (haproxy != null) {
            haproxy.destroy();
        }
        Cluster.stopAll(processes);
        if (redis != null) {
            redis.stop();
        }
    }

    private static String unique(String name) {
        return "ha-" + name + "-" + UUID.randomUUID() + "@example.org";
    }

    /** The caller's status on each node directly and through the balancer (twice: both nodes behind it). */
    private static List<Integer> everywhere(String token) {
        List<Integer> s = new ArrayList<>();
        for (Http n : List.of(nodes.get(0), nodes.get(1), lb, lb)) {
            s.add(n.as(token, "GET", "/api/v1/me", null).statusCode());
        }
        return s;
    }

    @Test
    void aSessionWorksOnEveryNodeAndItsEndIsSeenEverywhereAtOnce() {
        IdentityApiIT.Account ann = Accounts.register(lb, unique("ann"));
        assertThat(everywhere(ann.token())).containsOnly(200);

        // sign-out on node 0: node 1 refuses the token at once (its cache had it)
        String signedIn = Accounts.login(lb, ann.email(), IdentityApiIT.PASSWORD);
        assertThat(everywhere(signedIn)).containsOnly(200);
        assertThat(nodes.get(0)
                        .as(signedIn, "POST", "/api/v1/auth/logout", null)
                        .statusCode())
                .isIn(200, 204);
        assertThat(everywhere(signedIn)).containsOnly(401);

        // a password change on node 1 ends the other sessions on node 0 at once
        String other = Accounts.login(nodes.get(0), ann.email(), IdentityApiIT.PASSWORD);
        assertThat(everywhere(other)).containsOnly(200);
        HttpResponse<String> changed = nodes.get(1)
                .as(
                        ann.token(),
                        "POST",
                        "/api/v1/me/password",
                        "{\"currentPassword\":\"" + IdentityApiIT.PASSWORD
                                + "\",\"newPassword\":\"a much newer passphrase\"}");
        assertThat(changed.statusCode()).as(changed.body()).isIn(200, 204);
        assertThat(everywhere(other)).containsOnly(401);
        assertThat(Accounts.login(lb, ann.email(), "a much newer passphrase")).isNotBlank();
    }

    @Test
    void aDisabledAccountIsRefusedOnEveryNodeAtOnce() {
        IdentityApiIT.Account bob = Accounts.register(lb, unique("bob"));
        String second = Accounts.login(nodes.get(1), bob.email(), IdentityApiIT.PASSWORD);
        assertThat(everywhere(bob.token())).containsOnly(200);
        assertThat(everywhere(second)).containsOnly(200);
        HttpResponse<String> disabled = lb.as(admin, "POST", "/api/v1/admin/users/" + bob.userId() + "/disable", null);
        assertThat(disabled.statusCode()).as(disabled.body()).isEqualTo(200);
        assertThat(everywhere(bob.token())).containsOnly(401);
        assertThat(everywhere(second)).containsOnly(401);
        for (Http n : List.of(nodes.get(0), nodes.get(1))) {
            HttpResponse<String> refused = n.send(
                    "POST",
                    "/api/v1/auth/login",
                    "{\"email\":\"" + bob.email() + "\",\"password\":\"" + IdentityApiIT.PASSWORD + "\"}");
            assertThat(refused.statusCode()).as(refused.body()).isEqualTo(403);
        }
    }

    @Test
    void failedSignInsCountAcrossNodes() {
        IdentityApiIT.Account cara = Accounts.register(lb, unique("cara"));
        // five failures, alternating between the nodes (the limit per account and address is five)
        for (int i = 0; i < 5; i++) {
            HttpResponse<String> wrong = nodes.get(i % 2)
                    .send(
                            "POST",
                            "/api/v1/auth/login",
                            "{\"email\":\"" + cara.email() + "\",\"password\":\"not the password " + i + "\"}");
            assertThat(wrong.statusCode()).as(wrong.body()).isEqualTo(401);
        }
        for (Http n : List.of(nodes.get(0), nodes.get(1), lb)) {
            HttpResponse<String> locked = n.send(
                    "POST",
                    "/api/v1/auth/login",
                    "{\"email\":\"" + cara.email() + "\",\"password\":\"" + IdentityApiIT.PASSWORD + "\"}");
            assertThat(locked.statusCode()).as(locked.body()).isEqualTo(429);
        }
    }

    @Test
    void anEventStreamOnOneNodeGetsWhatAWriteOnTheOtherCaused() throws Exception {
        IdentityApiIT.Account dee = Accounts.register(lb, unique("dee"));
        IdentityApiIT.Account gus = Accounts.register(lb, unique("gus"));
        try (EventsIT.Stream guss = new EventsIT.Stream(nodes.get(0), gus.token(), null)) {
            // Dee invites Gus on node 1: Gus's stream on node 0 hears of it
            HttpResponse<String> invited = nodes.get(1)
                    .as(dee.token(), "POST", "/api/v1/partners/invitations", "{\"email\":\"" + gus.email() + "\"}");
            assertThat(invited.statusCode()).as(invited.body()).isIn(200, 201);
            EventsIT.Event e = guss.next("the invitation made on the other node");
            assertThat(e.name()).isEqualTo("notification");
            assertThat(e.data().get("invitationId"))
                    .isEqualTo(Http.json(invited).get("id"));
        }
    }

    @Test
    void aReminderFiresOnceThoughBothNodesScheduleIt() throws Exception {
        IdentityApiIT.Account eve = Accounts.register(lb, unique("eve"));
        RemindersIT.User user = new RemindersIT.User(eve.token(), eve.userId());
        assertThat(lb.as(eve.token(), "PATCH", "/api/v1/me", "{\"timezone\":\"UTC\"}")
                        .statusCode())
                .isEqualTo(200);
        String habit = RemindersIT.habit(lb, user, "Stretch", "private");
        Instant now = ServerTime.now(nodes.get(0));
        Instant eight = now.atZone(ZoneOffset.UTC).toLocalDate().atTime(8, 0).toInstant(ZoneOffset.UTC);
        if (!eight.isAfter(now)) {
            eight = eight.plus(Duration.ofDays(1));
        }
        RemindersIT.reminder(lb, user, habit, "{\"time\":\"08:00\"}");
        Instant after = eight.plusSeconds(20);
        for (Path home : homes) {
            RemindersIT.setClock(home, after);
        }
        for (Http node : nodes) {
            HttpResponse<String> r = node.awaitAs(
                    admin,
                    "/health",
                    x -> x.body().contains("simulated clock, started at " + after),
                    Duration.ofSeconds(30));
            assertThat(r.body()).contains("simulated clock, started at " + after);
        }
        List<Map<String, Object>> n =
                RemindersIT.awaitNotifications(lb, user, l -> RemindersIT.count(l, "reminder", habit) >= 1);
        assertThat(RemindersIT.count(n, "reminder", habit)).isEqualTo(1);
        Thread.sleep(2000); // the other node's duplicate would come within the scheduler's tick
        for (Http node : nodes) {
            assertThat(RemindersIT.count(RemindersIT.notifications(node, user), "reminder", habit))
                    .isEqualTo(1);
        }
    }

    /** Runs last (methods run by name; the others need both nodes). */
    @Test
    void zKillingANodeUnderLoadLosesNoAcknowledgedWriteAndTheOtherKeepsServing() throws Exception {
        IdentityApiIT.Account fay = Accounts.register(lb, unique("fay"));
        LocalDate day = ServerTime.today(nodes.get(0));
        HttpResponse<String> h = lb.as(
                fay.token(),
                "POST",
                "/api/v1/habits",
                "{\"name\":\"Water\",\"type\":\"count\",\"target\":1000000,\"schedule\":{\"kind\":\"daily\"},"
                        + "\"startDate\":\"" + day.minusDays(1) + "\"}");
        assertThat(h.statusCode()).as(h.body()).isEqualTo(201);
        String habit = Http.json(h).get("id").toString();
        String path = "/api/v1/habits/" + habit + "/checkins/" + day + "/increment";
        Path script = work.resolve("increment.lua");
        Files.writeString(
                script,
                String.join(
                        "\n",
                        "wrk.method = 'POST'",
                        "wrk.path = '" + path + "'",
                        "wrk.body = '{\"delta\":1}'",
                        "wrk.headers['Content-Type'] = 'application/json'",
                        "wrk.headers['Authorization'] = 'Bearer " + fay.token() + "'",
                        "local threads = {}",
                        "function setup(thread) table.insert(threads, thread) end",
                        "acked = 0",
                        "other = 0",
                        "function response(status, headers, body)",
                        "  if status == 200 or status == 201 then acked = acked + 1 else other = other + 1 end",
                        "end",
                        "function done(summary, latency, requests)",
                        "  local a, o = 0, 0",
                        "  for _, t in ipairs(threads) do a = a + t:get('acked'); o = o + t:get('other') end",
                        "  local e = summary.errors",
                        "  io.write(string.format('ledger acked=%d other=%d connect=%d read=%d write=%d timeout=%d\\n',",
                        "    a, o, e.connect, e.read, e.write, e.timeout))",
                        "end",
                        ""));
        Process wrk = new ProcessBuilder(
                        "wrk",
                        "-t2",
                        "-c8",
                        "-d12s",
                        "--timeout",
                        "5s",
                        "-s",
                        script.toString(),
                        "http://127.0.0.1:" + lb.port())
                .redirectErrorStream(true)
                .start();
        Thread.sleep(4000);
        Process victim = processes.get(0);
        victim.descendants().forEach(ProcessHandle::destroyForcibly);
        victim.destroyForcibly();
        assertThat(victim.waitFor(20, TimeUnit.SECONDS)).isTrue();
        String out = new String(wrk.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(wrk.waitFor(60, TimeUnit.SECONDS)).isTrue();
        Matcher m = Pattern.compile(
                        "ledger acked=(\\d+) other=(\\d+) connect=(\\d+) read=(\\d+) write=(\\d+) timeout=(\\d+)")
                .matcher(out);
        assertThat(m.find()).as(out).isTrue();
        long acked = Long.parseLong(m.group(1));
        long unanswered = Long.parseLong(m.group(2))
                + Long.parseLong(m.group(4))
                + Long.parseLong(m.group(5))
                + Long.parseLong(m.group(6));

        // the survivor serves, directly and through the balancer (which took the dead node out)
        assertThat(nodes.get(1).get("/health/ready").statusCode()).isEqualTo(200);
        for (int i = 0; i < 4; i++) {
            assertThat(lb.as(fay.token(), "GET", "/api/v1/me", null).statusCode())
                    .isEqualTo(200);
        }
        HttpResponse<String> r = nodes.get(1)
                .as(fay.token(), "GET", "/api/v1/habits/" + habit + "/checkins?from=" + day + "&to=" + day, null);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        long stored = 0;
        for (com.fasterxml.jackson.databind.JsonNode rec :
                new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.body())) {
            if (day.toString().equals(rec.path("date").asText())) {
                stored = rec.path("value").asLong();
            }
        }
        System.out.printf(
                "[haproxy] wrk: %d acknowledged, %d not (of which some may have been applied), stored %d%n%s%n",
                acked, unanswered, stored, out);
        assertThat(acked).as("the balancer kept acknowledging writes").isGreaterThan(100);
        assertThat(stored).as("every acknowledged increment is stored").isGreaterThanOrEqualTo(acked);
        // at most the unanswered ones on top: refused or cut off by the kill, or in flight on wrk's 8 connections
        // when its 12 s ended (wrk does not wait for them)
        assertThat(stored)
                .as("no increment was applied twice (HAProxy retries only connections never made)")
                .isLessThanOrEqualTo(acked + unanswered + 8);
    }
}
