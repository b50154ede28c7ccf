package io.steadfast.itest;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A measurement habit's goal through two nodes on PostgreSQL and Redis: set, changed and removed; its progress in
 * the statistics follows every value and every change of the goal at once, on every node. Dates come from the
 * server's clock.
 */
class GoalsIT {

    static Http a;
    static Http b;
    static String token;

    @BeforeAll
    static void start() {
        Cluster cluster = Cluster.get();
        a = cluster.node(0);
        b = cluster.node(1);
        token = Accounts.register(a, "goals-" + UUID.randomUUID() + "@example.org")
                .token();
    }

    @Test
    void theGoalsLineFollowsEveryValueAndEveryChangeOfTheGoal() {
        LocalDate t = ServerTime.today(a);
        LocalDate by = t.plusDays(20);
        HttpResponse<String> created = a.as(
                token,
                "POST",
                "/api/v1/habits",
                "{\"name\":\"Weight\",\"type\":\"measurement\",\"schedule\":{\"kind\":\"daily\"},\"startDate\":\""
                        + t.minusDays(10) + "\",\"goal\":{\"value\":70,\"direction\":\"down\",\"by\":\"" + by
                        + "\"}}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String id = Http.json(created).get("id").toString();
        assertThat(Http.json(created).get("goal"))
                .isEqualTo(Map.of("value", 70, "direction", "down", "by", by.toString()));
        assertThat(Http.json(b.as(token, "GET", "/api/v1/habits/" + id, null)).get("goal"))
                .isEqualTo(Map.of("value", 70, "direction", "down", "by", by.toString()));
        assertThat(b.as(token, "GET", "/api/v1/habits", null).body()).contains("\"direction\":\"down\"");

        Map<?, ?> none = goal(b, id);
        assertThat(none.get("value")).isEqualTo(70);
        assertThat(none.get("start")).as("no value yet").isNull();
        assertThat(none.get("expectedToday")).isNull();
        assertThat(none.get("latest")).isNull();
        assertThat(none.get("onTrack")).isNull();

        // 80 on the first day, 70 by day 30: today (day 10) the line is at 80 - 10 * 10/30 = 76.6667
        put(id, t.minusDays(10), "80");
        put(id, t.minusDays(1), "77");
        Map<?, ?> behind = goal(b, id);
        assertThat(behind.get("start")).isEqualTo(Map.of("date", t.minusDays(10).toString(), "value", 80));
        assertThat(dec(behind.get("expectedToday"))).isEqualTo(new BigDecimal("76.6667"));
        assertThat(behind.get("latest")).isEqualTo(Map.of("date", t.minusDays(1).toString(), "value", 77));
        assertThat(behind.get("onTrack")).isEqualTo(false);

        put(id, t, "76.6667");
        Map<?, ?> onTheLine = goal(a, id);
        assertThat(dec(((Map<?, ?>) onTheLine.get("latest")).get("value"))).isEqualTo(new BigDecimal("76.6667"));
        assertThat(onTheLine.get("onTrack")).as("at the line is on track").isEqualTo(true);

        // an edit of the first value moves the line: 81 - 11 * 10/30 = 77.3333
        put(id, t.minusDays(10), "81");
        Map<?, ?> edited = goal(b, id);
        assertThat(dec(edited.get("expectedToday"))).isEqualTo(new BigDecimal("77.3333"));
        assertThat(edited.get("onTrack")).isEqualTo(true);

        // a change of the goal shows at once on the other node: up to 100, 81 + 19 * 10/30 = 87.3333
        HttpResponse<String> up = a.as(
                token,
                "PATCH",
                "/api/v1/habits/" + id,
                "{\"goal\":{\"value\":100,\"direction\":\"up\",\"by\":\"" + by + "\"}}");
        assertThat(up.statusCode()).as(up.body()).isEqualTo(200);
        Map<?, ?> upwards = goal(b, id);
        assertThat(upwards.get("direction")).isEqualTo("up");
        assertThat(dec(upwards.get("expectedToday"))).isEqualTo(new BigDecimal("87.3333"));
        assertThat(upwards.get("onTrack")).isEqualTo(false);

        HttpResponse<String> renamed = b.as(token, "PATCH", "/api/v1/habits/" + id, "{\"name\":\"Body weight\"}");
        assertThat(Http.json(renamed).get("goal")).as("kept by other changes").isNotNull();
        Map<?, ?> exported = ((List<?>)
                        Http.json(a.as(token, "GET", "/api/v1/me/export", null)).get("habits"))
                .stream()
                        .map(h -> (Map<?, ?>) ((Map<?, ?>) h).get("habit"))
                        .filter(h -> id.equals(h.get("id")))
                        .findFirst()
                        .orElseThrow();
        assertThat(exported.get("goal")).isEqualTo(Map.of("value", 100, "direction", "up", "by", by.toString()));

        HttpResponse<String> removed = a.as(token, "PATCH", "/api/v1/habits/" + id, "{\"goal\":null}");
        assertThat(removed.statusCode()).as(removed.body()).isEqualTo(200);
        assertThat(Http.json(removed)).containsEntry("goal", null);
        assertThat(stats(b, id)).containsEntry("goal", null).containsKey("streak");
    }

    @Test
    void pastItsDateTheLineIsAtTheGoal() {
        LocalDate t = ServerTime.today(a);
        String id =
                create(t.minusDays(30), "{\"value\":80.5,\"direction\":\"down\",\"by\":\"" + t.minusDays(5) + "\"}");
        put(id, t.minusDays(30), "90");
        put(id, t.minusDays(2), "80.75");
        Map<?, ?> g = goal(a, id);
        assertThat(dec(g.get("expectedToday"))).isEqualTo(new BigDecimal("80.5"));
        assertThat(g.get("onTrack")).isEqualTo(false);
        put(id, t.minusDays(1), "80.5");
        assertThat(goal(b, id).get("onTrack")).as("reached").isEqualTo(true);
    }

    @Test
    void anInvalidGoalIsA422NamingItsField() {
        LocalDate t = ServerTime.today(a);
        HttpResponse<String> count = a.as(
                token,
                "POST",
                "/api/v1/habits",
                "{\"name\":\"Water\",\"type\":\"count\",\"target\":8,\"schedule\":{\"kind\":\"daily\"},"
                        + "\"goal\":{\"value\":8,\"direction\":\"up\",\"by\":\"" + t.plusDays(9) + "\"}}");
        IdentityApiIT.assertField(count, "goal");
        assertThat(count.body()).contains("only measurement habits have a goal");
        HttpResponse<String> sideways =
                post(t, "{\"value\":70,\"direction\":\"sideways\",\"by\":\"" + t.plusDays(9) + "\"}");
        IdentityApiIT.assertField(sideways, "goal.direction");
        assertThat(sideways.body()).contains("one of down, up");
        IdentityApiIT.assertField(
                post(t, "{\"value\":70.00001,\"direction\":\"down\",\"by\":\"" + t.plusDays(9) + "\"}"), "goal.value");
        IdentityApiIT.assertField(post(t, "{\"value\":70,\"direction\":\"down\",\"by\":\"" + t + "\"}"), "goal.by");
        IdentityApiIT.assertField(post(t, "{\"value\":70,\"direction\":\"down\",\"by\":\"2200-01-01\"}"), "goal.by");
        HttpResponse<String> empty = post(t, "{}");
        IdentityApiIT.assertField(empty, "goal.value");
        IdentityApiIT.assertField(empty, "goal.direction");
        IdentityApiIT.assertField(empty, "goal.by");
        HttpResponse<String> text =
                post(t, "{\"value\":\"70\",\"direction\":\"down\",\"by\":\"" + t.plusDays(9) + "\"}");
        assertThat(text.statusCode()).as(text.body()).isEqualTo(400);
        assertThat(text.body()).contains("\"field\":\"goal.value\"", "must be a number");
        String id = create(t, "{\"value\":70,\"direction\":\"down\",\"by\":\"" + t.plusDays(9) + "\"}");
        HttpResponse<String> moved =
                b.as(token, "PATCH", "/api/v1/habits/" + id, "{\"startDate\":\"" + t.plusDays(9) + "\"}");
        IdentityApiIT.assertField(moved, "startDate");
        assertThat(moved.body()).contains("change or remove the goal");
    }

    @Test
    void theOpenApiDocumentDescribesTheGoalAsItIsSent() throws Exception {
        HttpResponse<String> doc = a.send("GET", "/api/openapi.json", null);
        assertThat(doc.statusCode()).isEqualTo(200);
        com.fasterxml.jackson.databind.JsonNode schemas = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(doc.body())
                .at("/components/schemas");
        assertThat(schemas.at("/GoalSpec/properties").fieldNames())
                .toIterable()
                .containsExactlyInAnyOrder("value", "direction", "by");
        assertThat(schemas.at("/HabitInput/properties/goal").toString()).contains("GoalSpec");
    }

    private static HttpResponse<String> post(LocalDate t, String goal) {
        return a.as(
                token,
                "POST",
                "/api/v1/habits",
                "{\"name\":\"Weight\",\"type\":\"measurement\",\"schedule\":{\"kind\":\"daily\"},\"startDate\":\"" + t
                        + "\",\"goal\":" + goal + "}");
    }

    private static String create(LocalDate start, String goal) {
        HttpResponse<String> r = post(start, goal);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return Http.json(r).get("id").toString();
    }

    private static void put(String id, LocalDate d, String value) {
        HttpResponse<String> r =
                a.as(token, "PUT", "/api/v1/habits/" + id + "/checkins/" + d, "{\"value\":" + value + "}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    }

    private static Map<String, Object> stats(Http node, String id) {
        HttpResponse<String> r = node.as(token, "GET", "/api/v1/habits/" + id + "/stats", null);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return Http.json(r);
    }

    private static Map<?, ?> goal(Http node, String id) {
        Object g = stats(node, id).get("goal");
        assertThat(g).as("the stats have a goal").isInstanceOf(Map.class);
        return (Map<?, ?>) g;
    }

    /** A JSON number as an exact decimal (Jackson reads 76.6667 as a double, whose shortest form is exact). */
    private static BigDecimal dec(Object n) {
        assertThat(n).isInstanceOf(Number.class);
        return new BigDecimal(n.toString()).stripTrailingZeros();
    }
}
