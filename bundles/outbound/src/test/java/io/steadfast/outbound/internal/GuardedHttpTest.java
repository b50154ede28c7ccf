package io.steadfast.outbound.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import javax.net.ssl.SSLSocketFactory;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.steadfast.outbound.OutboundHttp;
import io.steadfast.outbound.OutboundHttp.Request;
import io.steadfast.outbound.OutboundHttp.Response;
import io.steadfast.outbound.OutboundSettings;
import io.steadfast.outbound.RefusedUrlException;
import io.steadfast.outbound.UrlCheck;

/** The client against a loopback {@link HttpServer}: all traffic stays on 127.0.0.1. */
class GuardedHttpTest {

    private static final OutboundSettings OPEN =
            new OutboundSettings(true, Duration.ofSeconds(5), Duration.ofSeconds(5));

    private HttpServer server;
    private final ConcurrentLinkedQueue<Recorded> requests = new ConcurrentLinkedQueue<>();
    private final CountDownLatch release = new CountDownLatch(1);

    record Recorded(String method, String path, Map<String, List<String>> headers, byte[] body) {}

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/hook", ex -> respond(ex, 204, null, new byte[0]));
        server.createContext(
                "/echo",
                ex -> respond(
                        ex, 200, Map.of("X-Echo", "yes"), ex.getRequestBody().readAllBytes()));
        server.createContext("/big", ex -> respond(ex, 200, null, new byte[100_000]));
        server.createContext("/chunked", ex -> {
            record(ex);
            ex.sendResponseHeaders(200, 0); // chunked
            try (OutputStream out = ex.getResponseBody()) {
                for (int i = 0; i < 50; i++) {
                    out.write(new byte[1000]);
                }
            }
        });
        server.createContext("/redirect", ex -> respond(ex, 302, Map.of("Location", "/hook"), new byte[0]));
        server.createContext("/busy", ex -> respond(ex, 503, Map.of("Retry-After", "120"), "busy".getBytes()));
        server.createContext("/hang", ex -> {
            record(ex);
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

    private void record(HttpExchange ex) throws IOException {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        ex.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(), List.copyOf(v)));
        requests.add(new Recorded(
                ex.getRequestMethod(),
                ex.getRequestURI().toString(),
                headers,
                ex.getRequestBody().readAllBytes()));
    }

    private void respond(HttpExchange ex, int status, Map<String, String> headers, byte[] body) throws IOException {
        byte[] in = ex.getRequestBody().readAllBytes();
        Map<String, List<String>> h = new LinkedHashMap<>();
        ex.getRequestHeaders().forEach((k, v) -> h.put(k.toLowerCase(), List.copyOf(v)));
        requests.add(new Recorded(ex.getRequestMethod(), ex.getRequestURI().toString(), h, in));
        if (headers != null) {
            headers.forEach((k, v) -> ex.getResponseHeaders().add(k, v));
        }
        ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        }
        ex.close();
    }

    private URI url(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    private static GuardedHttp client(OutboundSettings settings, Resolver resolver) {
        return new GuardedHttp(settings, resolver, (SSLSocketFactory) SSLSocketFactory.getDefault());
    }

    @Test
    void postsTheBodyAndHeadersAndReadsTheAnswer() throws Exception {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json");
        headers.put("X-Steadfast-Delivery", "abc");
        Response response = OutboundHttp.create(OPEN)
                .post(new Request(url("/echo?x=1&y=%20"), headers, "{\"a\":1}".getBytes(StandardCharsets.UTF_8)));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.successful()).isTrue();
        assertThat(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo("{\"a\":1}");
        assertThat(response.header("x-echo")).contains("yes");
        assertThat(response.header("X-ECHO")).contains("yes");
        assertThat(response.truncated()).isFalse();

        Recorded r = requests.remove();
        assertThat(r.method()).isEqualTo("POST");
        assertThat(r.path()).isEqualTo("/echo?x=1&y=%20");
        assertThat(r.headers().get("content-type")).containsExactly("application/json");
        assertThat(r.headers().get("x-steadfast-delivery")).containsExactly("abc");
        assertThat(r.headers().get("content-length")).containsExactly("7");
        assertThat(r.headers().get("host"))
                .containsExactly("127.0.0.1:" + server.getAddress().getPort());
    }

    @Test
    void answersANoContentStatus() throws Exception {
        Response response = OutboundHttp.create(OPEN).post(new Request(url("/hook"), Map.of(), new byte[0]));
        assertThat(response.status()).isEqualTo(204);
        assertThat(response.body()).isEmpty();
    }

    @Test
    void readsAtMostAFewKilobytesOfALongBody() throws Exception {
        Response fixed = OutboundHttp.create(OPEN).post(new Request(url("/big"), Map.of(), null));
        assertThat(fixed.body()).hasSize(OutboundHttp.MAX_RESPONSE_BYTES);
        assertThat(fixed.truncated()).isTrue();

        Response chunked = OutboundHttp.create(OPEN).post(new Request(url("/chunked"), Map.of(), null));
        assertThat(chunked.status()).isEqualTo(200);
        assertThat(chunked.body()).hasSize(OutboundHttp.MAX_RESPONSE_BYTES);
        assertThat(chunked.truncated()).isTrue();
    }

    @Test
    void neverFollowsARedirect() throws Exception {
        Response response = OutboundHttp.create(OPEN).post(new Request(url("/redirect"), Map.of(), null));
        assertThat(response.status()).isEqualTo(302);
        assertThat(response.header("Location")).contains("/hook");
        assertThat(requests).extracting(Recorded::path).containsExactly("/redirect");
    }

    @Test
    void readsRetryAfter() throws Exception {
        Response response = OutboundHttp.create(OPEN).post(new Request(url("/busy"), Map.of(), null));
        assertThat(response.status()).isEqualTo(503);
        assertThat(response.retryAfter(Instant.EPOCH)).contains(Duration.ofMinutes(2));
        assertThat(response.bodyPreview(100)).isEqualTo("busy");
    }

    @Test
    void readsRetryAfterAsAnHttpDate() {
        Response response =
                new Response(429, Map.of("Retry-After", List.of("Thu, 01 Jan 1970 00:01:40 GMT")), null, false);
        assertThat(response.retryAfter(Instant.ofEpochSecond(40))).contains(Duration.ofSeconds(60));
        assertThat(response.retryAfter(Instant.ofEpochSecond(400))).contains(Duration.ZERO);
        assertThat(new Response(429, Map.of("Retry-After", List.of("soon")), null, false).retryAfter(Instant.EPOCH))
                .isEmpty();
        assertThat(new Response(429, Map.of(), null, false).retryAfter(Instant.EPOCH))
                .isEmpty();
    }

    @Test
    void timesOutAWholeRequestThatHangs() {
        OutboundSettings quick = new OutboundSettings(true, Duration.ofSeconds(2), Duration.ofMillis(300));
        assertThatThrownBy(() -> OutboundHttp.create(quick).post(new Request(url("/hang"), Map.of(), null)))
                .isInstanceOf(SocketTimeoutException.class);
    }

    @Test
    void reportsARefusedConnection() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        URI nobody = URI.create("http://127.0.0.1:" + closedPort + "/");
        assertThatThrownBy(() -> OutboundHttp.create(OPEN).post(new Request(nobody, Map.of(), null)))
                .isInstanceOf(ConnectException.class);
    }

    @Test
    void refusesLoopbackWhenTheGuardIsOn() {
        assertThatThrownBy(() ->
                        OutboundHttp.create(OutboundSettings.DEFAULT).post(new Request(url("/hook"), Map.of(), null)))
                .isInstanceOf(RefusedUrlException.class)
                .hasMessage(
                        "The URL's host is a loopback address (127.0.0.1); only public internet addresses may be called");
        assertThatThrownBy(() -> OutboundHttp.create(OutboundSettings.DEFAULT)
                        .post(new Request(
                                URI.create("http://localhost:"
                                        + server.getAddress().getPort() + "/hook"),
                                Map.of(),
                                null)))
                .isInstanceOf(RefusedUrlException.class)
                .hasMessageContaining("resolves to a loopback address");
        assertThat(requests).isEmpty();
    }

    @Test
    void refusesAUrlThatIsNotHttp() {
        assertThatThrownBy(() ->
                        OutboundHttp.create(OPEN).post(new Request(URI.create("file:///etc/passwd"), Map.of(), null)))
                .isInstanceOf(RefusedUrlException.class)
                .hasMessage("The URL must be an http:// or https:// URL");
    }

    @Test
    void checksTheAddressAgainAtConnectionTime() throws Exception {
        // DNS rebinding: public when the configuration was saved, loopback when the message goes out
        Deque<String> answers = new ArrayDeque<>(List.of("93.184.216.34", "127.0.0.1"));
        AtomicInteger lookups = new AtomicInteger();
        Resolver rebinding = host -> {
            lookups.incrementAndGet();
            return List.of(InetAddress.getByName(answers.remove()));
        };
        GuardedHttp http = client(OutboundSettings.DEFAULT, rebinding);
        URI url = URI.create("http://rebind.example.com:" + server.getAddress().getPort() + "/hook");

        UrlCheck check = http.check(url.toString());
        assertThat(check.ok()).isTrue();

        assertThatThrownBy(() -> http.post(new Request(url, Map.of(), null)))
                .isInstanceOf(RefusedUrlException.class)
                .hasMessage(
                        "The URL's host resolves to a loopback address (127.0.0.1); only public internet addresses may be called");
        assertThat(lookups).hasValue(2);
        assertThat(requests).isEmpty();
    }

    @Test
    void connectsToTheAddressItCheckedAndSendsTheNameAsHost() throws Exception {
        Resolver table = host -> {
            assertThat(host).isEqualTo("hooks.test");
            return List.of(InetAddress.getByName("127.0.0.1"));
        };
        int port = server.getAddress().getPort();
        Response response = client(OPEN, table)
                .post(new Request(URI.create("http://hooks.test:" + port + "/hook"), Map.of(), null));
        assertThat(response.status()).isEqualTo(204);
        assertThat(requests.remove().headers().get("host")).containsExactly("hooks.test:" + port);
    }

    @Test
    void refusesHeaderValuesThatWouldSplitTheRequest() {
        assertThatThrownBy(() -> new Request(url("/hook"), Map.of("X-A", "1\r\nX-B: 2"), null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Request(url("/hook"), Map.of("X A", "1"), null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Request(url("/hook"), Map.of("Host", "elsewhere"), null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Request(url("/hook"), Map.of("Title", "caf\u00e9"), null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Request(url("/hook"), Map.of(), new byte[OutboundHttp.MAX_REQUEST_BYTES + 1]))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void requestsAreImmutable() {
        byte[] body = {1, 2, 3};
        Request request = new Request(url("/hook"), Map.of(), body);
        body[0] = 9;
        assertThat(request.body()).containsExactly(1, 2, 3);
    }

    @Test
    void readsAnAnswerFromARawServer() throws Exception {
        // answers the HttpServer does not make: 100 Continue first, headers in odd case, a close-delimited body
        try (ServerSocket raw = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Thread t = new Thread(() -> {
                try (var s = raw.accept()) {
                    InputStream in = s.getInputStream();
                    // read the request head and body (Content-Length: 2)
                    byte[] buf = new byte[4096];
                    int total = 0;
                    while (!new String(buf, 0, total, StandardCharsets.ISO_8859_1).contains("\r\n\r\nhi")) {
                        total += in.read(buf, total, buf.length - total);
                    }
                    s.getOutputStream()
                            .write(("HTTP/1.1 100 Continue\r\n\r\n"
                                            + "HTTP/1.1 202 Accepted\r\nx-ID: 7\r\nX-Id: 8\r\n\r\naccepted")
                                    .getBytes(StandardCharsets.ISO_8859_1));
                } catch (IOException ignored) {
                    // the test fails on its own side
                }
            });
            t.start();
            Response response = OutboundHttp.create(OPEN)
                    .post(new Request(
                            URI.create("http://127.0.0.1:" + raw.getLocalPort() + "/"), Map.of(), "hi".getBytes()));
            t.join(5000);
            assertThat(response.status()).isEqualTo(202);
            assertThat(response.headers().get("x-id")).containsExactly("7", "8");
            assertThat(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo("accepted");
        }
    }
}
