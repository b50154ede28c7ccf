package io.steadfast.itest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.zone.ZoneOffsetTransition;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.steadfast.testsupport.TestPostgres;
import io.steadfast.testsupport.TestRedis;

/**
 * Reminders, alerts and channels on nodes of their own. Reminders and day-end alerts on the simulated clock, on two nodes of their own that share one PostgreSQL schema and
 * one Redis (so that both schedulers race for every timer): the clock is moved forward through a daylight saving
 * change day in Berlin while an account in Auckland waits for its own 08:00; reminders fire at the right instant
 * (a time in the gap at the first minute after it), once, not for a day already done (unless asked), not when more
 * than an hour late; a partner who opted in hears of a shared habit that ended its day missed. And the e-mail channel
 * through an embedded SMTP server (GreenMail on loopback), an ntfy topic on loopback, and the unsubscribe link.
 */
class RemindersIT {

    static final ObjectMapper JSON = new ObjectMapper();
    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    static final ZoneId AUCKLAND = ZoneId.of("Pacific/Auckland");

    static final List<Process> processes = new ArrayList<>();
    static final List<Path> homes = new ArrayList<>();
    static final List<Http> nodes = new ArrayList<>();
    static TestRedis.Private redis;
    static GreenMail smtp;
    static LocalDate day;
    static Instant start;
    static ZoneOffsetTransition gap;

    @BeforeAll
    static void startNodes() throws IOException {
        // a spring-forward day in Berlin; the simulated clock starts at its midnight (the server does not mind the
        // year: every date below is computed from this start)
        gap = BERLIN.getRules().nextTransition(Instant.parse("2031-01-01T00:00:00Z"));
        assertThat(gap.isGap()).isTrue();
        day = gap.getDateTimeBefore().toLocalDate();
        start = day.atStartOfDay(BERLIN).toInstant();
        String db = TestPostgres.freshSchemaUrl();
        redis = TestRedis.startPrivate();
        smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        Map<String, String> env = Map.of(
                // the clock comes from etc/io.steadfast.clock.cfg (an empty variable lets the file decide)
                "STEADFAST_CLOCK_START", "",
                "STEADFAST_SMTP_HOST", "127.0.0.1",
                "STEADFAST_SMTP_PORT", Integer.toString(smtp.getSmtp().getPort()),
                "STEADFAST_SMTP_FROM", "Steadfast <habits@example.org>",
                "STEADFAST_SMTP_STARTTLS", "false",
                // the test's ntfy server is on loopback
                "STEADFAST_WEBHOOK_ALLOW_PRIVATE", "true");
        for (int i = 0; i < 2; i++) {
            Path home = Cluster.copy("reminders" + i);
            setClock(home, start);
            int port = Distribution.freePort();
            homes.add(home);
            processes.add(Cluster.start(home, port, db, redis.url(), env));
            nodes.add(new Http(port));
        }
        for (int i = 0; i < 2; i++) {
            Cluster.awaitHealthy(nodes.get(i), homes.get(i));
        }
        // the first account of these nodes' schema is their admin, who sees the parts of /health
        admin = Accounts.register(nodes.get(0), "rem-admin-" + UUID.randomUUID() + "@example.org")
                .token();
    }

    @AfterAll
    static void stopNodes() throws InterruptedException {
        for (Process p : processes) {
            p.descendants().forEach(ProcessHandle::destroy);
            p.destroy();
        }
        for (Process p : processes) {
            p.waitFor();
        }
        if (redis != null) {
            redis.stop();
        }
        if (smtp != null) {
            smtp.stop();
        }
    }

    static void setClock(Path home, Instant at) throws IOException {
        Files.writeString(home.resolve("etc/io.steadfast.clock.cfg"), "start = " + at + "\n");
    }

    /** Moves both nodes' clocks to {@code at} and waits until both run on it. */
    private static String admin;

    static void moveClock(Instant at) throws IOException {
        for (Path home : homes) {
            setClock(home, at);
        }
        for (Http node : nodes) {
            HttpResponse<String> r = node.awaitAs(
                    admin,
                    "/health",
                    x -> x.body().contains("simulated clock, started at " + at),
                    Duration.ofSeconds(30));
            assertThat(r.body()).contains("simulated clock, started at " + at);
        }
    }

    record User(String token, String id) {}

    static User user(Http node, String zone) {
        IdentityApiIT.Account a = Accounts.register(node, "rem-" + UUID.randomUUID() + "@example.org");
        HttpResponse<String> r = node.as(a.token(), "PATCH", "/api/v1/me", "{\"timezone\":\"" + zone + "\"}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return new User(a.token(), a.userId());
    }

    static String habit(Http node, User u, String name, String visibility) {
        HttpResponse<String> r = node.as(
                u.token(),
                "POST",
                "/api/v1/habits",
                "{\"name\":\"" + name + "\",\"type\":\"boolean\",\"schedule\":{\"kind\":\"daily\"},\"visibility\":\""
                        + visibility + "\"}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return Http.json(r).get("id").toString();
    }

    static Map<String, Object> reminder(Http node, User u, String habitId, String body) {
        HttpResponse<String> r = node.as(u.token(), "POST", "/api/v1/habits/" + habitId + "/reminders", body);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return Http.json(r);
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> notifications(Http node, User u) {
        HttpResponse<String> r = node.as(u.token(), "GET", "/api/v1/notifications?limit=100", null);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return (List<Map<String, Object>>) Http.json(r).get("items");
    }

    static List<Map<String, Object>> awaitNotifications(Http node, User u, Predicate<List<Map<String, Object>>> done)
            throws InterruptedException {
        long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        List<Map<String, Object>> n = notifications(node, u);
        while (!done.test(n) && System.nanoTime() < until) {
            Thread.sleep(200);
            n = notifications(node, u);
        }
        return n;
    }

    static long count(List<Map<String, Object>> n, String kind, String habitId) {
        return n.stream()
                .filter(x -> kind.equals(x.get("kind"))
                        && x.get("habit") instanceof Map<?, ?> h
                        && habitId.equals(h.get("id")))
                .count();
    }

    static Instant at(LocalDate d, int hour, int minute, ZoneId zone) {
        return ZonedDateTime.of(d, LocalTime.of(hour, minute), zone).toInstant();
    }

    @Test
    void remindersFireAtTheirLocalInstantOnceAndAlertsFollowTheDayEnd() throws Exception {
        Http a = nodes.get(0);
        Http b = nodes.get(1);
        User ann = user(a, "Europe/Berlin");
        User kai = user(b, "Pacific/Auckland");
        User bob = user(b, "Europe/Berlin");

        // bob is ann's partner and wants to hear when she misses a shared habit
        String code = Http.json(a.as(ann.token(), "POST", "/api/v1/partners/invite-codes", null))
                .get("code")
                .toString();
        HttpResponse<String> accepted =
                b.as(bob.token(), "POST", "/api/v1/partners/invite-codes/" + code + "/accept", null);
        assertThat(accepted.statusCode()).as(accepted.body()).isIn(200, 201);
        HttpResponse<String> opt = b.as(bob.token(), "PATCH", "/api/v1/me", "{\"notify\":{\"partnerMissed\":true}}");
        assertThat(opt.statusCode()).as(opt.body()).isEqualTo(200);

        // a one-day challenge in a group of ann's that bob is in: it finishes when ann's day ends
        String group = Http.json(a.as(ann.token(), "POST", "/api/v1/groups", "{\"name\":\"Readers\"}"))
                .get("id")
                .toString();
        String groupCode = Http.json(a.as(ann.token(), "POST", "/api/v1/groups/" + group + "/invite-codes", null))
                .get("code")
                .toString();
        assertThat(b.as(bob.token(), "POST", "/api/v1/groups/join/" + groupCode, null)
                        .statusCode())
                .isEqualTo(200);
        HttpResponse<String> ch = a.as(
                ann.token(),
                "POST",
                "/api/v1/groups/" + group + "/challenges",
                "{\"name\":\"One day\",\"habit\":{\"type\":\"boolean\",\"schedule\":{\"kind\":\"daily\"}},"
                        + "\"startDate\":\"" + day + "\",\"endDate\":\"" + day + "\"}");
        assertThat(ch.statusCode()).as(ch.body()).isEqualTo(201);
        String challenge = Http.json(ch).get("id").toString();
        HttpResponse<String> joined =
                a.as(ann.token(), "POST", "/api/v1/groups/" + group + "/challenges/" + challenge + "/join", null);
        assertThat(joined.statusCode()).as(joined.body()).isEqualTo(200);
        String challengeHabit = Http.json(joined).get("myHabitId").toString();
        assertThat(a.as(ann.token(), "PUT", "/api/v1/habits/" + challengeHabit + "/checkins/" + day, "{}")
                        .statusCode())
                .isIn(200, 201);

        // a habit with three done days before today (a streak at risk), and a webhook for the streak ending and the
        // day's end
        HttpResponse<String> old = a.as(
                ann.token(),
                "POST",
                "/api/v1/habits",
                "{\"name\":\"Floss\",\"type\":\"boolean\",\"schedule\":{\"kind\":\"daily\"},\"startDate\":\""
                        + day.minusDays(3) + "\"}");
        assertThat(old.statusCode()).as(old.body()).isEqualTo(201);
        String floss = Http.json(old).get("id").toString();
        for (LocalDate d : List.of(day.minusDays(3), day.minusDays(2), day.minusDays(1))) {
            assertThat(a.as(ann.token(), "PUT", "/api/v1/habits/" + floss + "/checkins/" + d, "{}")
                            .statusCode())
                    .isIn(200, 201);
        }
        Receiver hooks = new Receiver();
        HttpResponse<String> hook = a.as(
                ann.token(),
                "POST",
                "/api/v1/me/channels",
                "{\"type\":\"webhook\",\"config\":{\"url\":\"" + hooks.url("/in") + "\",\"events\":"
                        + "[\"streak.broken\",\"day.ended\"]}}");
        assertThat(hook.statusCode()).as(hook.body()).isEqualTo(201);

        // ann wants to hear at 07:58 of streaks at risk
        HttpResponse<String> risk =
                a.as(ann.token(), "PATCH", "/api/v1/me", "{\"notify\":{\"streakAtRisk\":\"07:58\"}}");
        assertThat(risk.statusCode()).as(risk.body()).isEqualTo(200);

        String read = habit(a, ann, "Read", "partners");
        String stretch = habit(a, ann, "Stretch", "partners");
        String run = habit(b, kai, "Run", "private");

        // the local times, as instants: 08:00 in Berlin is CEST after the change, 02:30 does not exist that day
        Map<String, Object> eight = reminder(a, ann, read, "{\"time\":\"08:00\"}");
        Map<String, Object> inGap = reminder(a, ann, read, "{\"time\":\"02:30\"}");
        Map<String, Object> late = reminder(a, ann, read, "{\"time\":\"03:30\"}");
        Map<String, Object> ifNotDone = reminder(a, ann, stretch, "{\"time\":\"07:50\"}");
        Map<String, Object> always = reminder(a, ann, stretch, "{\"time\":\"07:55\",\"onlyIfNotDone\":false}");
        Map<String, Object> kais = reminder(b, kai, run, "{\"time\":\"08:00\",\"days\":null}");
        assertThat(eight.get("nextAt")).isEqualTo(at(day, 8, 0, BERLIN).toString());
        assertThat(inGap.get("nextAt")).isEqualTo(gap.getInstant().toString());
        assertThat(LocalDateTime.ofInstant(Instant.parse(inGap.get("nextAt").toString()), BERLIN))
                .isEqualTo(gap.getDateTimeAfter());
        assertThat(late.get("nextAt")).isEqualTo(at(day, 3, 30, BERLIN).toString());
        LocalDate kaiToday = LocalDate.ofInstant(start, AUCKLAND);
        Instant kaiEight = at(kaiToday, 8, 0, AUCKLAND).isAfter(start)
                ? at(kaiToday, 8, 0, AUCKLAND)
                : at(kaiToday.plusDays(1), 8, 0, AUCKLAND);
        assertThat(kais.get("nextAt")).isEqualTo(kaiEight.toString());
        assertThat(kais.get("days")).isNull();

        // the agenda shows each habit's next reminder
        Map<String, Object> today = Http.json(a.as(ann.token(), "GET", "/api/v1/today", null));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> agenda = (List<Map<String, Object>>) today.get("habits");
        assertThat(agenda)
                .filteredOn(i -> read.equals(((Map<?, ?>) i.get("habit")).get("id")))
                .singleElement()
                .satisfies(i -> assertThat(i.get("nextReminderAt"))
                        .isEqualTo(gap.getInstant().toString()));

        // bad input: a 422 that names the field
        HttpResponse<String> bad = a.as(
                ann.token(),
                "POST",
                "/api/v1/habits/" + read + "/reminders",
                "{\"time\":\"24:00\",\"days\":[\"MON\",\"XYZ\"],\"colour\":1}");
        assertThat(bad.statusCode()).as(bad.body()).isEqualTo(422);
        assertThat(bad.body()).contains("\"time\"", "days[1]", "colour").doesNotContain("Exception");
        assertThat(b.as(kai.token(), "GET", "/api/v1/habits/" + read + "/reminders", null)
                        .statusCode())
                .isEqualTo(404);

        // the gap's reminder fires at the first minute after the gap
        moveClock(gap.getInstant().plusSeconds(20));
        List<Map<String, Object>> n = awaitNotifications(a, ann, l -> count(l, "reminder", read) >= 1);
        assertThat(count(n, "reminder", read)).isEqualTo(1);

        // stretch is done before its reminders: the one that asks only for a day not done stays quiet
        HttpResponse<String> done = a.as(ann.token(), "PUT", "/api/v1/habits/" + stretch + "/checkins/" + day, "{}");
        assertThat(done.statusCode()).as(done.body()).isIn(200, 201);

        // past 08:00: the 03:30 one is hours late (dropped), 07:50 is done, 07:55 and 08:00 fire — once, on one node
        moveClock(at(day, 8, 0, BERLIN).plusSeconds(20));
        n = awaitNotifications(a, ann, l -> count(l, "reminder", read) >= 2 && count(l, "reminder", stretch) >= 1);
        Thread.sleep(2000); // a second node's duplicate would come within the scheduler's tick
        n = notifications(b, ann);
        assertThat(count(n, "reminder", read)).as(n.toString()).isEqualTo(2);
        assertThat(count(n, "reminder", stretch)).as(n.toString()).isEqualTo(1);
        // the streak check at 07:58: Floss (3 days) is at risk, nothing else has a streak
        n = awaitNotifications(b, ann, l -> l.stream().anyMatch(x -> "streak_at_risk".equals(x.get("kind"))));
        assertThat(n)
                .filteredOn(x -> "streak_at_risk".equals(x.get("kind")))
                .singleElement()
                .satisfies(x -> assertThat(x.get("comment").toString()).contains("Floss (3 days)"));
        assertThat(notifications(b, kai)).isEmpty();
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> log =
                (List<Map<String, Object>>) Http.json(a.as(ann.token(), "GET", "/api/v1/me/deliveries", null))
                        .get("items");
        assertThat(log).hasSize(4).allSatisfy(d -> assertThat(d.get("status")).isEqualTo("sent"));
        assertThat(log)
                .extracting(d -> d.get("kind").toString())
                .containsExactlyInAnyOrder("reminder.due", "reminder.due", "reminder.due", "alert.streak_at_risk");
        assertThat(ifNotDone.get("id")).isNotNull();
        assertThat(always.get("id")).isNotNull();

        // kai's 08:00 in Auckland
        moveClock(kaiEight.plusSeconds(20));
        List<Map<String, Object>> k = awaitNotifications(b, kai, l -> count(l, "reminder", run) >= 1);
        assertThat(count(k, "reminder", run)).isEqualTo(1);

        // ann's day ends with Read missed (Stretch was done): bob, who opted in, hears of Read only
        moveClock(day.plusDays(1).atStartOfDay(BERLIN).toInstant().plusSeconds(20));
        List<Map<String, Object>> bobs = awaitNotifications(b, bob, l -> count(l, "partner_missed", read) >= 1);
        assertThat(count(bobs, "partner_missed", read)).as(bobs.toString()).isEqualTo(1);
        assertThat(count(bobs, "partner_missed", stretch)).isZero();
        assertThat(notifications(a, ann)).noneMatch(x -> "partner_missed".equals(x.get("kind")));

        // ann's webhook heard of the day's end and of Floss's streak ending (Read had no streak); nothing else
        List<Receiver.Request> got = new ArrayList<>(List.of(hooks.next(20), hooks.next(20)));
        hooks.close();
        assertThat(got)
                .extracting(r -> r.header("X-Steadfast-Event"))
                .containsExactlyInAnyOrder("streak.broken", "day.ended");
        Map<String, Object> broken = Http.json(got.stream()
                .filter(r -> "streak.broken".equals(r.header("X-Steadfast-Event")))
                .findFirst()
                .orElseThrow()
                .text());
        @SuppressWarnings("unchecked")
        Map<String, Object> brokenData = (Map<String, Object>) broken.get("data");
        assertThat(brokenData)
                .containsEntry("habitId", floss)
                .containsEntry("date", day.toString())
                .containsEntry("doneInARow", 3);
        assertThat(hooks.requests).isEmpty();

        // and the challenge finished: bob sees how it went for ann in his feed
        HttpResponse<String> feed = b.awaitAs(
                bob.token(), "/api/v1/feed", r -> r.body().contains("challenge_finished"), Duration.ofSeconds(30));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> items =
                (List<Map<String, Object>>) Http.json(feed).get("items");
        assertThat(items)
                .filteredOn(i -> "challenge_finished".equals(i.get("kind")))
                .singleElement()
                .satisfies(i -> {
                    assertThat(i.get("challengeId")).isEqualTo(challenge);
                    assertThat(i.get("result")).isEqualTo(Map.of("doneDays", 1, "dueDays", 1));
                    assertThat(i.get("date")).isEqualTo(day.toString());
                });
    }

    @Test
    void emailAndNtfyChannelsDeliverAndTheUnsubscribeLinkTurnsOneOff() throws Exception {
        Http a = nodes.get(0);
        User eve = user(a, "Europe/Berlin");
        String email = Http.json(a.as(eve.token(), "GET", "/api/v1/me", null))
                .get("email")
                .toString();
        assertThat(a.as(eve.token(), "GET", "/api/v1/channel-types", null).body())
                .contains("\"email\"");

        HttpResponse<String> mail = a.as(
                eve.token(), "POST", "/api/v1/me/channels", "{\"type\":\"email\",\"name\":\"Mail\",\"config\":{}}");
        assertThat(mail.statusCode()).as(mail.body()).isEqualTo(201);
        String mailId = Http.json(mail).get("id").toString();
        int before = smtp.getReceivedMessages().length;
        HttpResponse<String> test = a.as(eve.token(), "POST", "/api/v1/me/channels/" + mailId + "/test", null);
        assertThat(test.statusCode()).isEqualTo(202);
        assertThat(smtp.waitForIncomingEmail(20_000, before + 1)).isTrue();
        jakarta.mail.internet.MimeMessage m = smtp.getReceivedMessages()[before];
        assertThat(m.getAllRecipients()[0].toString()).isEqualTo(email);
        assertThat(m.getSubject()).isEqualTo("Steadfast test message");
        assertThat(m.getContentType()).startsWith("multipart/alternative");
        String unsubscribe = m.getHeader("List-Unsubscribe")[0];
        assertThat(unsubscribe).contains("/api/v1/channels/unsubscribe?token=sfu_");
        String link = unsubscribe.replaceAll("^.*<(http[^>]+)>.*$", "$1");
        String path = link.substring(link.indexOf("/api/"));

        try (Receiver ntfy = new Receiver()) {
            HttpResponse<String> phone = a.as(
                    eve.token(),
                    "POST",
                    "/api/v1/me/channels",
                    "{\"type\":\"ntfy\",\"config\":{\"url\":\"" + ntfy.url("/eve-habits") + "\",\"priority\":4}}");
            assertThat(phone.statusCode()).as(phone.body()).isEqualTo(201);
            String phoneId = Http.json(phone).get("id").toString();
            assertThat(a.as(eve.token(), "POST", "/api/v1/me/channels/" + phoneId + "/test", null)
                            .statusCode())
                    .isEqualTo(202);
            Receiver.Request r = ntfy.next(20);
            assertThat(r.path()).isEqualTo("/eve-habits");
            assertThat(r.header("Title")).isEqualTo("Steadfast test message");
            assertThat(r.header("Priority")).isEqualTo("4");
            assertThat(r.text()).contains("If you can read it, it works");
        }

        // integration events: a check-in and the achievement it brings, to a webhook that subscribes to them
        try (Receiver hooks = new Receiver()) {
            HttpResponse<String> hook = a.as(
                    eve.token(),
                    "POST",
                    "/api/v1/me/channels",
                    "{\"type\":\"webhook\",\"config\":{\"url\":\"" + hooks.url("/events") + "\",\"events\":"
                            + "[\"checkin.changed\",\"achievement.earned\"]}}");
            assertThat(hook.statusCode()).as(hook.body()).isEqualTo(201);
            String walk = habit(a, eve, "Walk", "private");
            String today = Http.json(a.as(eve.token(), "GET", "/api/v1/today", null))
                    .get("date")
                    .toString();
            assertThat(a.as(eve.token(), "PUT", "/api/v1/habits/" + walk + "/checkins/" + today, "{}")
                            .statusCode())
                    .isIn(200, 201);
            List<Receiver.Request> events = List.of(hooks.next(20), hooks.next(20));
            assertThat(events)
                    .extracting(r -> r.header("X-Steadfast-Event"))
                    .containsExactlyInAnyOrder("checkin.changed", "achievement.earned");
            for (Receiver.Request r : events) {
                Map<?, ?> data = (Map<?, ?>) Http.json(r.text()).get("data");
                assertThat(data.get("habitId")).isEqualTo(walk);
                if ("checkin.changed".equals(r.header("X-Steadfast-Event"))) {
                    assertThat(data.get("date")).isEqualTo(today);
                    assertThat(data.get("status")).isEqualTo("done");
                } else {
                    assertThat(data.get("code")).isEqualTo("first-checkin");
                }
            }
        }

        // the link in the e-mail turns that channel off, without signing in
        HttpResponse<String> off = a.send("POST", path, null);
        assertThat(off.statusCode()).as(off.body()).isEqualTo(200);
        assertThat(Http.json(a.as(eve.token(), "GET", "/api/v1/me/channels/" + mailId, null)))
                .containsEntry("enabled", false);
        assertThat(a.send("GET", "/api/v1/channels/unsubscribe?token=sfu_" + "x".repeat(43), null)
                        .statusCode())
                .isEqualTo(404);
        assertThat(a.as(eve.token(), "POST", "/api/v1/me/channels/" + mailId + "/test", null)
                        .statusCode())
                .isEqualTo(409);
    }
}
