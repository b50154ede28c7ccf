package io.steadfast.itest;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * Isolation between users, for every endpoint that exists — including ones added later — without a test per
 * endpoint: user B creates one object of every kind, then user A calls every operation of the OpenAPI document
 * with B's ids in its path. Anything but 404 (or 403 for a scope) fails. A's lists must not show B's ids either,
 * and B's objects must survive the walk.
 */
class CrossUserWalkIT {

    private static final Pattern PARAM = Pattern.compile("\\{([^}]+)}");

    @Test
    void anotherUsersObjectsAnswer404EverywhereAndStayIntact() {
        Cluster cluster = Cluster.get();
        Http http = cluster.node(0);
        IdentityApiIT.Account alice = Accounts.register(http, "walk-a-" + UUID.randomUUID() + "@example.org");
        IdentityApiIT.Account bob = Accounts.register(http, "walk-b-" + UUID.randomUUID() + "@example.org");
        Fixtures bobs = Fixtures.create(http, bob);
        assertThat(bobs.ids()).isNotEmpty();

        Map<String, Object> doc = Http.json(http.get("/api/openapi.json"));
        Map<?, ?> paths = (Map<?, ?>) doc.get("paths");
        List<String> failures = new ArrayList<>();
        int calls = 0;
        for (Map.Entry<?, ?> p : paths.entrySet()) {
            String template = p.getKey().toString();
            if (!template.startsWith("/api/") || !template.contains("{")) {
                continue;
            }
            for (Object m : ((Map<?, ?>) p.getValue()).keySet()) {
                String method = m.toString().toUpperCase();
                if (!Set.of("GET", "POST", "PUT", "PATCH", "DELETE").contains(method)) {
                    continue;
                }
                for (String path : instantiate(template, bobs.ids())) {
                    String body = Set.of("POST", "PUT", "PATCH").contains(method) ? "{}" : null;
                    HttpResponse<String> r = http.as(alice.token(), method, path, body);
                    calls++;
                    if (r.statusCode() != 404 && r.statusCode() != 403) {
                        failures.add(method + " " + path + " -> " + r.statusCode() + " " + r.body());
                    }
                }
            }
        }
        assertThat(calls).as("operations with ids walked").isPositive();
        assertThat(failures).as("answers to another user's ids").isEmpty();

        for (Map.Entry<?, ?> p : paths.entrySet()) {
            String path = p.getKey().toString();
            if (path.startsWith("/api/")
                    && !path.contains("{")
                    && ((Map<?, ?>) p.getValue()).containsKey("get")
                    && !Http.streams(String.valueOf(((Map<?, ?>) p.getValue()).get("get")))
                    && !path.contains("/admin/")
                    && !path.endsWith("openapi.json")) {
                HttpResponse<String> r = http.as(alice.token(), "GET", path, null);
                for (String id : bobs.ids()) {
                    assertThat(r.body())
                            .as("GET " + path + " shows another user's id")
                            .doesNotContain(id);
                }
            }
        }
        bobs.assertIntact(http);
    }

    /** Every way to fill the template's parameters with the given ids (other parameters get plausible values). */
    static List<String> instantiate(String template, Set<String> ids) {
        List<String> out = new ArrayList<>();
        out.add(template);
        Matcher m = PARAM.matcher(template);
        Set<String> params = new LinkedHashSet<>();
        while (m.find()) {
            params.add(m.group(1));
        }
        for (String param : params) {
            List<String> next = new ArrayList<>();
            for (String partial : out) {
                if (param.equals("id") || param.endsWith("Id")) {
                    for (String id : ids) {
                        next.add(partial.replace("{" + param + "}", id));
                    }
                } else if (param.toLowerCase().contains("date")) {
                    next.add(partial.replace("{" + param + "}", "2026-01-05"));
                } else {
                    next.add(partial.replace("{" + param + "}", "x"));
                }
            }
            out = next;
        }
        return out;
    }

    /** One object of every kind, owned by one user. Later capabilities add theirs here. */
    record Fixtures(IdentityApiIT.Account owner, Set<String> ids, String patSecret) {

        static Fixtures create(Http http, IdentityApiIT.Account owner) {
            Set<String> ids = new LinkedHashSet<>();
            HttpResponse<String> pat =
                    http.as(owner.token(), "POST", "/api/v1/me/tokens", "{\"name\":\"walk\",\"scopes\":[\"read\"]}");
            ids.add(Http.json(pat).get("id").toString());
            ids.add(owner.userId());
            // the owner's session (the registration's): another user's DELETE /me/sessions/{id} must be a 404
            HttpResponse<String> sessions = http.as(owner.token(), "GET", "/api/v1/me/sessions", null);
            Matcher session = Pattern.compile("\"id\":\"([0-9a-f-]{36})\"").matcher(sessions.body());
            if (session.find()) {
                ids.add(session.group(1));
            }
            HttpResponse<String> habit = http.as(
                    owner.token(),
                    "POST",
                    "/api/v1/habits",
                    "{\"name\":\"walk habit\",\"type\":\"count\",\"target\":3,\"schedule\":{\"kind\":\"daily\"},"
                            + "\"startDate\":\"2026-01-01\"}");
            String habitId = Http.json(habit).get("id").toString();
            ids.add(habitId);
            http.as(owner.token(), "PUT", "/api/v1/habits/" + habitId + "/checkins/2026-01-05", "{\"value\":2}");
            // a photo on that day (where the server's clock lets the day have a check-in)
            HttpResponse<byte[]> photo = AttachmentsIT.send(
                    http,
                    owner.token(),
                    "POST",
                    AttachmentsIT.attachments(habitId, java.time.LocalDate.parse("2026-01-05")),
                    AttachmentsIT.jpeg(16, 16),
                    "image/jpeg");
            if (photo.statusCode() == 201) {
                ids.add(Http.json(AttachmentsIT.text(photo)).get("id").toString());
            }
            http.as(owner.token(), "POST", "/api/v1/me/calendar-feed", null);
            http.as(owner.token(), "PATCH", "/api/v1/habits/" + habitId, "{\"visibility\":\"partners\"}");
            HttpResponse<String> invitation = http.as(
                    owner.token(),
                    "POST",
                    "/api/v1/partners/invitations",
                    "{\"email\":\"walk-nobody-" + UUID.randomUUID() + "@example.org\"}");
            ids.add(Http.json(invitation).get("id").toString());
            // a partner of the owner's: the walker is no partner of either
            IdentityApiIT.Account partner = Accounts.register(http, "walk-p-" + UUID.randomUUID() + "@example.org");
            String code = Http.json(http.as(owner.token(), "POST", "/api/v1/partners/invite-codes", null))
                    .get("code")
                    .toString();
            http.as(partner.token(), "POST", "/api/v1/partners/invite-codes/" + code + "/accept", null);
            ids.add(partner.userId());
            String group = Http.json(http.as(owner.token(), "POST", "/api/v1/groups", "{\"name\":\"walk group\"}"))
                    .get("id")
                    .toString();
            ids.add(group);
            java.time.LocalDate today = ServerTime.today(http);
            String challenge = Http.json(http.as(
                            owner.token(),
                            "POST",
                            "/api/v1/groups/" + group + "/challenges",
                            "{\"name\":\"walk challenge\",\"habit\":{\"type\":\"boolean\",\"schedule\":"
                                    + "{\"kind\":\"daily\"}},\"startDate\":\"" + today + "\",\"endDate\":\""
                                    + today.plusDays(30) + "\"}"))
                    .get("id")
                    .toString();
            ids.add(challenge);
            http.as(owner.token(), "POST", "/api/v1/groups/" + group + "/challenges/" + challenge + "/join", null);
            ids.add(Http.json(http.as(
                            owner.token(), "POST", "/api/v1/habits/" + habitId + "/reminders", "{\"time\":\"07:15\"}"))
                    .get("id")
                    .toString());
            // the in-app channel every account has, and a delivery of its test message
            String channels =
                    http.as(owner.token(), "GET", "/api/v1/me/channels", null).body();
            String channel = channels.replaceAll("(?s)^\\[\\{\"id\":\"([^\"]+)\".*", "$1");
            ids.add(channel);
            ids.add(Http.json(http.as(owner.token(), "POST", "/api/v1/me/channels/" + channel + "/test", null))
                    .get("deliveryId")
                    .toString());
            return new Fixtures(owner, ids, Http.json(pat).get("token").toString());
        }

        void assertIntact(Http http) {
            assertThat(http.as(patSecret, "GET", "/api/v1/me", null).statusCode())
                    .isEqualTo(200);
            assertThat(http.as(owner.token(), "GET", "/api/v1/me/tokens", null).body())
                    .contains("walk");
            HttpResponse<String> habits = http.as(owner.token(), "GET", "/api/v1/habits", null);
            assertThat(habits.body()).contains("walk habit");
            String id = habits.body().replaceAll("(?s).*\"id\":\"([^\"]+)\",\"name\":\"walk habit\".*", "$1");
            assertThat(http.as(
                                    owner.token(),
                                    "GET",
                                    "/api/v1/habits/" + id + "/checkins?from=2026-01-01&to=2026-01-10",
                                    null)
                            .body())
                    .contains("\"value\":2");
            assertThat(http.as(owner.token(), "GET", "/api/v1/partners/invitations", null)
                            .body())
                    .contains("walk-nobody-", "\"pending\"");
            assertThat(http.as(owner.token(), "GET", "/api/v1/partners", null).body())
                    .contains("\"userId\"");
            assertThat(http.as(owner.token(), "GET", "/api/v1/groups", null).body())
                    .contains("walk group");
        }
    }
}
