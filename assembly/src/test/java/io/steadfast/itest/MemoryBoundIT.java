package io.steadfast.itest;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.steadfast.testsupport.TestPostgres;
import io.steadfast.testsupport.TestRedis;

/**
 * The load that once took a node from 0.7 to 6.9 GB — 24 parallel year-long calendars of a user with hundreds of
 * habits, each answer hundreds of megabytes — now keeps the node's resident memory below a bound: an answer holds
 * at most 20,000 habit-days, the habits a user may have are limited, and the JVM's heap, metaspace and code cache
 * are bounded by bin/setenv. The node's RSS is read from /proc while the load runs.
 */
class MemoryBoundIT {

    /** The bound: what bin/setenv sizes a node for (a 1 GB host). */
    static final long MAX_RSS_BYTES = 1024L * 1024 * 1024;

    private Process karaf;
    private TestRedis.Private redis;

    @AfterEach
    void stop() {
        Cluster.stopAll(Collections.singletonList(karaf));
        if (redis != null) {
            redis.stop();
        }
    }

    @Test
    void manyParallelYearLongCalendarsKeepTheNodeWithinItsMemory() throws Exception {
        redis = TestRedis.startPrivate();
        int port = Distribution.freePort();
        Path home = Cluster.copy("memory");
        karaf = Cluster.start(home, port, TestPostgres.freshSchemaUrl(), redis.url());
        Http http = new Http(port);
        http.awaitApi();
        long pid = javaPid(karaf);
        String token = Accounts.register(http, "memory-" + UUID.randomUUID() + "@example.org")
                .token();
        LocalDate today = ServerTime.today(http, ZoneOffset.UTC);
        int habits = 300;
        ExecutorService pool = Executors.newFixedThreadPool(24);
        try {
            List<Future<Integer>> made = new ArrayList<>();
            for (int i = 0; i < habits; i++) {
                int n = i;
                made.add(pool.submit(() -> http.as(
                                token,
                                "POST",
                                "/api/v1/habits",
                                "{\"name\":\"Habit " + n + "\",\"type\":\"count\",\"target\":3,\"schedule\":{\"kind\":"
                                        + "\"daily\"},\"startDate\":\"" + today.minusDays(400) + "\"}")
                        .statusCode()));
            }
            for (Future<Integer> f : made) {
                assertThat(f.get()).isEqualTo(201);
            }
            long before = rss(pid);
            AtomicLong peak = new AtomicLong(before);
            AtomicLong largest = new AtomicLong();
            AtomicBoolean loading = new AtomicBoolean(true);
            Thread sampler = new Thread(() -> {
                while (loading.get()) {
                    try {
                        peak.accumulateAndGet(rss(pid), Math::max);
                        Thread.sleep(100);
                    } catch (Exception e) {
                        return;
                    }
                }
            });
            sampler.start();
            long t0 = System.nanoTime();
            List<Future<Integer>> calendars = new ArrayList<>();
            for (int i = 0; i < 24 * 5; i++) {
                calendars.add(pool.submit(() -> {
                    HttpResponse<String> r = http.as(
                            token,
                            "GET",
                            "/api/v1/calendar?from=" + today.minusDays(365) + "&to=" + today + "&limit=1000",
                            null);
                    largest.accumulateAndGet(r.body().length(), Math::max);
                    return r.statusCode();
                }));
            }
            for (Future<Integer> f : calendars) {
                assertThat(f.get()).isEqualTo(200);
            }
            loading.set(false);
            sampler.join();
            String figures = String.format(
                    "RSS %d MB before, %d MB at most during 120 year-long calendars, 24 at a time, of %d habits"
                            + " (%.1f s; the largest answer %d KB)",
                    before >> 20, peak.get() >> 20, habits, (System.nanoTime() - t0) / 1e9, largest.get() >> 10);
            System.out.println(figures);
            Files.writeString(Path.of("target/memory-bound.txt"), figures + "\n");
            assertThat(largest.get()).as("an answer is bounded").isLessThan(5L * 1024 * 1024);
            assertThat(peak.get()).as(figures).isLessThan(MAX_RSS_BYTES);
        } finally {
            pool.shutdownNow();
        }
    }

    /** The node's JVM: the java process under bin/karaf. */
    static long javaPid(Process karaf) {
        return karaf.descendants()
                .filter(h -> h.info().command().orElse("").endsWith("java"))
                .mapToLong(ProcessHandle::pid)
                .findFirst()
                .orElse(karaf.pid());
    }

    /** Resident memory of a process, from /proc/<pid>/status. */
    static long rss(long pid) throws java.io.IOException {
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) * 1024;
            }
        }
        return 0;
    }
}
