package io.steadfast.itest;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Accountability partners through two nodes on PostgreSQL and Redis: an invitation by email and its answer, an
 * invite code, what a partner sees of the habits shared with them (and never of a private one, nor a note the owner
 * does not share), the end of a partnership, the export and a deleted account. Dates come from the server's clock.
 */
class PartnersIT {

    static Http a;
    static Http b;

    @BeforeAll
    static void start() {
        Cluster cluster = Cluster.get();
        a = cluster.node(0);
        b = cluster.node(1);
    }

    private static IdentityApiIT.Account register(String who) {
        return Accounts.register(a, who + "-" + UUID.randomUUID() + "@example.org");
    }

    private static String habit(IdentityApiIT.Account owner, String name, String sharing) {
        LocalDate t = ServerTime.today(a);
        HttpResponse<String> r = a.as(
                owner.token(),
                "POST",
                "/api/v1/habits",
                "{\"name\":\"" + name + "\",\"type\":\"boolean\",\"schedule\":{\"kind\":\"daily\"},\"startDate\":\""
                        + t.minusDays(10) + "\"" + sharing + "}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return Http.json(r).get("id").toString();
    }

    private static void checkin(IdentityApiIT.Account owner, String habitId, LocalDate day, String note) {
        HttpResponse<String> r = a.as(
                owner.token(), "PUT", "/api/v1/habits/" + habitId + "/checkins/" + day, "{\"note\":\"" + note + "\"}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    }

    @Test
    void partnersSeeWhatIsSharedWithThemAndNothingElse() {
        LocalDate t = ServerTime.today(a);
        IdentityApiIT.Account ann = register("ann");
        IdentityApiIT.Account bob = register("bob");
        IdentityApiIT.Account eve = register("eve");
        String run = habit(ann, "Run", ",\"visibility\":\"partners\",\"shareNotes\":true");
        String read = habit(ann, "Read", ",\"visibility\":\"partners\"");
        String secret = habit(ann, "SecretHabitQx", "");
        checkin(ann, run, t, "run-note-shared");
        checkin(ann, run, t.minusDays(1), "run-note-yesterday");
        checkin(ann, read, t, "read-note-Qx");
        checkin(ann, secret, t, "secret-note-Qx");
        List<String> seen = new ArrayList<>();

        // an invitation by email: the same answer for an address with and without an account
        HttpResponse<String> invited = a.as(
                ann.token(),
                "POST",
                "/api/v1/partners/invitations",
                "{\"email\":\"" + bob.email().toUpperCase() + "\"}");
        assertThat(invited.statusCode()).as(invited.body()).isEqualTo(201);
        assertThat(invited.headers().firstValue("Location")).isPresent();
        HttpResponse<String> nobody = a.as(
                ann.token(),
                "POST",
                "/api/v1/partners/invitations",
                "{\"email\":\"nobody-" + UUID.randomUUID() + "@example.org\"}");
        assertThat(nobody.statusCode()).isEqualTo(201);
        assertThat(Http.json(nobody).keySet()).isEqualTo(Http.json(invited).keySet());
        assertThat(Http.json(nobody).get("status")).isEqualTo(Http.json(invited).get("status"));
        String invitation = Http.json(invited).get("id").toString();

        // nothing is visible before the answer
        assertThat(b.as(bob.token(), "GET", "/api/v1/partners/" + ann.userId() + "/habits", null)
                        .statusCode())
                .isEqualTo(404);
        HttpResponse<String> bobsInvitations = b.as(bob.token(), "GET", "/api/v1/partners/invitations", null);
        seen.add(bobsInvitations.body());
        List<?> received = (List<?>) Http.json(bobsInvitations).get("received");
        assertThat(received).hasSize(1);
        assertThat(((Map<?, ?>) received.get(0)).get("id")).isEqualTo(invitation);
        // only the invitee answers; the others get 404
        assertThat(a.as(eve.token(), "POST", "/api/v1/partners/invitations/" + invitation + "/accept", null)
                        .statusCode())
                .isEqualTo(404);
        HttpResponse<String> accepted =
                b.as(bob.token(), "POST", "/api/v1/partners/invitations/" + invitation + "/accept", null);
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(200);
        assertThat(Http.json(accepted).get("userId")).isEqualTo(ann.userId());
        assertThat(b.as(bob.token(), "POST", "/api/v1/partners/invitations/" + invitation + "/decline", null)
                        .statusCode())
                .isEqualTo(409);
        // each side heard of it: Bob of the invitation, Ann of the answer
        List<Map<?, ?>> bobsNews = items(b.as(bob.token(), "GET", "/api/v1/notifications", null));
        assertThat(bobsNews).extracting(n -> (Object) n.get("kind")).containsExactly("partner_invitation");
        assertThat(((Map<?, ?>) bobsNews.get(0).get("actor")).get("userId")).isEqualTo(ann.userId());
        assertThat(bobsNews.get(0).get("invitationId")).isEqualTo(invitation);
        HttpResponse<String> annsNews = a.as(ann.token(), "GET", "/api/v1/notifications?unread=true", null);
        assertThat(items(annsNews)).extracting(n -> (Object) n.get("kind")).containsExactly("partner_accepted");
        assertThat(Http.json(a.as(ann.token(), "GET", "/api/v1/notifications/unread-count", null))
                        .get("count"))
                .isEqualTo(1);
        assertThat(Http.json(a.as(ann.token(), "POST", "/api/v1/notifications/read", "{\"all\":true}"))
                        .get("updated"))
                .isEqualTo(1);
        assertThat(Http.json(b.as(ann.token(), "GET", "/api/v1/notifications/unread-count", null))
                        .get("count"))
                .isEqualTo(0);
        IdentityApiIT.assertField(a.as(ann.token(), "POST", "/api/v1/notifications/read", "{}"), "ids");
        IdentityApiIT.assertField(a.as(ann.token(), "GET", "/api/v1/notifications?cursor=abc", null), "cursor");
        seen.add(b.as(bob.token(), "GET", "/api/v1/notifications", null).body());
        HttpResponse<String> annsPartners = a.as(ann.token(), "GET", "/api/v1/partners", null);
        seen.add(annsPartners.body());
        assertThat(annsPartners.body()).contains(bob.userId());

        // what Bob sees of Ann: the shared habits with today, their streaks; never the private one
        HttpResponse<String> shared = b.as(bob.token(), "GET", "/api/v1/partners/" + ann.userId() + "/habits", null);
        assertThat(shared.statusCode()).as(shared.body()).isEqualTo(200);
        seen.add(shared.body());
        List<Map<?, ?>> habits = list(shared);
        assertThat(habits)
                .extracting(h -> (Object) ((Map<?, ?>) h.get("habit")).get("name"))
                .containsExactly("Run", "Read");
        Map<?, ?> runView = habits.get(0);
        assertThat(((Map<?, ?>) runView.get("today")).get("status")).isEqualTo("done");
        assertThat(((Map<?, ?>) runView.get("streak")).get("current")).isEqualTo(2);

        HttpResponse<String> runDays = b.as(
                bob.token(),
                "GET",
                "/api/v1/partners/" + ann.userId() + "/habits/" + run + "/calendar?from=" + t.minusDays(1) + "&to=" + t,
                null);
        assertThat(runDays.statusCode()).as(runDays.body()).isEqualTo(200);
        seen.add(runDays.body());
        assertThat(runDays.body()).contains("run-note-shared", "run-note-yesterday");
        HttpResponse<String> readDays =
                b.as(bob.token(), "GET", "/api/v1/partners/" + ann.userId() + "/habits/" + read + "/calendar", null);
        assertThat(readDays.statusCode()).isEqualTo(200);
        seen.add(readDays.body());
        assertThat(list(readDays, "days")).hasSize(28);
        assertThat(b.as(
                                bob.token(),
                                "GET",
                                "/api/v1/partners/" + ann.userId() + "/habits/" + secret + "/calendar",
                                null)
                        .statusCode())
                .isEqualTo(404);
        IdentityApiIT.assertField(
                b.as(
                        bob.token(),
                        "GET",
                        "/api/v1/partners/" + ann.userId() + "/habits/" + run + "/calendar?from=" + t + "&to="
                                + t.minusDays(1),
                        null),
                "to");
        // someone who is not a partner sees nothing
        assertThat(a.as(eve.token(), "GET", "/api/v1/partners/" + ann.userId() + "/habits", null)
                        .statusCode())
                .isEqualTo(404);
        assertThat(a.as(eve.token(), "GET", "/api/v1/partners/" + ann.userId() + "/habits/" + run + "/calendar", null)
                        .statusCode())
                .isEqualTo(404);

        // the feed: Ann's done days on the shared habits (written after the commits, off the request thread)
        HttpResponse<String> feed =
                b.awaitAs(bob.token(), "/api/v1/feed", r -> items(r).size() == 3, java.time.Duration.ofSeconds(30));
        seen.add(feed.body());
        List<Map<?, ?>> news = items(feed);
        assertThat(news)
                .extracting(n -> (Object) ((Map<?, ?>) n.get("habit")).get("name"))
                .containsExactlyInAnyOrder("Run", "Run", "Read");
        Map<?, ?> runToday = news.stream()
                .filter(n -> ((Map<?, ?>) n.get("habit")).get("id").equals(run)
                        && n.get("date").equals(t.toString()))
                .findFirst()
                .orElseThrow();
        assertThat(runToday.get("backfilled")).isEqualTo(false);
        assertThat(((Map<?, ?>) runToday.get("actor")).get("userId")).isEqualTo(ann.userId());
        String item = runToday.get("id").toString();
        Map<String, Object> cheered = Http.json(b.as(bob.token(), "POST", "/api/v1/feed/" + item + "/cheers", null));
        assertThat(cheered).containsEntry("count", 1).containsEntry("mine", true);
        assertThat(Http.json(a.as(bob.token(), "POST", "/api/v1/feed/" + item + "/cheers", null)))
                .as("idempotent")
                .containsEntry("count", 1);
        assertThat(a.as(eve.token(), "POST", "/api/v1/feed/" + item + "/cheers", null)
                        .statusCode())
                .isEqualTo(404);
        assertThat(a.as(eve.token(), "POST", "/api/v1/feed/not-an-id/cheers", null)
                        .statusCode())
                .isEqualTo(404);
        assertThat(items(a.as(ann.token(), "GET", "/api/v1/notifications", null)))
                .extracting(n -> (Object) n.get("kind"))
                .contains("cheer");
        assertThat(Http.json(b.as(bob.token(), "DELETE", "/api/v1/feed/" + item + "/cheers", null)))
                .containsEntry("count", 0)
                .containsEntry("mine", false);
        // a week in a row: the streak's milestone reaches the feed too (backfilled days count, and say so)
        for (int back = 2; back <= 6; back++) {
            checkin(ann, run, t.minusDays(back), "");
        }
        HttpResponse<String> week = b.awaitAs(
                bob.token(),
                "/api/v1/feed",
                // the milestone and every backfilled day (delivered after the commits, in any order)
                r -> items(r).stream().anyMatch(n -> "streak_milestone".equals(n.get("kind")))
                        && items(r).stream()
                                        .filter(n -> "checkin".equals(n.get("kind"))
                                                && Boolean.TRUE.equals(n.get("backfilled")))
                                        .count()
                                == 6,
                java.time.Duration.ofSeconds(30));
        Map<?, ?> milestone = items(week).stream()
                .filter(n -> "streak_milestone".equals(n.get("kind")))
                .findFirst()
                .orElseThrow();
        assertThat(milestone.get("milestone")).isEqualTo(7);
        HttpResponse<String> earned = b.awaitAs(
                bob.token(),
                "/api/v1/feed",
                r -> items(r).stream().anyMatch(n -> "streak-7".equals(n.get("achievement"))),
                java.time.Duration.ofSeconds(30));
        assertThat(items(earned).stream().filter(n -> "achievement".equals(n.get("kind"))))
                .allSatisfy(
                        n -> assertThat(((Map<?, ?>) n.get("habit")).get("id")).isEqualTo(run));
        assertThat(items(week).stream()
                        .filter(n -> "checkin".equals(n.get("kind")) && Boolean.TRUE.equals(n.get("backfilled"))))
                .as("the days before today, yesterday's included")
                .hasSize(6);
        seen.add(week.body());
        assertThat(items(a.as(eve.token(), "GET", "/api/v1/feed", null))).isEmpty();

        // a habit made private disappears at once, on every node
        assertThat(a.as(ann.token(), "PATCH", "/api/v1/habits/" + read, "{\"visibility\":\"private\"}")
                        .statusCode())
                .isEqualTo(200);
        assertThat(list(b.as(bob.token(), "GET", "/api/v1/partners/" + ann.userId() + "/habits", null)))
                .extracting(h -> (Object) ((Map<?, ?>) h.get("habit")).get("name"))
                .containsExactly("Run");
        assertThat(items(b.as(bob.token(), "GET", "/api/v1/feed", null)))
                .extracting(n -> (Object) ((Map<?, ?>) n.get("habit")).get("name"))
                .containsOnly("Run");
        IdentityApiIT.assertField(
                a.as(ann.token(), "PATCH", "/api/v1/habits/" + read, "{\"visibility\":\"everyone\"}"), "visibility");

        // the export of the partner holds the partnership, nothing of Ann's private habit
        HttpResponse<String> export = b.as(bob.token(), "GET", "/api/v1/me/export", null);
        seen.add(export.body());
        assertThat(((Map<?, ?>) Http.json(export).get("accountability"))
                        .get("partners")
                        .toString())
                .contains(ann.userId());

        for (String body : seen) {
            assertThat(body).doesNotContain("SecretHabitQx", "secret-note-Qx", "read-note-Qx", secret);
        }

        // either side ends it; then nothing is visible either way
        assertThat(b.as(bob.token(), "DELETE", "/api/v1/partners/" + ann.userId(), null)
                        .statusCode())
                .isEqualTo(204);
        assertThat(a.as(bob.token(), "GET", "/api/v1/partners/" + ann.userId() + "/habits", null)
                        .statusCode())
                .isEqualTo(404);
        assertThat(list(a.as(ann.token(), "GET", "/api/v1/partners", null))).isEmpty();
        assertThat(items(b.as(bob.token(), "GET", "/api/v1/feed", null))).isEmpty();
        assertThat(a.as(ann.token(), "DELETE", "/api/v1/partners/" + bob.userId(), null)
                        .statusCode())
                .isEqualTo(404);
    }

    @Test
    void anInviteCodeMakesPartnersOnceAndADeletedAccountIsNoPartnerAnyMore() {
        IdentityApiIT.Account ann = register("ann");
        IdentityApiIT.Account cat = register("cat");
        IdentityApiIT.Account dan = register("dan");
        HttpResponse<String> created = a.as(ann.token(), "POST", "/api/v1/partners/invite-codes", null);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String code = Http.json(created).get("code").toString();
        assertThat(code).matches("[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}");
        assertThat(Http.json(created).get("expiresAt")).isNotNull();

        IdentityApiIT.assertField(
                a.as(ann.token(), "POST", "/api/v1/partners/invite-codes/" + code + "/accept", null), "code");
        HttpResponse<String> redeemed =
                b.as(cat.token(), "POST", "/api/v1/partners/invite-codes/" + code.toLowerCase() + "/accept", null);
        assertThat(redeemed.statusCode()).as(redeemed.body()).isEqualTo(200);
        assertThat(Http.json(redeemed).get("userId")).isEqualTo(ann.userId());
        HttpResponse<String> again =
                b.as(dan.token(), "POST", "/api/v1/partners/invite-codes/" + code + "/accept", null);
        assertThat(again.statusCode()).isEqualTo(404);
        assertThat(again.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(list(a.as(ann.token(), "GET", "/api/v1/partners", null)))
                .extracting(p -> (Object) p.get("userId"))
                .containsExactly(cat.userId());

        IdentityApiIT.assertField(
                a.as(ann.token(), "POST", "/api/v1/partners/invitations", "{\"email\":\"not an address\"}"), "email");
        IdentityApiIT.assertField(
                a.as(ann.token(), "POST", "/api/v1/partners/invitations", "{\"email\":\"" + ann.email() + "\"}"),
                "email");

        // the account goes; the partnership goes with it, nothing of Ann's
        assertThat(b.as(cat.token(), "DELETE", "/api/v1/me", "{\"password\":\"" + IdentityApiIT.PASSWORD + "\"}")
                        .statusCode())
                .isEqualTo(204);
        assertThat(list(a.as(ann.token(), "GET", "/api/v1/partners", null))).isEmpty();
        assertThat(a.as(ann.token(), "GET", "/api/v1/me", null).statusCode()).isEqualTo(200);
    }

    @Test
    void aRefereeConfirmsOrDisputesDoneDaysAndADisputedDayCountsAsMissed() {
        LocalDate t = ServerTime.today(a);
        IdentityApiIT.Account ann = register("ann");
        IdentityApiIT.Account rita = register("rita");
        IdentityApiIT.Account eve = register("eve");
        String code = Http.json(a.as(ann.token(), "POST", "/api/v1/partners/invite-codes", null))
                .get("code")
                .toString();
        assertThat(b.as(rita.token(), "POST", "/api/v1/partners/invite-codes/" + code + "/accept", null)
                        .statusCode())
                .isEqualTo(200);
        String gym = habit(ann, "Gym", "");
        IdentityApiIT.assertField(
                a.as(ann.token(), "PATCH", "/api/v1/habits/" + gym, "{\"refereeUserId\":\"" + eve.userId() + "\"}"),
                "refereeUserId");
        IdentityApiIT.assertField(
                a.as(ann.token(), "PATCH", "/api/v1/habits/" + gym, "{\"refereeUserId\":\"" + ann.userId() + "\"}"),
                "refereeUserId");
        HttpResponse<String> named =
                a.as(ann.token(), "PATCH", "/api/v1/habits/" + gym, "{\"refereeUserId\":\"" + rita.userId() + "\"}");
        assertThat(named.statusCode()).as(named.body()).isEqualTo(200);
        assertThat(Http.json(named).get("refereeUserId")).isEqualTo(rita.userId());

        HttpResponse<String> yesterday = a.as(
                ann.token(), "PUT", "/api/v1/habits/" + gym + "/checkins/" + t.minusDays(1), "{\"note\":\"legs\"}");
        assertThat(Http.json(yesterday).get("verification")).isEqualTo("pending");
        checkin(ann, gym, t, "arms");
        // waiting days count as done
        assertThat(streak(ann, gym)).isEqualTo(2);

        // after the commit, off the request thread: Rita hears of the two days that wait for her
        HttpResponse<String> asked = b.awaitAs(
                rita.token(),
                "/api/v1/notifications?unread=true",
                r -> items(r).stream()
                                .filter(n -> "referee_request".equals(n.get("kind")))
                                .count()
                        == 2,
                java.time.Duration.ofSeconds(30));
        assertThat(items(asked).stream().filter(n -> "referee_request".equals(n.get("kind"))))
                .allSatisfy(n ->
                        assertThat(((Map<?, ?>) n.get("habit")).get("name")).isEqualTo("Gym"));
        HttpResponse<String> queue = b.as(rita.token(), "GET", "/api/v1/referee/queue", null);
        List<Map<?, ?>> waiting = list(queue);
        assertThat(waiting)
                .extracting(w -> (Object) w.get("date"))
                .containsExactly(t.minusDays(1).toString(), t.toString());
        assertThat(((Map<?, ?>) waiting.get(0).get("habit")).get("name")).isEqualTo("Gym");
        assertThat(waiting.get(0).get("note")).as("notes are not shared").isNull();
        assertThat(list(a.as(eve.token(), "GET", "/api/v1/referee/queue", null)))
                .isEmpty();

        // only the referee answers
        String dispute = "/api/v1/referee/habits/" + gym + "/checkins/" + t.minusDays(1) + "/dispute";
        assertThat(a.as(eve.token(), "POST", dispute, "{}").statusCode()).isEqualTo(404);
        assertThat(a.as(ann.token(), "POST", dispute, "{}").statusCode()).isEqualTo(404);
        IdentityApiIT.assertField(
                b.as(rita.token(), "POST", dispute, "{\"comment\":\"" + "x".repeat(501) + "\"}"), "comment");
        HttpResponse<String> disputed = b.as(rita.token(), "POST", dispute, "{\"comment\":\"no photo\"}");
        assertThat(disputed.statusCode()).as(disputed.body()).isEqualTo(200);
        assertThat(Http.json(disputed).get("verification")).isEqualTo("disputed");

        // the owner hears of the verdict (after the commit) and sees it on the day
        HttpResponse<String> told = a.awaitAs(
                ann.token(),
                "/api/v1/notifications",
                r -> items(r).stream().anyMatch(n -> "referee_disputed".equals(n.get("kind"))),
                java.time.Duration.ofSeconds(30));
        Map<?, ?> verdict = items(told).stream()
                .filter(n -> "referee_disputed".equals(n.get("kind")))
                .findFirst()
                .orElseThrow();
        assertThat(verdict.get("comment")).isEqualTo("no photo");
        assertThat(verdict.get("date")).isEqualTo(t.minusDays(1).toString());
        assertThat(((Map<?, ?>) verdict.get("actor")).get("userId")).isEqualTo(rita.userId());
        HttpResponse<String> days = a.as(
                ann.token(), "GET", "/api/v1/habits/" + gym + "/checkins?from=" + t.minusDays(1) + "&to=" + t, null);
        List<Map<?, ?>> records = list(days);
        assertThat(records.get(0).get("verification")).isEqualTo("disputed");
        assertThat(records.get(0).get("verificationComment")).isEqualTo("no photo");
        // as if nothing were recorded: yesterday is before the habit was created today (free history), so it is not
        // due rather than missed; after the creation day it would be missed
        assertThat(records.get(0).get("status")).isEqualTo("not_due");
        assertThat(records.get(1).get("verification")).isEqualTo("pending");
        assertThat(streak(ann, gym)).isEqualTo(1);

        // a changed mind: confirmed, it counts again
        HttpResponse<String> confirmed = b.as(
                rita.token(),
                "POST",
                "/api/v1/referee/habits/" + gym + "/checkins/" + t.minusDays(1) + "/confirm",
                "{}");
        assertThat(confirmed.statusCode()).as(confirmed.body()).isEqualTo(200);
        assertThat(Http.json(confirmed).get("verification")).isEqualTo("confirmed");
        assertThat(streak(ann, gym)).isEqualTo(2);
        assertThat(list(b.as(rita.token(), "GET", "/api/v1/referee/queue", null)))
                .hasSize(1);

        // the partnership ends: the role goes, what waited counts as confirmed
        assertThat(a.as(ann.token(), "DELETE", "/api/v1/partners/" + rita.userId(), null)
                        .statusCode())
                .isEqualTo(204);
        assertThat(list(b.as(rita.token(), "GET", "/api/v1/referee/queue", null)))
                .isEmpty();
        assertThat(Http.json(a.as(ann.token(), "GET", "/api/v1/habits/" + gym, null))
                        .get("refereeUserId"))
                .isNull();
        assertThat(list(a.as(ann.token(), "GET", "/api/v1/habits/" + gym + "/checkins?from=" + t + "&to=" + t, null))
                        .get(0)
                        .get("verification"))
                .isEqualTo("confirmed");
        assertThat(b.as(rita.token(), "POST", "/api/v1/referee/habits/" + gym + "/checkins/" + t + "/dispute", "{}")
                        .statusCode())
                .isEqualTo(404);
    }

    @Test
    void nudgesAreLimitedPerPartnerAndDayOnEveryNode() {
        IdentityApiIT.Account ann = register("ann");
        IdentityApiIT.Account bob = register("bob");
        String code = Http.json(a.as(ann.token(), "POST", "/api/v1/partners/invite-codes", null))
                .get("code")
                .toString();
        assertThat(b.as(bob.token(), "POST", "/api/v1/partners/invite-codes/" + code + "/accept", null)
                        .statusCode())
                .isEqualTo(200);
        String run = habit(ann, "Run", ",\"visibility\":\"partners\"");
        String mine = habit(ann, "Diary", "");
        String path = "/api/v1/partners/" + ann.userId() + "/nudges";

        assertThat(a.as(bob.token(), "POST", path, "{\"habitId\":\"" + mine + "\"}")
                        .statusCode())
                .as("a private habit")
                .isEqualTo(404);
        IdentityApiIT.assertField(a.as(bob.token(), "POST", path, "{}"), "habitId");
        IdentityApiIT.assertField(
                a.as(
                        bob.token(),
                        "POST",
                        path,
                        "{\"habitId\":\"" + run + "\",\"message\":\"" + "x".repeat(201) + "\"}"),
                "message");
        assertThat(a.as(
                                ann.token(),
                                "POST",
                                "/api/v1/partners/" + bob.userId() + "/nudges",
                                "{\"habitId\":\"" + run + "\"}")
                        .statusCode())
                .as("Bob shares nothing")
                .isEqualTo(404);

        // three a day, whichever node takes them (the count is in Redis); the day is the server's UTC day, so a
        // sequence that ran over midnight UTC is run once more
        for (int attempt = 0; ; attempt++) {
            LocalDate day = LocalDate.ofInstant(ServerTime.now(a), java.time.ZoneOffset.UTC);
            List<Integer> statuses = new ArrayList<>();
            HttpResponse<String> last = null;
            for (int i = 0; i < 4; i++) {
                last = (i % 2 == 0 ? a : b)
                        .as(bob.token(), "POST", path, "{\"habitId\":\"" + run + "\",\"message\":\"go " + i + "\"}");
                statuses.add(last.statusCode());
            }
            if (!day.equals(LocalDate.ofInstant(ServerTime.now(a), java.time.ZoneOffset.UTC)) && attempt == 0) {
                continue;
            }
            assertThat(statuses).containsExactly(201, 201, 201, 429);
            assertThat(last.headers().firstValue("Retry-After")).isPresent();
            assertThat(last.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
            break;
        }
        List<Map<?, ?>> nudges = items(a.as(ann.token(), "GET", "/api/v1/notifications", null)).stream()
                .filter(n -> "nudge".equals(n.get("kind")))
                .toList();
        assertThat(nudges).hasSizeGreaterThanOrEqualTo(3);
        assertThat(nudges.get(0).get("comment").toString()).startsWith("go ");
        assertThat(((Map<?, ?>) nudges.get(0).get("habit")).get("name")).isEqualTo("Run");
    }

    private static Object streak(IdentityApiIT.Account owner, String habitId) {
        HttpResponse<String> stats = b.as(owner.token(), "GET", "/api/v1/habits/" + habitId + "/stats", null);
        assertThat(stats.statusCode()).as(stats.body()).isEqualTo(200);
        return ((Map<?, ?>) Http.json(stats).get("streak")).get("current");
    }

    @SuppressWarnings("unchecked")
    private static List<Map<?, ?>> list(HttpResponse<String> r) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().readValue(r.body(), List.class);
        } catch (java.io.IOException e) {
            throw new AssertionError(r.body(), e);
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Map<?, ?>> items(HttpResponse<String> r) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return (List<Map<?, ?>>) Http.json(r).get("items");
    }

    private static List<?> list(HttpResponse<String> r, String field) {
        return (List<?>) Http.json(r).get(field);
    }
}
