package io.steadfast.itest;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Groups and challenges through two nodes: a group with an owner and a member who joined by code, a challenge that
 * both join (each gets its habit, shared with the group), the leaderboard from the day each joined, the feed of a
 * fellow member, the owner's rights, and a deleted owner whose group passes to the oldest member. Dates come from
 * the server's clock.
 */
class GroupsIT {

    @Test
    void aGroupsChallengeRanksItsMembersAndTheGroupOutlivesItsOwner() throws Exception {
        Cluster cluster = Cluster.get();
        Http a = cluster.node(0);
        Http b = cluster.node(1);
        LocalDate t = ServerTime.today(a);
        IdentityApiIT.Account olga = Accounts.register(a, "g-olga-" + UUID.randomUUID() + "@example.org");
        IdentityApiIT.Account mia = Accounts.register(a, "g-mia-" + UUID.randomUUID() + "@example.org");
        IdentityApiIT.Account eve = Accounts.register(a, "g-eve-" + UUID.randomUUID() + "@example.org");

        HttpResponse<String> created =
                a.as(olga.token(), "POST", "/api/v1/groups", "{\"name\":\"Morning crew\",\"description\":\"6 am\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String group = Http.json(created).get("id").toString();
        assertThat(Http.json(created).get("role")).isEqualTo("owner");
        IdentityApiIT.assertField(a.as(olga.token(), "POST", "/api/v1/groups", "{\"name\":\"\"}"), "name");
        String code = Http.json(a.as(olga.token(), "POST", "/api/v1/groups/" + group + "/invite-codes", null))
                .get("code")
                .toString();
        HttpResponse<String> joined = b.as(mia.token(), "POST", "/api/v1/groups/join/" + code, null);
        assertThat(joined.statusCode()).as(joined.body()).isEqualTo(200);
        assertThat(Http.json(joined).get("role")).isEqualTo("member");
        assertThat(b.as(eve.token(), "POST", "/api/v1/groups/join/" + code, null)
                        .statusCode())
                .as("a used code")
                .isEqualTo(404);
        Map<String, Object> detail = Http.json(b.as(mia.token(), "GET", "/api/v1/groups/" + group, null));
        assertThat((List<?>) detail.get("members")).hasSize(2);
        assertThat(((Map<?, ?>) ((List<?>) detail.get("members")).get(0)).get("role"))
                .isEqualTo("owner");
        assertThat(a.as(eve.token(), "GET", "/api/v1/groups/" + group, null).statusCode())
                .isEqualTo(404);
        assertThat(a.as(mia.token(), "POST", "/api/v1/groups/" + group + "/invite-codes", null)
                        .statusCode())
                .as("only the owner makes codes")
                .isEqualTo(403);

        // a challenge both join; days before joining do not count
        HttpResponse<String> challenge = a.as(
                olga.token(),
                "POST",
                "/api/v1/groups/" + group + "/challenges",
                "{\"name\":\"Push-ups\",\"habit\":{\"type\":\"count\",\"target\":20,\"unit\":\"push-ups\","
                        + "\"schedule\":{\"kind\":\"daily\"}},\"startDate\":\"" + t.minusDays(2) + "\",\"endDate\":\""
                        + t.plusDays(27) + "\"}");
        assertThat(challenge.statusCode()).as(challenge.body()).isEqualTo(201);
        String cid = Http.json(challenge).get("id").toString();
        IdentityApiIT.assertField(
                a.as(
                        olga.token(),
                        "POST",
                        "/api/v1/groups/" + group + "/challenges",
                        "{\"name\":\"Long\",\"habit\":{\"type\":\"boolean\",\"schedule\":{\"kind\":\"daily\"}},"
                                + "\"startDate\":\"" + t + "\",\"endDate\":\"" + t.plusDays(400) + "\"}"),
                "endDate");
        String olgasHabit = Http.json(
                        a.as(olga.token(), "POST", "/api/v1/groups/" + group + "/challenges/" + cid + "/join", null))
                .get("myHabitId")
                .toString();
        String miasHabit = Http.json(
                        b.as(mia.token(), "POST", "/api/v1/groups/" + group + "/challenges/" + cid + "/join", null))
                .get("myHabitId")
                .toString();
        assertThat(b.as(mia.token(), "POST", "/api/v1/groups/" + group + "/challenges/" + cid + "/join", null)
                        .statusCode())
                .isEqualTo(409);
        Map<String, Object> habit = Http.json(a.as(olga.token(), "GET", "/api/v1/habits/" + olgasHabit, null));
        assertThat(habit.get("visibility")).isEqualTo("groups");
        assertThat(habit.get("groupIds")).isEqualTo(List.of(group));
        assertThat(habit.get("startDate")).isEqualTo(t.toString());

        assertThat(a.as(olga.token(), "PUT", "/api/v1/habits/" + olgasHabit + "/checkins/" + t, "{\"value\":20}")
                        .statusCode())
                .isEqualTo(200);
        b.as(mia.token(), "PUT", "/api/v1/habits/" + miasHabit + "/checkins/" + t, "{\"value\":5}");
        String secret = Http.json(a.as(
                        olga.token(),
                        "POST",
                        "/api/v1/habits",
                        "{\"name\":\"SecretGroupQx\",\"type\":\"boolean\",\"schedule\":{\"kind\":\"daily\"}}"))
                .get("id")
                .toString();
        a.as(olga.token(), "PUT", "/api/v1/habits/" + secret + "/checkins/" + t, "{}");

        List<?> board =
                list(b.as(mia.token(), "GET", "/api/v1/groups/" + group + "/challenges/" + cid + "/leaderboard", null));
        assertThat(board).hasSize(2);
        Map<?, ?> first = (Map<?, ?>) board.get(0);
        assertThat(first.get("userId")).isEqualTo(olga.userId());
        assertThat(first.get("rank")).isEqualTo(1);
        assertThat(((Number) first.get("completionRate")).doubleValue()).isEqualTo(1.0);
        assertThat(first.get("doneDays")).isEqualTo(1);
        assertThat(((Map<?, ?>) board.get(1)).get("doneDays")).isEqualTo(0);
        assertThat(a.as(eve.token(), "GET", "/api/v1/groups/" + group + "/challenges/" + cid + "/leaderboard", null)
                        .statusCode())
                .isEqualTo(404);

        // a fellow member sees the group's habits in the feed, never a private one
        HttpResponse<String> feed =
                b.awaitAs(mia.token(), "/api/v1/feed", r -> r.body().contains(olgasHabit), Duration.ofSeconds(30));
        assertThat(feed.body()).contains("Push-ups", "\"challenge_joined\"").doesNotContain("SecretGroupQx", secret);
        assertThat(b.as(mia.token(), "GET", "/api/v1/groups/" + group + "/challenges/" + cid + "/leaderboard", null)
                        .body())
                .doesNotContain("SecretGroupQx", secret);
        assertThat(a.as(eve.token(), "GET", "/api/v1/feed", null).body()).doesNotContain(olgasHabit);
        // a habit shared with a group one is not in
        IdentityApiIT.assertField(
                a.as(
                        eve.token(),
                        "POST",
                        "/api/v1/habits",
                        "{\"name\":\"X\",\"type\":\"boolean\",\"schedule\":{\"kind\":\"daily\"},\"visibility\":"
                                + "\"groups\",\"groupIds\":[\"" + group + "\"]}"),
                "groupIds");

        // the owner cannot leave before handing over; the group passes to the oldest member when its owner goes
        assertThat(a.as(olga.token(), "DELETE", "/api/v1/groups/" + group + "/members/" + olga.userId(), null)
                        .statusCode())
                .isEqualTo(409);
        HttpResponse<String> handed = a.as(
                olga.token(), "POST", "/api/v1/groups/" + group + "/owner", "{\"userId\":\"" + mia.userId() + "\"}");
        assertThat(handed.statusCode()).as(handed.body()).isEqualTo(200);
        assertThat(Http.json(handed).get("role")).isEqualTo("member");
        assertThat(b.as(mia.token(), "DELETE", "/api/v1/me", "{\"password\":\"" + IdentityApiIT.PASSWORD + "\"}")
                        .statusCode())
                .isEqualTo(204);
        Map<String, Object> after = Http.json(a.as(olga.token(), "GET", "/api/v1/groups/" + group, null));
        assertThat(after.get("role")).isEqualTo("owner");
        assertThat((List<?>) after.get("members")).hasSize(1);
        assertThat(((Map<?, ?>) Http.json(a.as(olga.token(), "GET", "/api/v1/me/export", null))
                                .get("accountability"))
                        .get("groups")
                        .toString())
                .contains("Morning crew");

        assertThat(a.as(olga.token(), "DELETE", "/api/v1/groups/" + group, null).statusCode())
                .isEqualTo(204);
        assertThat(a.as(olga.token(), "GET", "/api/v1/groups/" + group, null).statusCode())
                .isEqualTo(404);
        assertThat(a.as(olga.token(), "GET", "/api/v1/habits/" + olgasHabit, null)
                        .statusCode())
                .as("the members' habits stay")
                .isEqualTo(200);
    }

    private static List<?> list(HttpResponse<String> r) throws Exception {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return new ObjectMapper().readValue(r.body(), List.class);
    }
}
