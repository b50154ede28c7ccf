package io.steadfast.itest;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * The one clock, seen from outside: every node of the cluster runs on the clock it was given — the system clock,
 * or a simulated one that starts at {@code STEADFAST_CLOCK_START} and ticks at the normal rate — says so in
 * {@code /health}, and stamps it on every response and every stored timestamp.
 */
class ClockIT {

    @Test
    void everyNodeRunsOnTheClockItWasGiven() {
        Cluster cluster = Cluster.get();
        String admin = Accounts.adminOf(cluster.node(0)).token();
        for (int i = 0; i < cluster.size(); i++) {
            Http node = cluster.node(i);
            Map<?, ?> clock = (Map<?, ?>) ((Map<?, ?>)
                            Http.json(node.as(admin, "GET", "/health", null)).get("services"))
                    .get("clock");
            assertThat(clock).as("the health document has a clock part").isNotNull();
            assertThat(clock.get("status")).isEqualTo("healthy");
            Instant now = ServerTime.now(node);
            if (ServerTime.simulatedStart().isPresent()) {
                Instant start = ServerTime.simulatedStart().get();
                assertThat(clock.get("message")).isEqualTo("simulated clock, started at " + start);
                // started at boot, ticking at the normal rate since: within the life of this test JVM
                assertThat(now).isBetween(start.minusSeconds(1), start.plus(Duration.ofMinutes(30)));
            } else {
                assertThat(clock.get("message")).isEqualTo("system clock");
            }
        }
    }

    @Test
    void storedTimestampsComeFromTheServersClock() {
        Http a = Cluster.get().node(0);
        Instant before = ServerTime.now(a);
        HttpResponse<String> reg = a.send(
                "POST",
                "/api/v1/auth/register",
                "{\"email\":\"clock-" + java.util.UUID.randomUUID() + "@example.org\",\"password\":\""
                        + IdentityApiIT.PASSWORD + "\"}");
        assertThat(reg.statusCode()).as(reg.body()).isEqualTo(201);
        Map<String, Object> body = Http.json(reg);
        Instant after = ServerTime.now(a).plusSeconds(1);
        Instant created =
                Instant.parse(((Map<?, ?>) body.get("user")).get("createdAt").toString());
        assertThat(created).as("createdAt is the server's time").isBetween(before, after);
        assertThat(Instant.parse(body.get("expiresAt").toString()))
                .as("the session expires 30 days after the server's now")
                .isBetween(before.plus(Duration.ofDays(30)), after.plus(Duration.ofDays(30)));
    }
}
