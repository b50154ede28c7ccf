package io.steadfast.itest;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.steadfast.testsupport.TestPostgres;
import io.steadfast.testsupport.TestRedis;

/**
 * The general rate limit, on a node of its own with small limits (STEADFAST_RATE_LIMIT_PER_USER=5/0.2,
 * STEADFAST_RATE_LIMIT_PER_ADDRESS=4/0.1) and the buckets in Redis: every answer says where the caller stands in
 * RateLimit-* headers, one request past the burst is a 429 problem with Retry-After, each user has a bucket of
 * their own, requests without a token share their address's, and the buckets refill on the platform's clock (moved
 * forward here, not waited for).
 */
class RateLimitIT {

    private Process karaf;
    private TestRedis.Private redis;

    @AfterEach
    void stop() {
        Cluster.stopAll(java.util.Collections.singletonList(karaf));
        if (redis != null) {
            redis.stop();
        }
    }

    @Test
    void aBurstThenTheSteadyRatePerUserAndPerAddressRefilledOnTheClock() throws Exception {
        redis = TestRedis.startPrivate();
        int port = Distribution.freePort();
        Path home = Cluster.copy("rate-limit");
        Instant start = Instant.now().plus(Duration.ofDays(3)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        Files.writeString(home.resolve("etc/io.steadfast.clock.cfg"), "start = " + start + "\n");
        karaf = Cluster.start(
                home,
                port,
                TestPostgres.freshSchemaUrl(),
                redis.url(),
                Map.of(
                        "STEADFAST_CLOCK_START", "",
                        "STEADFAST_RATE_LIMIT_PER_USER", "5/0.2",
                        "STEADFAST_RATE_LIMIT_PER_ADDRESS", "4/0.1"));
        Http http = new Http(port);
        http.awaitApi();

        String ann = Accounts.register(http, "rate-ann-" + UUID.randomUUID() + "@example.org")
                .token();
        for (int left = 4; left >= 0; left--) {
            HttpResponse<String> ok = http.as(ann, "GET", "/api/v1/habits", null);
            assertThat(ok.statusCode()).as(ok.body()).isEqualTo(200);
            assertThat(ok.headers().firstValue("RateLimit-Limit")).hasValue("5");
            assertThat(ok.headers().firstValue("RateLimit-Remaining")).hasValue(Integer.toString(left));
            assertThat(ok.headers().firstValue("RateLimit-Policy")).hasValue("5;w=25");
        }
        HttpResponse<String> refused = http.as(ann, "GET", "/api/v1/habits", null);
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(refused.headers().firstValue("Retry-After").map(Integer::parseInt))
                .as("a token every 5 s")
                .hasValueSatisfying(s -> assertThat(s).isBetween(1, 5));
        assertThat(refused.headers().firstValue("RateLimit-Remaining")).hasValue("0");
        assertThat(Http.json(refused))
                .containsEntry("type", "urn:steadfast:problem:too-many-requests")
                .containsEntry("status", 429);
        assertThat(refused.body()).contains("try again in").doesNotContain("Exception");
        assertThat(http.as(ann, "POST", "/api/v1/habits", "{\"name\":\"x\",\"type\":\"boolean\"}")
                        .statusCode())
                .as("writes take from the same bucket")
                .isEqualTo(429);

        String bob = Accounts.register(http, "rate-bob-" + UUID.randomUUID() + "@example.org")
                .token();
        HttpResponse<String> other = http.as(bob, "GET", "/api/v1/habits", null);
        assertThat(other.statusCode()).as("each user has a bucket of their own").isEqualTo(200);
        assertThat(other.headers().firstValue("RateLimit-Remaining")).hasValue("4");

        // the registrations and awaitApi's look at the OpenAPI document took three of the address's four; requests
        // without a token take the rest
        int anonymous = 0;
        HttpResponse<String> last = null;
        for (int i = 0; i < 10; i++) {
            last = http.get("/api/openapi.json");
            if (last.statusCode() == 429) {
                break;
            }
            assertThat(last.statusCode()).isEqualTo(200);
            assertThat(last.headers().firstValue("RateLimit-Limit")).hasValue("4");
            anonymous++;
        }
        assertThat(anonymous).as("what was left of the address's burst").isBetween(0, 3);
        assertThat(last.statusCode()).isEqualTo(429);
        assertThat(last.headers().firstValue("Retry-After").map(Integer::parseInt))
                .as("a token every 10 s")
                .hasValueSatisfying(s -> assertThat(s).isBetween(1, 10));

        // a minute later on the server's clock, both buckets are full again
        Instant later = ServerTime.now(http).plusSeconds(60);
        Files.writeString(home.resolve("etc/io.steadfast.clock.cfg"), "start = " + later + "\n");
        HttpResponse<String> again =
                http.awaitAs(ann, "/api/v1/habits", r -> r.statusCode() == 200, Duration.ofSeconds(30));
        assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
        assertThat(Integer.parseInt(
                        again.headers().firstValue("RateLimit-Remaining").orElseThrow()))
                .isEqualTo(4);
        assertThat(http.get("/api/openapi.json").statusCode()).isEqualTo(200);
    }
}
