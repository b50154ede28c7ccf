package io.steadfast.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/**
 * Redis configured at a closed port: health answers 503 naming the cache, while requests are still served
 * (the node is ready: the database is fine).
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class RedisDownIT {

    @Configuration
    public Option[] config() {
        return Distribution.options(editConfigurationFilePut(
                "etc/io.steadfast.redis.cfg", "url", "redis://127.0.0.1:" + Distribution.freePort()));
    }

    @Test
    public void healthIs503WithTheCacheUnhealthyWhileRequestsAreServed() {
        Http http = new Http(Distribution.port());
        assertEquals(
                200,
                http.await("/health/ready", r -> r.statusCode() == 200, Duration.ofSeconds(120))
                        .statusCode());
        // the first account of this server is its admin, who sees the parts of /health
        String admin = Accounts.register(http, "redis-down-admin-" + System.nanoTime() + "@example.org")
                .token();
        HttpResponse<String> anyone = http.get("/health");
        assertEquals(503, anyone.statusCode());
        assertTrue(
                anyone.body(),
                anyone.body().contains("\"unhealthy\":1") && !anyone.body().contains("redis"));
        HttpResponse<String> health = http.awaitAs(
                admin,
                "/health",
                r -> r.statusCode() == 503
                        && r.body().contains("redis")
                        && r.body().contains("\"database\":{\"status\":\"healthy\""),
                Duration.ofSeconds(60));
        assertEquals(health.body(), 503, health.statusCode());
        Map<?, ?> services = (Map<?, ?>) Http.json(health).get("services");
        Map<?, ?> cache = (Map<?, ?>) services.get("cache");
        assertEquals("unhealthy", cache.get("status"));
        assertTrue(
                cache.get("message").toString(), cache.get("message").toString().contains("unreachable"));
        assertEquals("healthy", ((Map<?, ?>) services.get("database")).get("status"));
        assertEquals(200, http.get("/health/ready").statusCode());
        assertEquals(200, http.get("/health/live").statusCode());
        long t0 = System.nanoTime();
        HttpResponse<String> ordinary = http.get("/api/openapi.json");
        assertEquals(200, ordinary.statusCode());
        assertTrue(Duration.ofNanos(System.nanoTime() - t0).toMillis() < 5000);
    }
}
