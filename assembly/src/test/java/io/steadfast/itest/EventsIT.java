package io.steadfast.itest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The live event stream (Server-Sent Events) across two nodes: a write on one node reaches a stream open on the
 * other (Redis publish/subscribe), events carry ids, and a stream that reconnects with {@code Last-Event-ID} gets
 * what it missed.
 */
class EventsIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One event: its id, name and data. */
    record Event(String id, String name, Map<?, ?> data) {}

    /** An open stream, read on a thread of its own. */
    static final class Stream implements AutoCloseable {
        final HttpResponse<InputStream> response;
        final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
        final List<String> comments = new ArrayList<>();
        /** Every event's data as it came, for the check that nothing private passed. */
        final List<String> raw = new java.util.concurrent.CopyOnWriteArrayList<>();

        private final Thread reader;

        Stream(Http node, String token, String lastEventId) throws Exception {
            HttpRequest.Builder b = HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + node.port() + "/api/v1/events"))
                    .header("Authorization", "Bearer " + token)
                    .header("Accept", "text/event-stream");
            if (lastEventId != null) {
                b.header("Last-Event-ID", lastEventId);
            }
            response = HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofInputStream());
            reader = new Thread(this::read, "events-it-reader");
            reader.setDaemon(true);
            reader.start();
        }

        private void read() {
            try (BufferedReader in =
                    new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
                String id = null;
                String name = null;
                StringBuilder data = new StringBuilder();
                for (String line; (line = in.readLine()) != null; ) {
                    if (line.isEmpty()) {
                        if (data.length() > 0) {
                            raw.add(data.toString());
                            events.add(new Event(id, name, JSON.readValue(data.toString(), Map.class)));
                        }
                        id = null;
                        name = null;
                        data.setLength(0);
                    } else if (line.startsWith(":")) {
                        synchronized (comments) {
                            comments.add(line.substring(1).trim());
                        }
                    } else if (line.startsWith("id:")) {
                        id = line.substring(3).trim();
                    } else if (line.startsWith("event:")) {
                        name = line.substring(6).trim();
                    } else if (line.startsWith("data:")) {
                        data.append(line.substring(5).trim());
                    }
                }
            } catch (Exception e) {
                // closed
            }
        }

        Event next(String what) throws InterruptedException {
            Event e = events.poll(30, TimeUnit.SECONDS);
            assertThat(e).as("an event: " + what).isNotNull();
            return e;
        }

        @Override
        public void close() {
            try {
                response.body().close();
            } catch (Exception e) {
                // closed
            }
            reader.interrupt();
        }
    }

    @Test
    void aWriteOnOneNodeReachesAStreamOnTheOtherAndAResumeGetsWhatWasMissed() throws Exception {
        Cluster cluster = Cluster.get();
        Http a = cluster.node(0);
        Http b = cluster.node(1);
        LocalDate t = ServerTime.today(a);
        IdentityApiIT.Account ann = Accounts.register(a, "ev-ann-" + UUID.randomUUID() + "@example.org");
        IdentityApiIT.Account bob = Accounts.register(a, "ev-bob-" + UUID.randomUUID() + "@example.org");
        assertThat(a.get("/api/v1/events").statusCode()).as("no token").isEqualTo(401);

        String lastId;
        String run;
        try (Stream bobs = new Stream(b, bob.token(), null)) {
            assertThat(bobs.response.statusCode()).isEqualTo(200);
            assertThat(bobs.response.headers().firstValue("Content-Type").orElse(""))
                    .startsWith("text/event-stream");
            // Ann invites Bob on node a: Bob's stream on node b hears of it
            String invitation = Http.json(a.as(
                            ann.token(), "POST", "/api/v1/partners/invitations", "{\"email\":\"" + bob.email() + "\"}"))
                    .get("id")
                    .toString();
            Event invited = bobs.next("the invitation");
            assertThat(invited.name()).isEqualTo("notification");
            assertThat(invited.data().get("kind")).isEqualTo("partner_invitation");
            assertThat(invited.data().get("invitationId")).isEqualTo(invitation);
            assertThat(invited.id()).matches("\\d+-\\d+");

            assertThat(b.as(bob.token(), "POST", "/api/v1/partners/invitations/" + invitation + "/accept", null)
                            .statusCode())
                    .isEqualTo(200);
            run = Http.json(a.as(
                            ann.token(),
                            "POST",
                            "/api/v1/habits",
                            "{\"name\":\"Run\",\"type\":\"boolean\",\"schedule\":{\"kind\":\"daily\"},"
                                    + "\"visibility\":\"partners\"}"))
                    .get("id")
                    .toString();
            String secret = Http.json(a.as(
                            ann.token(),
                            "POST",
                            "/api/v1/habits",
                            "{\"name\":\"SecretSseQx\",\"type\":\"boolean\",\"schedule\":{\"kind\":\"daily\"}}"))
                    .get("id")
                    .toString();
            a.as(ann.token(), "PUT", "/api/v1/habits/" + secret + "/checkins/" + t, "{\"note\":\"secret-sse-note\"}");
            a.as(ann.token(), "PUT", "/api/v1/habits/" + run + "/checkins/" + t, "{}");
            Event done = bobs.next("Ann's check-in in the feed");
            assertThat(done.name()).isEqualTo("feed");
            assertThat(((Map<?, ?>) done.data().get("habit")).get("name")).isEqualTo("Run");
            assertThat(done.data().get("date")).isEqualTo(t.toString());
            lastId = done.id();
            assertThat(bobs.raw)
                    .allSatisfy(d -> assertThat(d).doesNotContain("SecretSseQx", "secret-sse-note", secret));
            synchronized (bobs.comments) {
                assertThat(bobs.comments).contains("connected");
            }
        }

        // while they are away, Bob nudges Ann; she connects (to the other node) from the start of her history
        assertThat(b.as(
                                bob.token(),
                                "POST",
                                "/api/v1/partners/" + ann.userId() + "/nudges",
                                "{\"habitId\":\"" + run + "\",\"message\":\"run!\"}")
                        .statusCode())
                .isEqualTo(201);
        try (Stream anns = new Stream(b, ann.token(), "0-0")) {
            List<String> kinds = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                kinds.add(anns.next("Ann's missed notifications")
                        .data()
                        .get("kind")
                        .toString());
            }
            assertThat(kinds).containsExactly("partner_accepted", "nudge");
        }
        try (Stream again = new Stream(a, bob.token(), lastId)) {
            // nothing Bob missed: the next event is the next write
            a.as(ann.token(), "POST", "/api/v1/partners/invite-codes", null);
            assertThat(again.events.poll(2, TimeUnit.SECONDS))
                    .as("nothing after " + lastId)
                    .isNull();
        }
    }
}
