package io.steadfast.plugins.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.steadfast.api.reminder.spi.ReminderChannel.ConfigProblem;
import io.steadfast.api.reminder.spi.ReminderChannel.Message;
import io.steadfast.api.reminder.spi.ReminderChannel.Outcome;
import io.steadfast.api.reminder.spi.ReminderChannel.Result;
import io.steadfast.outbound.OutboundHttp;
import io.steadfast.outbound.OutboundSettings;

/** The channel against a loopback {@link HttpServer}; only loopback traffic, no DNS. */
class WebhookChannelTest {

    private static final Instant NOW = Instant.ofEpochSecond(1_700_000_000L);
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final String SECRET = "whsec_0123456789abcdefghijklmnop";
    private static final OutboundSettings OPEN =
            new OutboundSettings(true, Duration.ofSeconds(5), Duration.ofSeconds(5));

    private HttpServer server;
    private final ConcurrentLinkedQueue<Received> received = new ConcurrentLinkedQueue<>();
    private final CountDownLatch release = new CountDownLatch(1);
    private final ObjectMapper json = new ObjectMapper();

    record Received(String path, Headers headers, byte[] body) {}

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/ok", ex -> answer(ex, 204, Map.of(), ""));
        server.createContext("/busy", ex -> answer(ex, 503, Map.of("Retry-After", "30"), "try later"));
        server.createContext("/broken", ex -> answer(ex, 500, Map.of(), ""));
        server.createContext("/moved", ex -> answer(ex, 301, Map.of("Location", "https://elsewhere.example/"), ""));
        server.createContext("/hang", ex -> {
            received.add(new Received(
                    "/hang", ex.getRequestHeaders(), ex.getRequestBody().readAllBytes()));
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            ex.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        release.countDown();
        server.stop(0);
    }

    private void answer(HttpExchange ex, int status, Map<String, String> headers, String body) throws IOException {
        received.add(new Received(
                ex.getRequestURI().getPath(),
                ex.getRequestHeaders(),
                ex.getRequestBody().readAllBytes()));
        headers.forEach((k, v) -> ex.getResponseHeaders().add(k, v));
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = ex.getResponseBody()) {
                out.write(bytes);
            }
        }
        ex.close();
    }

    private String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    private static WebhookChannel channel(OutboundSettings settings) {
        return new WebhookChannel(OutboundHttp.create(settings), CLOCK);
    }

    private static Map<String, Object> config(String url) {
        Map<String, Object> c = new HashMap<>();
        c.put("url", url);
        c.put("secret", SECRET);
        return c;
    }

    private static Message message(String type) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("habitId", "6a1f2f4e-9b1a-4a6b-8f55-1d1b2c3d4e5f");
        data.put("streak", 12);
        data.put("title", "an event field of the same name");
        return new Message(
                UUID.fromString("0b6d8f5e-2c1a-4c1e-9a51-7d2f0c3e4b5a"),
                type,
                UUID.randomUUID(),
                UUID.randomUUID(),
                "Time to read",
                "Read 20 pages <b>today</b>",
                "https://habits.example.org/habits/6a1f",
                "https://habits.example.org/unsubscribe/abc",
                Instant.parse("2023-11-14T22:00:00Z"),
                data);
    }

    @Test
    void describesItself() {
        WebhookChannel c = channel(OutboundSettings.DEFAULT);
        assertThat(c.key()).isEqualTo("webhook");
        assertThat(c.name()).isEqualTo("Webhook");
        assertThat(c.configSchema())
                .extracting(f -> f.name() + ":" + f.type() + ":" + f.required() + ":" + f.secret())
                .containsExactly("url:URL:true:false", "secret:STRING:false:true", "events:STRING_LIST:false:false");
    }

    @Test
    void postsSignedJson() throws Exception {
        Result result = channel(OPEN).deliver(message(Message.REMINDER_DUE), config(url("/ok")));

        assertThat(result.outcome()).isEqualTo(Outcome.DELIVERED);
        assertThat(result.detail()).isEqualTo("HTTP 204");
        Received r = received.remove();
        assertThat(r.headers().getFirst("Content-Type")).isEqualTo("application/json");
        assertThat(r.headers().getFirst("User-Agent")).isEqualTo("Steadfast-Webhook/1");
        assertThat(r.headers().getFirst("X-Steadfast-Event")).isEqualTo("reminder.due");
        assertThat(r.headers().getFirst("X-Steadfast-Delivery")).isEqualTo("0b6d8f5e-2c1a-4c1e-9a51-7d2f0c3e4b5a");
        assertThat(r.headers().getFirst("X-Steadfast-Timestamp")).isEqualTo("1700000000");
        // verified the way a receiver would: HMAC of "<timestamp>.<raw body>" with the shared secret
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        mac.update("1700000000.".getBytes(StandardCharsets.UTF_8));
        String expected = "sha256=" + java.util.HexFormat.of().formatHex(mac.doFinal(r.body()));
        assertThat(r.headers().getFirst("X-Steadfast-Signature")).isEqualTo(expected);

        Map<String, Object> body = json.readValue(r.body(), new TypeReference<>() {});
        assertThat(body).containsOnlyKeys("id", "type", "createdAt", "data");
        assertThat(body.get("id")).isEqualTo("0b6d8f5e-2c1a-4c1e-9a51-7d2f0c3e4b5a");
        assertThat(body.get("type")).isEqualTo("reminder.due");
        assertThat(body.get("createdAt")).isEqualTo("2023-11-14T22:00:00Z");
        @SuppressWarnings("unchecked")
        Map<String, Object> data = (Map<String, Object>) body.get("data");
        assertThat(data)
                .containsEntry("title", "Time to read")
                .containsEntry("body", "Read 20 pages <b>today</b>")
                .containsEntry("link", "https://habits.example.org/habits/6a1f")
                .containsEntry("habitId", "6a1f2f4e-9b1a-4a6b-8f55-1d1b2c3d4e5f")
                .containsEntry("streak", 12);
    }

    @Test
    void leavesOutAMissingLink() throws Exception {
        Message m = new Message(
                UUID.randomUUID(), Message.CHANNEL_TEST, null, null, "Test", "It works", null, null, null, null);
        assertThat(channel(OPEN).deliver(m, config(url("/ok"))).outcome()).isEqualTo(Outcome.DELIVERED);
        Map<String, Object> body = json.readValue(received.remove().body(), new TypeReference<>() {});
        assertThat(body.get("createdAt")).isEqualTo(NOW.toString());
        assertThat(body.get("data")).isEqualTo(Map.of("title", "Test", "body", "It works"));
    }

    @Test
    void sendsTheSameDeliveryIdOnEveryAttempt() {
        WebhookChannel c = channel(OPEN);
        Message m = message(Message.STREAK_AT_RISK);
        c.deliver(m, config(url("/broken")));
        c.deliver(m, config(url("/ok")));
        assertThat(received)
                .extracting(r -> r.headers().getFirst("X-Steadfast-Delivery"))
                .containsExactly(m.id().toString(), m.id().toString());
    }

    @Test
    void retriesWhatTheReceiverDidNotTake() {
        WebhookChannel c = channel(OPEN);
        Result busy = c.deliver(message(Message.REMINDER_DUE), config(url("/busy")));
        assertThat(busy.outcome()).isEqualTo(Outcome.RETRY);
        assertThat(busy.retryAfter()).isEqualTo(Duration.ofSeconds(30));
        assertThat(busy.detail()).isEqualTo("the receiver answered HTTP 503: try later");

        Result broken = c.deliver(message(Message.REMINDER_DUE), config(url("/broken")));
        assertThat(broken.outcome()).isEqualTo(Outcome.RETRY);
        assertThat(broken.retryAfter()).isNull();

        Result moved = c.deliver(message(Message.REMINDER_DUE), config(url("/moved")));
        assertThat(moved.outcome()).isEqualTo(Outcome.RETRY);
        assertThat(moved.detail()).contains("301").contains("redirects are not followed");
        assertThat(received).extracting(Received::path).containsExactly("/busy", "/broken", "/moved");
    }

    @Test
    void retriesARefusedConnection() throws Exception {
        int closed;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = s.getLocalPort();
        }
        Result r = channel(OPEN).deliver(message(Message.REMINDER_DUE), config("http://127.0.0.1:" + closed + "/"));
        assertThat(r.outcome()).isEqualTo(Outcome.RETRY);
        assertThat(r.detail()).isEqualTo("the connection was refused");
    }

    @Test
    void retriesATimeout() {
        OutboundSettings quick = new OutboundSettings(true, Duration.ofSeconds(2), Duration.ofMillis(300));
        Result r = channel(quick).deliver(message(Message.REMINDER_DUE), config(url("/hang")));
        assertThat(r.outcome()).isEqualTo(Outcome.RETRY);
        assertThat(r.detail()).isEqualTo("the receiver did not answer in time");
    }

    @Test
    void failsAUrlThatNowReachesARefusedAddress() {
        Result r = channel(OutboundSettings.DEFAULT).deliver(message(Message.REMINDER_DUE), config(url("/ok")));
        assertThat(r.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(r.detail())
                .isEqualTo(
                        "The URL's host is a loopback address (127.0.0.1); only public internet addresses may be called");
        assertThat(received).isEmpty();
    }

    @Test
    void neverPutsTheSecretInAResult() {
        WebhookChannel c = channel(OPEN);
        for (String path : List.of("/ok", "/busy", "/moved")) {
            assertThat(c.deliver(message(Message.REMINDER_DUE), config(url(path)))
                            .detail())
                    .doesNotContain(SECRET);
        }
        Map<String, Object> noUrl = new HashMap<>(config(url("/ok")));
        noUrl.remove("url");
        assertThat(c.deliver(message(Message.REMINDER_DUE), noUrl).outcome()).isEqualTo(Outcome.FAILED);
    }

    @Test
    void validatesTheUrl() {
        WebhookChannel guarded = channel(OutboundSettings.DEFAULT);
        assertThat(guarded.validate(Map.of())).containsExactly(new ConfigProblem("url", "is required"));
        assertThat(guarded.validate(Map.of("url", "ftp://files.example.com/")))
                .containsExactly(new ConfigProblem("url", "must be an http:// or https:// URL"));
        assertThat(guarded.validate(Map.of("url", "http://10.1.2.3/hook")))
                .containsExactly(new ConfigProblem(
                        "url", "is a private address (10.1.2.3); only public internet addresses may be called"));
        assertThat(guarded.validate(Map.of("url", "http://localhost:8181/")))
                .singleElement()
                .satisfies(p -> assertThat(p.message()).startsWith("resolves to a loopback address"));
        assertThat(guarded.validate(Map.of("url", "https://93.184.216.34/hook")))
                .isEmpty();
        assertThat(channel(OPEN).validate(Map.of("url", url("/ok")))).isEmpty();
    }

    @Test
    void validatesTheSecret() {
        WebhookChannel c = channel(OPEN);
        assertThat(c.validate(Map.of("url", url("/ok"), "secret", "short")))
                .extracting(ConfigProblem::field)
                .containsExactly("secret");
        assertThat(c.validate(Map.of("url", url("/ok"), "secret", " " + SECRET)))
                .containsExactly(new ConfigProblem("secret", "must not start or end with spaces"));
        assertThat(c.validate(Map.of("url", url("/ok"), "secret", 42)))
                .containsExactly(new ConfigProblem("secret", "must be a string"));
        assertThat(c.validate(Map.of("url", url("/ok"), "secret", SECRET))).isEmpty();
    }

    @Test
    void validatesTheEvents() {
        WebhookChannel c = channel(OPEN);
        List<ConfigProblem> problems =
                c.validate(Map.of("url", url("/ok"), "events", List.of("reminder.due", "habit.deleted", "day.ended")));
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.field()).isEqualTo("events[1]");
            assertThat(p.message())
                    .startsWith("is not an event type; known: account.security_alert, achievement.earned, ");
        });
        assertThat(c.validate(Map.of("url", url("/ok"), "events", List.of())))
                .extracting(ConfigProblem::field)
                .containsExactly("events");
        assertThat(c.validate(Map.of("url", url("/ok"), "events", "reminder.due")))
                .containsExactly(new ConfigProblem("events", "must be a list of event types"));
        assertThat(c.validate(Map.of("url", url("/ok"), "events", List.copyOf(Message.ALL))))
                .isEmpty();
    }

    @Test
    void answersTheSubscribedEvents() {
        WebhookChannel c = channel(OPEN);
        assertThat(c.events(Map.of("url", url("/ok")))).isNull();
        assertThat(c.events(Map.of("url", url("/ok"), "events", List.of("checkin.changed", "day.ended"))))
                .isEqualTo(Set.of("checkin.changed", "day.ended"));
    }

    @Test
    void makesASecretWhenThereIsNone() {
        WebhookChannel c = channel(OPEN);
        Map<String, Object> completed = c.complete(Map.of("url", url("/ok")));
        assertThat(completed).containsEntry("url", url("/ok"));
        String secret = (String) completed.get("secret");
        assertThat(secret).startsWith("whsec_").hasSize("whsec_".length() + 43);
        assertThat(secret.substring(6)).matches("[A-Za-z0-9_-]+");
        assertThat(c.complete(Map.of("url", url("/ok"))).get("secret")).isNotEqualTo(secret);
        assertThat(c.validate(completed)).isEmpty();

        Map<String, Object> own = config(url("/ok"));
        assertThat(c.complete(own)).isEqualTo(own);
    }
}
