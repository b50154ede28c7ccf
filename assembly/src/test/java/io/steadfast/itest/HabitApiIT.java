package io.steadfast.itest;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import biweekly.Biweekly;
import biweekly.ICalendar;

/** Every habit, check-in, agenda, calendar and feed endpoint, on two nodes sharing PostgreSQL and Redis. */
class HabitApiIT {

    static Http a;
    static Http b;
    static IdentityApiIT.Account ann;
    static String token;

    @BeforeAll
    static void start() {
        Cluster cluster = Cluster.get();
        a = cluster.node(0);
        b = cluster.node(1);
        ann = Accounts.register(a, "habits-" + UUID.randomUUID() + "@example.org");
        token = ann.token();
    }

    static Map<String, Object> create(String json) {
        HttpResponse<String> r = a.as(token, "POST", "/api/v1/habits", json);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        assertThat(r.headers().firstValue("Location").orElse("")).contains("/api/v1/habits/");
        return Http.json(r);
    }

    /** Today of the test accounts, by the server's clock. */
    static LocalDate today() {
        return ServerTime.today(a);
    }

    @Test
    void habitTypesReflectTheRunningBundles() {
        HttpResponse<String> r = b.as(token, "GET", "/api/v1/habit-types", null);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body())
                .contains(
                        "\"key\":\"boolean\"",
                        "\"key\":\"count\"",
                        "\"key\":\"limit\"",
                        "\"key\":\"measurement\"",
                        "\"key\":\"journal\"");
        assertThat(r.body()).contains("needsTarget", "valueKind", "defaultUnit");
    }

    @Test
    void habitsAreCreatedListedChangedOrderedAndDeleted() {
        Map<String, Object> water = create("{\"name\":\"Water\",\"type\":\"count\",\"target\":8,\"unit\":\"glasses\","
                + "\"schedule\":{\"kind\":\"daily\"},\"color\":\"#2288ff\",\"icon\":\"droplet\"}");
        assertThat(water)
                .containsEntry("type", "count")
                .containsEntry("available", true)
                .containsEntry("archived", false);
        assertThat(water.get("startDate")).isEqualTo(today().toString());
        Map<String, Object> gym = create("{\"name\":\"Gym\",\"type\":\"boolean\",\"schedule\":{\"kind\":\"weekdays\","
                + "\"days\":[\"MON\",\"WED\",\"FRI\"]}}");
        Map<String, Object> read = create(
                "{\"name\":\"Read\",\"type\":\"boolean\",\"schedule\":{\"kind\":\"every_n_days\"," + "\"n\":2}}");
        String w = water.get("id").toString();
        assertThat(Http.json(b.as(token, "GET", "/api/v1/habits/" + w, null))).containsEntry("name", "Water");
        HttpResponse<String> patched = b.as(
                token,
                "PATCH",
                "/api/v1/habits/" + w,
                "{\"name\":\"Water!\",\"target\":10,\"schedule\":{\"kind\":\"times_per_week\",\"times\":5}}");
        assertThat(patched.statusCode()).as(patched.body()).isEqualTo(200);
        assertThat(Http.json(patched)).containsEntry("name", "Water!").containsEntry("target", 10);
        assertThat(a.as(token, "PUT", "/api/v1/habits/order", "[\"" + read.get("id") + "\",\"" + w + "\"]")
                        .statusCode())
                .isEqualTo(204);
        List<?> list = (List<?>) jsonArray(a.as(token, "GET", "/api/v1/habits", null));
        List<Object> names = new ArrayList<>();
        list.forEach(h -> names.add(((Map<?, ?>) h).get("name")));
        assertThat(names.indexOf("Read")).isLessThan(names.indexOf("Water!"));
        assertThat(names.indexOf("Water!")).isLessThan(names.indexOf("Gym"));
        assertThat(a.as(token, "PATCH", "/api/v1/habits/" + gym.get("id"), "{\"archived\":true}")
                        .statusCode())
                .isEqualTo(200);
        assertThat(a.as(token, "GET", "/api/v1/habits", null).body()).doesNotContain("\"Gym\"");
        assertThat(a.as(token, "GET", "/api/v1/habits?archived=true", null).body())
                .contains("\"Gym\"");
        assertThat(a.as(token, "DELETE", "/api/v1/habits/" + read.get("id"), null)
                        .statusCode())
                .isEqualTo(204);
        assertThat(a.as(token, "GET", "/api/v1/habits/" + read.get("id"), null).statusCode())
                .isEqualTo(404);
        assertThat(a.as(token, "GET", "/api/v1/habits/not-a-uuid", null).statusCode())
                .isEqualTo(404);
        IdentityApiIT.assertField(a.as(token, "PUT", "/api/v1/habits/order", "[\"" + UUID.randomUUID() + "\"]"), "ids");
    }

    @Test
    void invalidHabitsAre422NamingTheField() {
        HttpResponse<String> coerced = a.as(
                token,
                "POST",
                "/api/v1/habits",
                "{\"name\":123,\"type\":\"boolean\",\"schedule\":{\"kind\":\"daily\"}}");
        assertThat(coerced.statusCode()).as(coerced.body()).isEqualTo(400);
        assertThat(coerced.body())
                .contains("\"field\":\"name\"", "name must be text")
                .doesNotContain("java.");
        IdentityApiIT.assertField(
                a.as(
                        token,
                        "POST",
                        "/api/v1/habits",
                        "{\"name\":\"x\",\"type\":\"boolean\","
                                + "\"schedule\":{\"kind\":\"daily\"},\"startDate\":\"+999999999-12-31\"}"),
                "startDate");
        IdentityApiIT.assertField(a.as(token, "GET", "/api/v1/today?date=-999999999-01-01", null), "date");
        IdentityApiIT.assertField(
                a.as(
                        token,
                        "POST",
                        "/api/v1/habits",
                        "{\"name\":\"x\",\"type\":\"count\","
                                + "\"target\":1e-150000,\"schedule\":{\"kind\":\"daily\"}}"),
                "target");
        IdentityApiIT.assertField(
                a.as(
                        token,
                        "POST",
                        "/api/v1/habits",
                        "{\"name\":\"x\",\"type\":\"count\"," + "\"schedule\":{\"kind\":\"daily\"}}"),
                "target");
        IdentityApiIT.assertField(
                a.as(
                        token,
                        "POST",
                        "/api/v1/habits",
                        "{\"name\":\"x\",\"type\":\"telepathy\"," + "\"schedule\":{\"kind\":\"daily\"}}"),
                "type");
        IdentityApiIT.assertField(
                a.as(
                        token,
                        "POST",
                        "/api/v1/habits",
                        "{\"name\":\"x\",\"type\":\"boolean\","
                                + "\"schedule\":{\"kind\":\"weekdays\",\"days\":[\"MON\",\"FUNDAY\"]}}"),
                "schedule.days");
        IdentityApiIT.assertField(
                a.as(
                        token,
                        "POST",
                        "/api/v1/habits",
                        "{\"name\":\"x\",\"type\":\"boolean\","
                                + "\"schedule\":{\"kind\":\"times_per_week\",\"times\":8}}"),
                "schedule.times");
        IdentityApiIT.assertField(
                a.as(
                        token,
                        "POST",
                        "/api/v1/habits",
                        "{\"name\":\"x\",\"type\":\"boolean\"," + "\"schedule\":{\"kind\":\"hourly\"}}"),
                "schedule.kind");
        IdentityApiIT.assertField(
                a.as(token, "POST", "/api/v1/habits", "{\"name\":\"x\",\"type\":\"boolean\"}"), "schedule");
        IdentityApiIT.assertField(
                a.as(
                        token,
                        "POST",
                        "/api/v1/habits",
                        "{\"name\":\"\",\"type\":\"boolean\"," + "\"schedule\":{\"kind\":\"daily\"}}"),
                "name");
        IdentityApiIT.assertField(
                a.as(
                        token,
                        "POST",
                        "/api/v1/habits",
                        "{\"name\":\"" + "n".repeat(101)
                                + "\",\"type\":\"boolean\",\"schedule\":{\"kind\":\"daily\"}}"),
                "name");
        assertThat(a.as(token, "POST", "/api/v1/habits", "{\"name\":\"x\",\"target\":\"eight\"}")
                        .statusCode())
                .isEqualTo(400);
    }

    @Test
    void checkinsAreSetIdempotentlyClearedAndListed() {
        String start = today().minusDays(10).toString();
        String id = create("{\"name\":\"Pages\",\"type\":\"count\",\"target\":20,\"schedule\":{\"kind\":\"daily\"},"
                        + "\"startDate\":\"" + start + "\"}")
                .get("id")
                .toString();
        String day = today().minusDays(2).toString();
        HttpResponse<String> put = a.as(
                token, "PUT", "/api/v1/habits/" + id + "/checkins/" + day, "{\"value\":12,\"note\":\"chapter 3\"}");
        assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
        assertThat(Http.json(put))
                .containsEntry("backfilled", true)
                .containsEntry("recordStatus", "done")
                .as("12 of 20")
                .containsEntry("status", "partial");
        HttpResponse<String> again = b.as(
                token, "PUT", "/api/v1/habits/" + id + "/checkins/" + day, "{\"value\":12,\"note\":\"chapter 3\"}");
        assertThat(Http.json(again).get("updatedAt")).isEqualTo(Http.json(put).get("updatedAt"));
        assertThat(a.as(
                                token,
                                "PUT",
                                "/api/v1/habits/" + id + "/checkins/" + today().minusDays(1),
                                "{\"status\":\"skipped\"}")
                        .statusCode())
                .isEqualTo(200);
        IdentityApiIT.assertField(
                a.as(token, "PUT", "/api/v1/habits/" + id + "/checkins/" + today().plusDays(2), "{\"value\":1}"),
                "date");
        IdentityApiIT.assertField(
                a.as(token, "PUT", "/api/v1/habits/" + id + "/checkins/" + today().minusDays(11), "{\"value\":1}"),
                "date");
        IdentityApiIT.assertField(
                a.as(token, "PUT", "/api/v1/habits/" + id + "/checkins/2026-02-30", "{\"value\":1}"), "date");
        IdentityApiIT.assertField(
                a.as(token, "PUT", "/api/v1/habits/" + id + "/checkins/" + day, "{\"value\":-3}"), "value");
        IdentityApiIT.assertField(
                a.as(token, "PUT", "/api/v1/habits/" + id + "/checkins/" + day, "{\"status\":\"maybe\"}"), "status");
        HttpResponse<String> list =
                b.as(token, "GET", "/api/v1/habits/" + id + "/checkins?from=" + start + "&to=" + today(), null);
        assertThat(list.body()).contains("chapter 3", "skipped");
        assertThat(a.as(token, "DELETE", "/api/v1/habits/" + id + "/checkins/" + day, null)
                        .statusCode())
                .isEqualTo(204);
        assertThat(b.as(token, "GET", "/api/v1/habits/" + id + "/checkins?from=" + start, null)
                        .body())
                .doesNotContain("chapter 3");
    }

    @Test
    void incrementsAddUpAndIdempotencyKeysAddOnceAcrossNodes() throws Exception {
        String id = create("{\"name\":\"Glasses\",\"type\":\"count\",\"target\":8,\"schedule\":{\"kind\":\"daily\"}}")
                .get("id")
                .toString();
        String path = "/api/v1/habits/" + id + "/checkins/" + today() + "/increment";
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<HttpResponse<String>>> fs = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                Http node = i % 2 == 0 ? a : b;
                String key = i < 6 ? null : "retry-" + (i % 2);
                fs.add(pool.submit(() -> {
                    go.await();
                    return key == null
                            ? node.as(token, "POST", path, "{\"delta\":1}")
                            : node.as(token, "POST", path, "{\"delta\":1}", "Idempotency-Key", key);
                }));
            }
            go.countDown();
            int replays = 0;
            for (Future<HttpResponse<String>> f : fs) {
                HttpResponse<String> r = f.get(60, TimeUnit.SECONDS);
                assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
                replays += r.headers().firstValue("Idempotent-Replayed").isPresent() ? 1 : 0;
            }
            assertThat(replays).isEqualTo(4);
        } finally {
            pool.shutdownNow();
        }
        HttpResponse<String> day = a.as(token, "GET", "/api/v1/habits/" + id + "/checkins?from=" + today(), null);
        assertThat(((Map<?, ?>) ((List<?>) jsonArray(day)).get(0)).get("value")).isEqualTo(8);
        HttpResponse<String> replay = b.as(token, "POST", path, "{\"delta\":1}", "Idempotency-Key", "retry-0");
        assertThat(replay.headers().firstValue("Idempotent-Replayed")).contains("true");
        IdentityApiIT.assertField(
                b.as(token, "POST", path, "{\"delta\":5}", "Idempotency-Key", "retry-0"), "Idempotency-Key");
        IdentityApiIT.assertField(b.as(token, "POST", path, "{\"delta\":0}"), "delta");
        HttpResponse<String> down = b.as(token, "POST", path, "{\"delta\":-100}");
        assertThat(down.statusCode()).as(down.body()).isEqualTo(200);
        assertThat(Http.json(down).get("value")).as("a decrement stops at zero").isEqualTo(0);
    }

    @Test
    void todayListsEveryActiveHabitWithItsStatusProgressAndPeriod() {
        LocalDate t = today();
        String water = create("{\"name\":\"Today water\",\"type\":\"count\",\"target\":8,\"schedule\":{\"kind\":"
                        + "\"daily\"},\"startDate\":\"" + t.minusDays(14) + "\"}")
                .get("id")
                .toString();
        String gym = create("{\"name\":\"Today gym\",\"type\":\"boolean\",\"schedule\":{\"kind\":\"times_per_week\","
                        + "\"times\":3},\"startDate\":\"" + t.minusDays(14) + "\"}")
                .get("id")
                .toString();
        a.as(token, "PUT", "/api/v1/habits/" + water + "/checkins/" + t, "{\"value\":5}");
        a.as(token, "PUT", "/api/v1/habits/" + gym + "/checkins/" + t, "{}");
        HttpResponse<String> r = b.as(token, "GET", "/api/v1/today?date=" + t, null);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        Map<String, Object> body = Http.json(r);
        assertThat(body.get("date")).isEqualTo(t.toString());
        Map<?, ?> w = item(body, water);
        assertThat(w.get("status")).isEqualTo("partial");
        assertThat(w.get("progress").toString()).isEqualTo("{value=5, target=8}");
        Map<?, ?> g = item(body, gym);
        assertThat(g.get("status")).isEqualTo("done");
        Map<?, ?> period = (Map<?, ?>) g.get("period");
        assertThat(period.get("done")).isEqualTo(1);
        assertThat(period.get("times")).isEqualTo(3);
        assertThat(period.get("start")).isNotNull();
        assertThat(period.get("end")).isNotNull();
        IdentityApiIT.assertField(b.as(token, "GET", "/api/v1/today?date=yesterday", null), "date");
    }

    @Test
    void usersAtTheSameInstantHaveTheirOwnToday() {
        IdentityApiIT.Account auckland = registerIn("Pacific/Auckland");
        IdentityApiIT.Account la = registerIn("America/Los_Angeles");
        ZoneId akZone = ZoneId.of("Pacific/Auckland");
        ZoneId laZone = ZoneId.of("America/Los_Angeles");
        LocalDate akBefore = ServerTime.today(a, akZone);
        LocalDate laBefore = ServerTime.today(b, laZone);
        String ak = Http.json(a.as(auckland.token(), "GET", "/api/v1/today", null))
                .get("date")
                .toString();
        String lx = Http.json(b.as(la.token(), "GET", "/api/v1/today", null))
                .get("date")
                .toString();
        // exact, unless a midnight passed during the requests (the server's clock, which may be simulated)
        assertThat(LocalDate.parse(ak)).isIn(akBefore, ServerTime.today(a, akZone));
        assertThat(LocalDate.parse(lx)).isIn(laBefore, ServerTime.today(b, laZone));
    }

    @Test
    void calendarAndHeatmapShowEachDay() {
        LocalDate t = today();
        String id = create("{\"name\":\"Cal\",\"type\":\"boolean\",\"schedule\":{\"kind\":\"daily\"},\"startDate\":\""
                        + t.minusDays(5) + "\"}")
                .get("id")
                .toString();
        a.as(token, "PUT", "/api/v1/habits/" + id + "/checkins/" + t.minusDays(1), "{}");
        a.as(token, "PUT", "/api/v1/habits/" + id + "/checkins/" + t.minusDays(2), "{\"value\":0}");
        HttpResponse<String> cal = b.as(token, "GET", "/api/v1/calendar?from=" + t.minusDays(6) + "&to=" + t, null);
        assertThat(cal.statusCode()).as(cal.body()).isEqualTo(200);
        List<?> days = (List<?>) Http.json(cal).get("days");
        assertThat(days).hasSize(7);
        Map<String, Object> statusOf = new java.util.HashMap<>();
        for (Object day : days) {
            for (Object h : (List<?>) ((Map<?, ?>) day).get("habits")) {
                if (id.equals(((Map<?, ?>) h).get("habitId"))) {
                    statusOf.put(((Map<?, ?>) day).get("date").toString(), ((Map<?, ?>) h).get("status"));
                }
            }
        }
        assertThat(statusOf)
                .containsEntry(t.minusDays(1).toString(), "done")
                .containsEntry(t.minusDays(2).toString(), "missed")
                .as("before the habit was created, a day without a record does not count")
                .containsEntry(t.minusDays(3).toString(), "not_due")
                .containsEntry(t.minusDays(6).toString(), "not_due");
        IdentityApiIT.assertField(b.as(token, "GET", "/api/v1/calendar?from=2020-01-01&to=2021-12-31", null), "to");
        IdentityApiIT.assertField(b.as(token, "GET", "/api/v1/calendar?from=2021-01-02&to=2021-01-01", null), "to");
        HttpResponse<String> heat = a.as(
                token,
                "GET",
                "/api/v1/habits/" + id + "/heatmap?year=" + t.minusDays(1).getYear(),
                null);
        assertThat(heat.statusCode()).isEqualTo(200);
        assertThat(((List<?>) Http.json(heat).get("days")).size()).isBetween(365, 366);
        assertThat(heat.body()).contains("\"date\":\"" + t.minusDays(1) + "\",\"value\":null,\"status\":\"done\"");
    }

    @Test
    void theCalendarFeedIsValidICalendarWithoutAuthorization() throws Exception {
        IdentityApiIT.Account feedUser = Accounts.register(a, "feed-" + UUID.randomUUID() + "@example.org");
        HttpResponse<String> created = a.as(
                feedUser.token(),
                "POST",
                "/api/v1/habits",
                "{\"name\":\"Stretch\",\"type\":\"boolean\",\"schedule\":{\"kind\":\"daily\"}}");
        assertThat(created.statusCode()).isEqualTo(201);
        HttpResponse<String> url = a.as(feedUser.token(), "POST", "/api/v1/me/calendar-feed", null);
        assertThat(url.statusCode()).as(url.body()).isEqualTo(200);
        String feed = Http.json(url).get("url").toString();
        assertThat(feed).contains("/api/v1/calendar-feed/sfc_").endsWith(".ics");
        HttpResponse<String> ics = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(feed.replace("localhost", "127.0.0.1")))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(ics.statusCode()).isEqualTo(200);
        assertThat(ics.headers().firstValue("Content-Type").orElse("")).startsWith("text/calendar");
        ICalendar cal = Biweekly.parse(ics.body()).first();
        assertThat(cal).isNotNull();
        assertThat(cal.getEvents()).hasSizeGreaterThanOrEqualTo(13);
        assertThat(cal.getEvents().get(0).getSummary().getValue()).isEqualTo("Stretch");
        String rotated = Http.json(a.as(feedUser.token(), "POST", "/api/v1/me/calendar-feed", null))
                .get("url")
                .toString();
        assertThat(rotated).isNotEqualTo(feed);
        assertThat(HttpClient.newHttpClient()
                        .send(
                                HttpRequest.newBuilder(URI.create(feed.replace("localhost", "127.0.0.1")))
                                        .build(),
                                HttpResponse.BodyHandlers.ofString())
                        .statusCode())
                .isEqualTo(404);
        assertThat(a.as(feedUser.token(), "DELETE", "/api/v1/me/calendar-feed", null)
                        .statusCode())
                .as("the feed can be turned off")
                .isEqualTo(204);
        assertThat(HttpClient.newHttpClient()
                        .send(
                                HttpRequest.newBuilder(URI.create(rotated.replace("localhost", "127.0.0.1")))
                                        .build(),
                                HttpResponse.BodyHandlers.ofString())
                        .statusCode())
                .isEqualTo(404);
    }

    @Test
    void theExportContainsHabitsAndTheirRecords() {
        IdentityApiIT.Account exp = Accounts.register(a, "exp-" + UUID.randomUUID() + "@example.org");
        String id = Http.json(a.as(
                        exp.token(),
                        "POST",
                        "/api/v1/habits",
                        "{\"name\":\"Exported\",\"type\":\"journal\"," + "\"schedule\":{\"kind\":\"daily\"}}"))
                .get("id")
                .toString();
        assertThat(a.as(
                                exp.token(),
                                "PUT",
                                "/api/v1/habits/" + id + "/checkins/" + today(),
                                "{\"note\":\"Dear diary\"}")
                        .statusCode())
                .isEqualTo(200);
        HttpResponse<String> export = b.as(exp.token(), "GET", "/api/v1/me/export", null);
        assertThat(export.body()).contains("\"habits\"", "Exported", "Dear diary");
        IdentityApiIT.assertField(
                a.as(exp.token(), "PUT", "/api/v1/habits/" + id + "/checkins/" + today(), "{\"value\":3}"), "note");
    }

    private static IdentityApiIT.Account registerIn(String zone) {
        String email = "tz-" + UUID.randomUUID() + "@example.org";
        HttpResponse<String> r = a.send(
                "POST",
                "/api/v1/auth/register",
                "{\"email\":\"" + email + "\",\"password\":\"" + IdentityApiIT.PASSWORD + "\",\"timezone\":\"" + zone
                        + "\"}");
        Map<String, Object> body = Http.json(r);
        return new IdentityApiIT.Account(
                email,
                body.get("token").toString(),
                ((Map<?, ?>) body.get("user")).get("id").toString());
    }

    private static Map<?, ?> item(Map<String, Object> today, String habitId) {
        for (Object o : (List<?>) today.get("habits")) {
            Map<?, ?> item = (Map<?, ?>) o;
            if (habitId.equals(((Map<?, ?>) item.get("habit")).get("id"))) {
                return item;
            }
        }
        throw new AssertionError("habit " + habitId + " not in " + today);
    }

    static Object jsonArray(HttpResponse<String> r) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().readValue(r.body(), List.class);
        } catch (java.io.IOException e) {
            throw new AssertionError(r.body(), e);
        }
    }
}
