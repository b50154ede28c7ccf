package io.steadfast.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.net.http.HttpResponse;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import javax.inject.Inject;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;

/**
 * Plugins come and go under load and cost nothing else: while clients make increments on a count habit (each with
 * its idempotency key, every acknowledged one in a ledger) and read their day and habits, the measurement habit
 * type's bundle and the webhook channel's bundle are stopped and started again, five times each. No request on
 * the other habits may fail, the count habit's value is exactly the ledger's, and the measurement habit is back to
 * normal at the end (docs/reliability.md).
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class PluginChaosIT {

    private static final String[] PLUGINS = {"io.steadfast.plugins.measurement", "io.steadfast.plugins.webhook"};

    @Inject
    private BundleContext context;

    @Configuration
    public Option[] config() {
        // the test's webhook receiver is on loopback
        return Distribution.options(org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut(
                "etc/io.steadfast.outbound.cfg", "allowPrivate", "true"));
    }

    @Test
    public void pluginsStoppedAndStartedUnderLoadCostTheOtherHabitsNothing() throws Exception {
        Http http = new Http(Distribution.port());
        http.awaitApi();
        HttpResponse<String> reg = http.send(
                "POST",
                "/api/v1/auth/register",
                "{\"email\":\"plugin-chaos-" + UUID.randomUUID()
                        + "@example.org\",\"password\":\"correct horse battery staple\"}");
        assertEquals(reg.body(), 201, reg.statusCode());
        String token = Http.json(reg).get("token").toString();
        String today = ServerTime.today(http, ZoneOffset.UTC).toString();
        String water = Http.json(http.as(
                        token,
                        "POST",
                        "/api/v1/habits",
                        "{\"name\":\"Water\",\"type\":\"count\",\"target\":100000,\"schedule\":{\"kind\":\"daily\"}}"))
                .get("id")
                .toString();
        String weight = Http.json(
                        http.as(
                                token,
                                "POST",
                                "/api/v1/habits",
                                "{\"name\":\"Weight\",\"type\":\"measurement\",\"unit\":\"kg\",\"schedule\":{\"kind\":\"daily\"}}"))
                .get("id")
                .toString();

        Receiver receiver = new Receiver();
        http.awaitAs(
                token,
                "/api/v1/channel-types",
                r -> r.body().contains("\"webhook\""),
                java.time.Duration.ofSeconds(20));
        HttpResponse<String> hook = http.as(
                token,
                "POST",
                "/api/v1/me/channels",
                "{\"type\":\"webhook\",\"name\":\"Hook\",\"config\":{\"url\":\"" + receiver.url("/hook") + "\"}}");
        assertEquals(hook.body(), 201, hook.statusCode());
        String channel = Http.json(hook).get("id").toString();
        List<String> queued = new ArrayList<>();

        AtomicBoolean running = new AtomicBoolean(true);
        AtomicInteger ledger = new AtomicInteger();
        Map<String, AtomicInteger> answers = new ConcurrentHashMap<>();
        List<String> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        List<Thread> clients = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Thread t = new Thread(() -> {
                while (running.get()) {
                    String key = UUID.randomUUID().toString();
                    HttpResponse<String> r = http.as(
                            token,
                            "POST",
                            "/api/v1/habits/" + water + "/checkins/" + today + "/increment",
                            "{\"delta\":1}",
                            "Idempotency-Key",
                            key);
                    answers.computeIfAbsent("increment " + r.statusCode(), k -> new AtomicInteger())
                            .incrementAndGet();
                    if (r.statusCode() == 200) {
                        ledger.incrementAndGet();
                    } else {
                        failures.add("increment: " + r.statusCode() + " " + r.body());
                    }
                }
            });
            t.setDaemon(true);
            clients.add(t);
        }
        Thread reader = new Thread(() -> {
            while (running.get()) {
                for (String path : new String[] {"/api/v1/today", "/api/v1/habits", "/api/v1/habit-types"}) {
                    HttpResponse<String> r = http.as(token, "GET", path, null);
                    answers.computeIfAbsent("GET " + path + " " + r.statusCode(), k -> new AtomicInteger())
                            .incrementAndGet();
                    if (r.statusCode() != 200) {
                        failures.add("GET " + path + ": " + r.statusCode() + " " + r.body());
                    }
                }
            }
        });
        reader.setDaemon(true);
        clients.add(reader);
        clients.forEach(Thread::start);

        Thread.sleep(1000);
        for (int round = 0; round < 5; round++) {
            for (String bsn : PLUGINS) {
                bundle(bsn).stop();
                Thread.sleep(400);
            }
            // a message for the webhook channel while its type is away: it waits, and goes out when it is back
            HttpResponse<String> t = http.as(token, "POST", "/api/v1/me/channels/" + channel + "/test", null);
            assertEquals(t.body(), 202, t.statusCode());
            queued.add(Http.json(t).get("deliveryId").toString());
            for (String bsn : PLUGINS) {
                bundle(bsn).start();
                Thread.sleep(400);
            }
        }
        Thread.sleep(1000);
        running.set(false);
        for (Thread t : clients) {
            t.join(30_000);
        }
        System.out.println("answers while plugins came and went: " + new TreeMap<>(Map.copyOf(answers)));

        assertTrue(
                "failed requests on the other habits: " + failures.subList(0, Math.min(5, failures.size())),
                failures.isEmpty());
        HttpResponse<String> day =
                http.as(token, "GET", "/api/v1/habits/" + water + "/checkins?from=" + today + "&to=" + today, null);
        int stored = -1;
        for (com.fasterxml.jackson.databind.JsonNode rec :
                new com.fasterxml.jackson.databind.ObjectMapper().readTree(day.body())) {
            if (today.equals(rec.path("date").asText())) {
                stored = rec.path("value").asInt();
            }
        }
        assertEquals("each acknowledged increment once: " + day.body(), ledger.get(), stored);
        assertTrue("increments made", ledger.get() > 0);
        HttpResponse<String> back = http.awaitAs(
                token,
                "/api/v1/habits/" + weight,
                r -> r.body().contains("\"available\":true"),
                java.time.Duration.ofSeconds(10));
        assertTrue(back.body(), back.body().contains("\"available\":true"));
        assertEquals(
                200,
                http.as(token, "PUT", "/api/v1/habits/" + weight + "/checkins/" + today, "{\"value\":72.5}")
                        .statusCode());
        for (String delivery : queued) {
            HttpResponse<String> d = http.awaitAs(
                    token,
                    "/api/v1/me/deliveries/" + delivery,
                    x -> x.body().contains("\"status\":\"sent\""),
                    java.time.Duration.ofSeconds(30));
            assertTrue(
                    "queued while the channel's type was away, sent when it was back: " + d.body(),
                    d.body().contains("\"status\":\"sent\""));
        }
        int received = 0;
        while (receiver.requests.poll(2, java.util.concurrent.TimeUnit.SECONDS) != null) {
            received++;
        }
        assertEquals("each queued message delivered once", queued.size(), received);
        receiver.close();
    }

    private Bundle bundle(String bsn) {
        for (Bundle b : context.getBundles()) {
            if (bsn.equals(b.getSymbolicName())) {
                return b;
            }
        }
        assertNotNull("installed: " + bsn, null);
        return null;
    }
}
