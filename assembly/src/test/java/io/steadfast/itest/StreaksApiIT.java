package io.steadfast.itest;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Stats, series, analytics and achievements through two nodes on PostgreSQL and Redis. */
class StreaksApiIT {

    static Http a;
    static Http b;
    static String token;

    @BeforeAll
    static void start() {
        Cluster cluster = Cluster.get();
        a = cluster.node(0);
        b = cluster.node(1);
        token = Accounts.register(a, "streaks-" + UUID.randomUUID() + "@example.org")
                .token();
    }

    /** Today of the test accounts, by the server's clock. */
    static LocalDate today() {
        return ServerTime.today(a);
    }

    @Test
    void statsFollowEveryWriteOnEveryNode() {
        LocalDate t = today();
        String id = Http.json(a.as(
                        token,
                        "POST",
                        "/api/v1/habits",
                        "{\"name\":\"Run\",\"type\":\"boolean\"," + "\"schedule\":{\"kind\":\"daily\"},\"startDate\":\""
                                + t.minusDays(20) + "\"}"))
                .get("id")
                .toString();
        for (int i = 9; i >= 1; i--) {
            put(id, t.minusDays(i), i == 5 ? "{\"status\":\"skipped\"}" : "{}");
        }
        Map<?, ?> streak = (Map<?, ?>) stats(b, id).get("streak");
        assertThat(streak.get("current")).isEqualTo(8);
        assertThat(streak.get("unit")).isEqualTo("days");
        assertThat(streak.get("currentStart")).isEqualTo(t.minusDays(9).toString());
        put(id, t, "{}");
        assertThat(((Map<?, ?>) stats(a, id).get("streak")).get("current")).isEqualTo(9);
        // a missed record (a yes/no habit's value 0) three days back: days before the habit was created count
        // only with a record, so deleting one would leave a neutral day; recording it missed breaks the streak
        put(id, t.minusDays(3), "{\"value\":0}");
        Map<String, Object> after = stats(a, id);
        assertThat(((Map<?, ?>) after.get("streak")).get("current"))
                .as("an edit of a past day recomputes from it")
                .isEqualTo(3);
        assertThat(((Map<?, ?>) after.get("streak")).get("longest")).isEqualTo(5);
        assertThat((Double) after.get("strength")).isBetween(0.0, 1.0);
        assertThat(((Map<?, ?>) after.get("totals")).get("doneDays")).isEqualTo(8);
        assertThat(after).containsKeys("completion", "bestWeekday");
        assertThat(after.get("bestWeekday").toString())
                .as("weekdays are MON..SUN")
                .matches("[A-Z]{3}");
    }

    @Test
    void freeHistoryALimitHabitStartedAYearBackEarnsNothingByItself() {
        String user = Accounts.register(a, "free-" + UUID.randomUUID() + "@example.org")
                .token();
        LocalDate t = today();
        HttpResponse<String> created = a.as(
                user,
                "POST",
                "/api/v1/habits",
                "{\"name\":\"Coffee\",\"type\":\"limit\",\"target\":2,\"schedule\":{\"kind\":\"daily\"},"
                        + "\"startDate\":\"" + t.minusYears(1) + "\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String id = Http.json(created).get("id").toString();
        Map<String, Object> stats = Http.json(b.as(user, "GET", "/api/v1/habits/" + id + "/stats", null));
        Map<?, ?> streak = (Map<?, ?>) stats.get("streak");
        assertThat(streak.get("current")).as(stats.toString()).isEqualTo(0);
        assertThat(streak.get("longest")).isEqualTo(0);
        assertThat(((Map<?, ?>) stats.get("totals")).get("doneDays")).isEqualTo(0);
        HttpResponse<String> achievements = a.as(user, "GET", "/api/v1/achievements", null);
        assertThat(Http.json(achievements).get("earned").toString()).isEqualTo("[]");
        HttpResponse<String> cal =
                b.as(user, "GET", "/api/v1/calendar?from=" + t.minusDays(7) + "&to=" + t.minusDays(1), null);
        assertThat(cal.body()).as("unrecorded days before the habit existed").doesNotContain("\"done\"", "\"missed\"");
        // a recorded day before the creation counts
        HttpResponse<String> put =
                a.as(user, "PUT", "/api/v1/habits/" + id + "/checkins/" + t.minusDays(3), "{\"value\":1}");
        assertThat(Http.json(put).get("status")).isEqualTo("done");
        assertThat(((Map<?, ?>) Http.json(b.as(user, "GET", "/api/v1/habits/" + id + "/stats", null))
                                .get("totals"))
                        .get("doneDays"))
                .isEqualTo(1);
    }

    @Test
    void aFourTimesAMonthHabitIsJudgedPerMonth() {
        String user = Accounts.register(a, "monthly-" + UUID.randomUUID() + "@example.org")
                .token();
        LocalDate t = today();
        LocalDate first = t.withDayOfMonth(1).minusMonths(1);
        LocalDate last = first.withDayOfMonth(first.lengthOfMonth());
        String id = Http.json(a.as(
                        user,
                        "POST",
                        "/api/v1/habits",
                        "{\"name\":\"Call mum\",\"type\":\"boolean\","
                                + "\"schedule\":{\"kind\":\"times_per_month\",\"times\":4},\"startDate\":\""
                                + first + "\"}"))
                .get("id")
                .toString();
        assertThat(a.as(user, "PUT", "/api/v1/habits/" + id + "/checkins/" + first.plusDays(1), "{}")
                        .statusCode())
                .isEqualTo(200);
        HttpResponse<String> analytics = b.as(user, "GET", "/api/v1/analytics?from=" + first + "&to=" + last, null);
        assertThat(analytics.statusCode()).as(analytics.body()).isEqualTo(200);
        Map<?, ?> habit = (Map<?, ?>) ((List<?>) Http.json(analytics).get("habits")).get(0);
        assertThat(habit.get("due"))
                .as("4 occasions in the month, not %s days", first.lengthOfMonth())
                .isEqualTo(4);
        assertThat(habit.get("done")).isEqualTo(1);
        assertThat((Double) habit.get("rate")).isEqualTo(0.25);
        HttpResponse<String> cal = b.as(user, "GET", "/api/v1/calendar?from=" + first + "&to=" + last, null);
        int notDue = 0;
        for (Object calDay : (List<?>) Http.json(cal).get("days")) {
            for (Object h : (List<?>) ((Map<?, ?>) calDay).get("habits")) {
                Map<?, ?> item = (Map<?, ?>) h;
                assertThat(item.get("status")).as("no single day is missed").isIn("done", "not_due");
                assertThat(((Map<?, ?>) item.get("period")).get("status")).isEqualTo("missed");
                notDue += "not_due".equals(item.get("status")) ? 1 : 0;
            }
        }
        assertThat(notDue).isEqualTo(first.lengthOfMonth() - 1);
    }

    @Test
    void aVacationPausesHabitsAndTheStreakSurvivesIt() {
        String user = Accounts.register(a, "vacation-" + UUID.randomUUID() + "@example.org")
                .token();
        String bob = Accounts.register(a, "vacation-bob-" + UUID.randomUUID() + "@example.org")
                .token();
        LocalDate t = today();
        String id = Http.json(a.as(
                        user,
                        "POST",
                        "/api/v1/habits",
                        "{\"name\":\"Walk\",\"type\":\"boolean\",\"schedule\":{\"kind\":\"daily\"},"
                                + "\"startDate\":\"" + t.minusDays(5) + "\"}"))
                .get("id")
                .toString();
        a.as(user, "PUT", "/api/v1/habits/" + id + "/checkins/" + t.minusDays(2), "{}");
        a.as(user, "PUT", "/api/v1/habits/" + id + "/checkins/" + t.minusDays(1), "{}");
        HttpResponse<String> created =
                b.as(user, "POST", "/api/v1/me/vacations", "{\"from\":\"" + t + "\",\"to\":\"" + t.plusDays(3) + "\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String vacation = Http.json(created).get("id").toString();
        assertThat(created.headers().firstValue("Location").orElseThrow()).endsWith("/api/v1/me/vacations/" + vacation);
        assertThat(Http.json(created).get("habitIds")).as("all habits").isNull();
        Map<?, ?> item = (Map<?, ?>)
                ((List<?>) Http.json(a.as(user, "GET", "/api/v1/today", null)).get("habits")).get(0);
        assertThat(item.get("status")).isEqualTo("paused");
        assertThat(item.get("due")).isEqualTo(false);
        assertThat(((Map<?, ?>) stats(a, user, id).get("streak")).get("current"))
                .isEqualTo(2);
        assertThat((List<?>) HabitApiIT.jsonArray(b.as(user, "GET", "/api/v1/me/vacations", null)))
                .hasSize(1);
        assertThat(Http.json(a.as(user, "GET", "/api/v1/me/export", null))
                        .get("vacations")
                        .toString())
                .as("vacations are in the export")
                .contains(vacation);
        assertThat(b.as(bob, "GET", "/api/v1/me/vacations/" + vacation, null).statusCode())
                .as("another user's vacation")
                .isEqualTo(404);
        assertThat(b.as(bob, "DELETE", "/api/v1/me/vacations/" + vacation, null).statusCode())
                .isEqualTo(404);
        IdentityApiIT.assertField(
                a.as(
                        user,
                        "POST",
                        "/api/v1/me/vacations",
                        "{\"from\":\"" + t.minusDays(1) + "\",\"to\":\"" + t + "\"}"),
                "from");
        IdentityApiIT.assertField(
                a.as(user, "POST", "/api/v1/me/vacations", "{\"from\":\"" + t.plusDays(2) + "\",\"to\":\"" + t + "\"}"),
                "to");
        IdentityApiIT.assertField(
                a.as(
                        user,
                        "POST",
                        "/api/v1/me/vacations",
                        "{\"from\":\"" + t + "\",\"to\":\"" + t + "\",\"habitIds\":[\"" + UUID.randomUUID() + "\"]}"),
                "habitIds");
        // cancelled before it is over: today is due again
        assertThat(a.as(user, "DELETE", "/api/v1/me/vacations/" + vacation, null)
                        .statusCode())
                .isEqualTo(204);
        Map<?, ?> again = (Map<?, ?>)
                ((List<?>) Http.json(a.as(user, "GET", "/api/v1/today", null)).get("habits")).get(0);
        assertThat(again.get("status")).isEqualTo("pending");
    }

    @Test
    void aScheduleChangeAppliesFromTheChangeOnAndKeepsThePastStreak() {
        LocalDate t = today();
        String id = Http.json(a.as(
                        token,
                        "POST",
                        "/api/v1/habits",
                        "{\"name\":\"Stretch\",\"type\":\"boolean\","
                                + "\"schedule\":{\"kind\":\"daily\"},\"startDate\":\"" + t.minusDays(12) + "\"}"))
                .get("id")
                .toString();
        for (int i = 10; i >= 1; i--) {
            put(id, t.minusDays(i), "{}");
        }
        assertThat(((Map<?, ?>) stats(a, id).get("streak")).get("current")).isEqualTo(10);
        String day = t.getDayOfWeek().name().substring(0, 3);
        HttpResponse<String> patched = b.as(
                token,
                "PATCH",
                "/api/v1/habits/" + id,
                "{\"schedule\":{\"kind\":\"weekdays\",\"days\":[\"" + day + "\"]}}");
        assertThat(patched.statusCode()).as(patched.body()).isEqualTo(200);
        assertThat(patched.body()).contains("\"kind\":\"weekdays\"");
        Map<?, ?> streak = (Map<?, ?>) stats(a, id).get("streak");
        assertThat(streak.get("current")).as("the past daily run still stands").isEqualTo(10);
        assertThat(streak.get("longest")).isEqualTo(10);
        HttpResponse<String> cal =
                a.as(token, "GET", "/api/v1/calendar?from=" + t.minusDays(10) + "&to=" + t.minusDays(1), null);
        for (Object calDay : (List<?>) Http.json(cal).get("days")) {
            for (Object h : (List<?>) ((Map<?, ?>) calDay).get("habits")) {
                Map<?, ?> item = (Map<?, ?>) h;
                if (id.equals(item.get("habitId"))) {
                    assertThat(item.get("due"))
                            .as("past days keep their daily schedule")
                            .isEqualTo(true);
                    assertThat(item.get("status")).isEqualTo("done");
                }
            }
        }
        HttpResponse<String> weekly = b.as(
                token, "PATCH", "/api/v1/habits/" + id, "{\"schedule\":{\"kind\":\"times_per_week\",\"times\":3}}");
        assertThat(weekly.statusCode()).isEqualTo(200);
        Map<?, ?> weeks = (Map<?, ?>) stats(a, id).get("streak");
        assertThat(weeks.get("unit")).isEqualTo("weeks");
        assertThat(((Map<?, ?>) stats(a, id).get("totals")).get("doneDays"))
                .as("a new unit starts afresh")
                .isEqualTo(0);
    }

    @Test
    void perPeriodStreaksCountWeeks() {
        LocalDate t = today();
        String id = Http.json(a.as(
                        token,
                        "POST",
                        "/api/v1/habits",
                        "{\"name\":\"Gym\",\"type\":\"boolean\","
                                + "\"schedule\":{\"kind\":\"times_per_week\",\"times\":1},\"startDate\":\""
                                + t.minusDays(40)
                                + "\"}"))
                .get("id")
                .toString();
        for (int w = 0; w < 5; w++) {
            put(id, t.minusDays(7L * w), "{}");
        }
        Map<?, ?> streak = (Map<?, ?>) stats(b, id).get("streak");
        assertThat(streak.get("unit")).isEqualTo("weeks");
        assertThat((Integer) streak.get("current")).isGreaterThanOrEqualTo(5);
    }

    @Test
    void seriesAndAnalyticsDescribeTheHistory() {
        LocalDate t = today();
        String id = Http.json(a.as(
                        token,
                        "POST",
                        "/api/v1/habits",
                        "{\"name\":\"Pages\",\"type\":\"count\","
                                + "\"target\":10,\"schedule\":{\"kind\":\"daily\"},\"startDate\":\"" + t.minusDays(30)
                                + "\"}"))
                .get("id")
                .toString();
        // two days of one week (weeks start on Monday, the accounts' default), whatever day today is
        LocalDate monday = t.minusWeeks(1).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        put(id, monday, "{\"value\":12}");
        put(id, monday.plusDays(1), "{\"value\":4}");
        HttpResponse<String> weeks = b.as(
                token,
                "GET",
                "/api/v1/habits/" + id + "/series?granularity=week&from=" + t.minusDays(27) + "&to=" + t,
                null);
        assertThat(weeks.statusCode()).as(weeks.body()).isEqualTo(200);
        List<?> buckets = (List<?>) HabitApiIT.jsonArray(weeks);
        assertThat(buckets.size()).isBetween(4, 5);
        assertThat(weeks.body()).contains("\"value\":16");
        HttpResponse<String> twelve = b.as(token, "GET", "/api/v1/habits/" + id + "/series?granularity=month", null);
        assertThat(((List<?>) HabitApiIT.jsonArray(twelve)).size())
                .as("the last 12 months, this one included")
                .isEqualTo(12);
        assertThat(((List<?>) HabitApiIT.jsonArray(b.as(token, "GET", "/api/v1/habits/" + id + "/series", null)))
                        .size())
                .as("the last 12 weeks")
                .isEqualTo(12);
        IdentityApiIT.assertField(
                b.as(token, "GET", "/api/v1/habits/" + id + "/series?granularity=day", null), "granularity");
        HttpResponse<String> analytics =
                a.as(token, "GET", "/api/v1/analytics?from=" + t.minusDays(6) + "&to=" + t, null);
        assertThat(analytics.statusCode()).isEqualTo(200);
        assertThat(Http.json(analytics)).containsKeys("overall", "habits", "weekdays");
        IdentityApiIT.assertField(a.as(token, "GET", "/api/v1/analytics?from=2020-01-01&to=2022-01-01", null), "to");
    }

    @Test
    void achievementsAreAwardedOnceAtTheCheckinThatReachesThem() {
        String user = Accounts.register(a, "ach-" + UUID.randomUUID() + "@example.org")
                .token();
        LocalDate t = today();
        String id = Http.json(a.as(
                        user,
                        "POST",
                        "/api/v1/habits",
                        "{\"name\":\"Floss\",\"type\":\"boolean\","
                                + "\"schedule\":{\"kind\":\"daily\"},\"startDate\":\"" + t.minusDays(10) + "\"}"))
                .get("id")
                .toString();
        HttpResponse<String> none = b.as(user, "GET", "/api/v1/achievements", null);
        assertThat(Http.json(none).get("earned").toString()).isEqualTo("[]");
        assertThat(none.body()).contains("first-checkin");
        for (int i = 7; i >= 1; i--) {
            assertThat(a.as(user, "PUT", "/api/v1/habits/" + id + "/checkins/" + t.minusDays(i), "{}")
                            .statusCode())
                    .isEqualTo(200);
        }
        a.as(user, "PUT", "/api/v1/habits/" + id + "/checkins/" + t.minusDays(1), "{\"note\":\"again\"}");
        // achievements are awarded after the commit, off the request thread: within moments
        HttpResponse<String> got = b.as(user, "GET", "/api/v1/achievements", null);
        for (int i = 0; i < 100 && !earnedCodes(got).containsAll(List.of("first-checkin", "streak-7")); i++) {
            sleep(100);
            got = b.as(user, "GET", "/api/v1/achievements", null);
        }
        List<?> earned = (List<?>) Http.json(got).get("earned");
        long firsts = earned.stream()
                .filter(e -> "first-checkin".equals(((Map<?, ?>) e).get("code")))
                .count();
        long sevens = earned.stream()
                .filter(e -> "streak-7".equals(((Map<?, ?>) e).get("code")))
                .count();
        assertThat(firsts).isEqualTo(1);
        assertThat(sevens).isEqualTo(1);
        assertThat(got.body()).contains("\"reachedOn\"", "streak-30");
        Map<?, ?> seven = (Map<?, ?>) earned.stream()
                .filter(e -> "streak-7".equals(((Map<?, ?>) e).get("code")))
                .findFirst()
                .orElseThrow();
        assertThat(seven.get("reachedOn"))
                .as("the day the streak reached 7 in the history")
                .isEqualTo(t.minusDays(1).toString());
        assertThat(b.as(user, "GET", "/api/v1/me/export", null).body()).contains("\"achievements\"", "streak-7");
    }

    private static List<?> earnedCodes(HttpResponse<String> r) {
        return ((List<?>) Http.json(r).get("earned"))
                .stream().map(e -> ((Map<?, ?>) e).get("code")).toList();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void put(String id, LocalDate d, String body) {
        HttpResponse<String> r = a.as(token, "PUT", "/api/v1/habits/" + id + "/checkins/" + d, body);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    }

    private static Map<String, Object> stats(Http node, String user, String id) {
        HttpResponse<String> r = node.as(user, "GET", "/api/v1/habits/" + id + "/stats", null);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return Http.json(r);
    }

    private static Map<String, Object> stats(Http node, String id) {
        HttpResponse<String> r = node.as(token, "GET", "/api/v1/habits/" + id + "/stats", null);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return Http.json(r);
    }
}
