package io.steadfast.itest;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.ObjectMapper;

/** A tiny HTTP client for the integration tests (JDK HttpClient, JSON via Jackson). */
public final class Http {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient client =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;

    public Http(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    public HttpResponse<String> send(String method, String path, String body, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(20));
        boolean typed = false;
        for (int i = 0; i + 1 < headers.length; i += 2) {
            typed |= "Content-Type".equalsIgnoreCase(headers[i]);
        }
        if (body != null && !typed) {
            b.header("Content-Type", "application/json");
        }
        for (int i = 0; i + 1 < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        b.method(
                method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        try {
            return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + path + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The port this client talks to. */
    public int port() {
        return Integer.parseInt(base.substring(base.lastIndexOf(':') + 1));
    }

    public HttpResponse<String> get(String path) {
        return send("GET", path, null);
    }

    /** A request with {@code Authorization: Bearer token}. */
    public HttpResponse<String> as(String token, String method, String path, String body, String... headers) {
        String[] all = new String[headers.length + 2];
        all[0] = "Authorization";
        all[1] = "Bearer " + token;
        System.arraycopy(headers, 0, all, 2, headers.length);
        return send(method, path, body, all);
    }

    /** Polls until the response matches, or the time is up; returns the last response. */
    public HttpResponse<String> await(String path, Predicate<HttpResponse<String>> done, Duration max) {
        return awaitAs(null, path, done, max);
    }

    /** Paths every test expects; their presence in the OpenAPI document means every bundle's resources are up. */
    static final String[] CORE_PATHS = {
        "/api/v1/auth/register",
        "/api/v1/me/tokens/{id}",
        "/api/v1/habits",
        "/api/v1/habits/{id}/checkins/{date}",
        "/api/v1/today",
        "/api/v1/calendar",
        "/api/v1/habit-types",
        "/api/v1/me/calendar-feed",
        "/api/v1/habits/{id}/stats",
        "/api/v1/achievements",
        "/api/v1/admin/users",
        "/api/v1/partners",
        "/api/v1/groups",
        "/api/v1/feed",
        "/api/v1/events",
        "/api/v1/habits/{id}/reminders",
        "/api/v1/channel-types",
        "/api/v1/me/channels",
        "/api/v1/me/deliveries"
    };

    /**
     * Waits until the node is ready, and checks that it then serves the resources of every bundle: a ready node
     * has opened its API whole (until then every /api request answers 503), so no waiting for late resources.
     */
    public void awaitApi() {
        HttpResponse<String> ready = await("/health/ready", r -> r.statusCode() == 200, Duration.ofSeconds(120));
        if (ready == null || ready.statusCode() != 200) {
            throw new IllegalStateException(
                    "the node did not become ready: " + (ready == null ? "no answer" : ready.body()));
        }
        HttpResponse<String> doc = get("/api/openapi.json");
        for (String p : CORE_PATHS) {
            if (!doc.body().contains("\"" + p + "\"")) {
                throw new IllegalStateException("ready, but the API is not whole: " + p + " missing");
            }
        }
    }

    /** {@link #await} with a bearer token. */
    public HttpResponse<String> awaitAs(String token, String path, Predicate<HttpResponse<String>> done, Duration max) {
        long deadline = System.nanoTime() + max.toNanos();
        HttpResponse<String> last = null;
        while (System.nanoTime() < deadline) {
            try {
                last = token == null ? get(path) : as(token, "GET", path, null);
                if (done.test(last)) {
                    return last;
                }
            } catch (IllegalStateException notYet) {
                // not listening yet
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return last;
    }

    /**
     * Whether an operation of the OpenAPI document (its JSON or its map's text) answers an event stream, which lasts
     * as long as the client listens: walks of every operation leave it to its own test.
     */
    static boolean streams(String operation) {
        return operation.contains("text/event-stream");
    }

    /** A JSON object's text as a map. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> json(String text) {
        try {
            return JSON.readValue(text, Map.class);
        } catch (IOException e) {
            throw new AssertionError("Not JSON: " + text, e);
        }
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> json(HttpResponse<String> r) {
        try {
            return JSON.readValue(r.body(), Map.class);
        } catch (IOException e) {
            throw new AssertionError("Not JSON (" + r.statusCode() + "): " + r.body(), e);
        }
    }

    /** A JSON array of objects' text as a list of maps. */
    @SuppressWarnings("unchecked")
    public static java.util.List<Map<String, Object>> list(HttpResponse<String> r) {
        try {
            return JSON.readValue(r.body(), java.util.List.class);
        } catch (IOException e) {
            throw new AssertionError("Not a JSON array (" + r.statusCode() + "): " + r.body(), e);
        }
    }
}
