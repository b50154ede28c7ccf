package io.steadfast.plugins.ntfy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpServer;
import io.steadfast.api.reminder.spi.ReminderChannel.ConfigProblem;
import io.steadfast.api.reminder.spi.ReminderChannel.Message;
import io.steadfast.api.reminder.spi.ReminderChannel.Outcome;
import io.steadfast.api.reminder.spi.ReminderChannel.Result;
import io.steadfast.outbound.OutboundHttp;
import io.steadfast.outbound.OutboundSettings;

/** The channel against a loopback stand-in for an ntfy server: a topic path answers the status it is named after. */
class NtfyChannelTest {

    private static final Clock CLOCK = Clock.fixed(Instant.ofEpochSecond(1_700_000_000L), ZoneOffset.UTC);
    private static final OutboundSettings OPEN =
            new OutboundSettings(true, Duration.ofSeconds(5), Duration.ofSeconds(5));

    private HttpServer server;
    private final ConcurrentLinkedQueue<Received> received = new ConcurrentLinkedQueue<>();

    record Received(String path, Headers headers, String body) {}

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        // /<status>/<topic>: answers <status>, like ntfy would for that case
        server.createContext("/", ex -> {
            String path = ex.getRequestURI().getPath();
            received.add(new Received(
                    path,
                    ex.getRequestHeaders(),
                    new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
            int status = Integer.parseInt(path.split("/")[1]);
            if (status == 429) {
                ex.getResponseHeaders().add("Retry-After", "60");
            }
            ex.sendResponseHeaders(status, -1);
            ex.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private String topic(int status) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/" + status + "/habits-4f7a";
    }

    private static NtfyChannel channel(OutboundSettings settings) {
        return new NtfyChannel(OutboundHttp.create(settings), CLOCK);
    }

    private static Message message(String type, String title, String link) {
        return new Message(
                UUID.fromString("0b6d8f5e-2c1a-4c1e-9a51-7d2f0c3e4b5a"),
                type,
                UUID.randomUUID(),
                UUID.randomUUID(),
                title,
                "Read 20 pages today",
                link,
                null,
                Instant.parse("2023-11-14T22:00:00Z"),
                Map.of());
    }

    @Test
    void publishesTheMessageWithItsHeaders() {
        Result r = channel(OPEN)
                .deliver(
                        message(Message.REMINDER_DUE, "Time to read", "https://habits.example.org/habits/6a1f"),
                        Map.of("url", topic(200), "token", "tk_secret", "priority", 4));

        assertThat(r.outcome()).isEqualTo(Outcome.DELIVERED);
        Received got = received.remove();
        assertThat(got.path()).isEqualTo("/200/habits-4f7a");
        assertThat(got.body()).isEqualTo("Read 20 pages today");
        assertThat(got.headers().getFirst("Title")).isEqualTo("Time to read");
        assertThat(got.headers().getFirst("Priority")).isEqualTo("4");
        assertThat(got.headers().getFirst("Tags")).isEqualTo("alarm_clock");
        assertThat(got.headers().getFirst("Click")).isEqualTo("https://habits.example.org/habits/6a1f");
        assertThat(got.headers().getFirst("Authorization")).isEqualTo("Bearer tk_secret");
        assertThat(got.headers().getFirst("X-Steadfast-Delivery")).isEqualTo("0b6d8f5e-2c1a-4c1e-9a51-7d2f0c3e4b5a");
        assertThat(r.detail()).doesNotContain("tk_secret");
    }

    @Test
    void usesTheDefaultsWhenLeftOut() {
        channel(OPEN).deliver(message(Message.CHANNEL_TEST, "Test", null), Map.of("url", topic(200)));
        Headers h = received.remove().headers();
        assertThat(h.getFirst("Priority")).isEqualTo("3");
        assertThat(h.getFirst("Tags")).isEqualTo("bell");
        assertThat(h.containsKey("Click")).isFalse();
        assertThat(h.containsKey("Authorization")).isFalse();
    }

    @Test
    void encodesATitleThatIsNotAscii() {
        channel(OPEN).deliver(message(Message.STREAK_AT_RISK, "Série en danger ☕", null), Map.of("url", topic(200)));
        Headers h = received.remove().headers();
        String expected = "=?UTF-8?B?"
                + Base64.getEncoder().encodeToString("Série en danger ☕".getBytes(StandardCharsets.UTF_8)) + "?=";
        assertThat(h.getFirst("Title")).isEqualTo(expected);
        assertThat(h.getFirst("Tags")).isEqualTo("warning");
    }

    @ParameterizedTest(name = "HTTP {0}: {1}")
    @CsvSource({
        "200, DELIVERED",
        "202, DELIVERED",
        "429, RETRY",
        "500, RETRY",
        "503, RETRY",
        "400, FAILED",
        "401, FAILED",
        "403, FAILED",
        "404, FAILED",
        "413, FAILED",
        "301, FAILED"
    })
    void judgesTheAnswer(int status, Outcome outcome) {
        Result r = channel(OPEN).deliver(message(Message.REMINDER_DUE, "t", null), Map.of("url", topic(status)));
        assertThat(r.outcome()).isEqualTo(outcome);
        if (status == 429) {
            assertThat(r.retryAfter()).isEqualTo(Duration.ofMinutes(1));
        }
        if (status == 401) {
            assertThat(r.detail()).isEqualTo("ntfy answered HTTP 401: the access token is wrong or lacks access");
        }
    }

    @Test
    void retriesWhenTheServerIsDown() throws Exception {
        int closed;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = s.getLocalPort();
        }
        Result r = channel(OPEN)
                .deliver(message(Message.REMINDER_DUE, "t", null), Map.of("url", "http://127.0.0.1:" + closed + "/t"));
        assertThat(r.outcome()).isEqualTo(Outcome.RETRY);
        assertThat(r.detail()).isEqualTo("the connection was refused");
    }

    @Test
    void refusesALoopbackTopicWhenTheGuardIsOn() {
        NtfyChannel guarded = channel(OutboundSettings.DEFAULT);
        assertThat(guarded.validate(Map.of("url", topic(200))))
                .singleElement()
                .extracting(ConfigProblem::field)
                .isEqualTo("url");
        Result r = guarded.deliver(message(Message.REMINDER_DUE, "t", null), Map.of("url", topic(200)));
        assertThat(r.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(r.detail()).contains("loopback address");
        assertThat(received).isEmpty();
    }

    @Test
    void validatesTheConfiguration() {
        NtfyChannel c = channel(OPEN);
        assertThat(c.validate(Map.of("url", topic(200)))).isEmpty();
        assertThat(c.validate(Map.of("url", topic(200), "priority", 5, "token", "tk")))
                .isEmpty();
        assertThat(c.validate(Map.of())).containsExactly(new ConfigProblem("url", "is required"));
        assertThat(c.validate(Map.of("url", "ntfy.sh/topic")))
                .containsExactly(new ConfigProblem("url", "must be an http:// or https:// URL"));
        assertThat(c.validate(Map.of("url", "http://127.0.0.1:8080/")))
                .containsExactly(new ConfigProblem("url", "must name a topic, e.g. https://ntfy.sh/my-habits-4f7a"));
        assertThat(c.validate(Map.of("url", topic(200), "priority", 6)))
                .containsExactly(new ConfigProblem("priority", "must be a whole number from 1 to 5"));
        assertThat(c.validate(Map.of("url", topic(200), "priority", 0))).hasSize(1);
        assertThat(c.validate(Map.of("url", topic(200), "priority", "high"))).hasSize(1);
        assertThat(c.validate(Map.of("url", topic(200), "token", 7)))
                .containsExactly(new ConfigProblem("token", "must be a string"));
    }

    @Test
    void describesItself() {
        NtfyChannel c = channel(OPEN);
        assertThat(c.key()).isEqualTo("ntfy");
        assertThat(c.name()).isEqualTo("ntfy");
        assertThat(c.events(Map.of())).isNull();
        assertThat(c.configSchema())
                .extracting(f -> f.name() + ":" + f.type() + ":" + f.required() + ":" + f.secret())
                .containsExactly("url:URL:true:false", "token:STRING:false:true", "priority:INTEGER:false:false");
    }
}
