package io.steadfast.itest;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every identity endpoint, against two real nodes sharing PostgreSQL and Redis: a token revoked on one node fails
 * on the other at once; login throttling counts across nodes.
 */
class IdentityApiIT {

    static final String PASSWORD = "correct horse battery staple";
    static Cluster cluster;
    static Http a;
    static Http b;
    static Account admin;

    record Account(String email, String token, String userId) {}

    @BeforeAll
    static void start() {
        cluster = Cluster.get();
        a = cluster.node(0);
        b = cluster.node(1);
        admin = Accounts.adminOf(a);
    }

    @BeforeEach
    void freshCounters() {
        cluster.resetCounters();
    }

    static String unique(String name) {
        return name + "-" + UUID.randomUUID().toString().substring(0, 8) + "@Example.org";
    }

    @Test
    void registerAnswers201WithTheUserAndAToken() {
        String email = unique("reg");
        HttpResponse<String> r = a.send(
                "POST",
                "/api/v1/auth/register",
                "{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD
                        + "\",\"displayName\":\"Reg\",\"timezone\":\"Pacific/Auckland\"}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        Map<String, Object> body = Http.json(r);
        Map<?, ?> user = (Map<?, ?>) body.get("user");
        assertThat(user.get("email")).isEqualTo(email);
        assertThat(user.get("timezone")).isEqualTo("Pacific/Auckland");
        assertThat(user.get("weekStart")).isEqualTo("MON");
        assertThat(user.get("dayStartsAt")).isEqualTo(0);
        assertThat(object(user.get("notify")))
                .as("no alerts chosen")
                .containsEntry("partnerMissed", false)
                .containsEntry("streakAtRisk", null);
        assertThat(UUID.fromString(user.get("id").toString())).isNotNull();
        assertThat(body.get("token").toString()).startsWith("sfs_");
        assertThat(body.get("expiresAt")).isNotNull();
        HttpResponse<String> defaults = a.send(
                "POST",
                "/api/v1/auth/register",
                "{\"email\":\"" + unique("d") + "\",\"password\":\"" + PASSWORD + "\"}");
        assertThat(((Map<?, ?>) Http.json(defaults).get("user")).get("timezone"))
                .isEqualTo("UTC");
    }

    @Test
    void emailsAreUniqueCaseInsensitivelyEvenUnderConcurrency() throws Exception {
        String email = unique("dup");
        Accounts.register(a, email);
        HttpResponse<String> again = a.send(
                "POST",
                "/api/v1/auth/register",
                "{\"email\":\"" + email.toUpperCase() + "\",\"password\":\"" + PASSWORD + "\"}");
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(Http.json(again).get("type")).isEqualTo("urn:steadfast:problem:conflict");

        String raced = unique("race");
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Integer>> codes = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                Http node = i % 2 == 0 ? a : b;
                codes.add(pool.submit(() -> {
                    go.await();
                    return node.send(
                                    "POST",
                                    "/api/v1/auth/register",
                                    "{\"email\":\"" + raced + "\",\"password\":\"" + PASSWORD + "\"}")
                            .statusCode();
                }));
            }
            go.countDown();
            List<Integer> got = new ArrayList<>();
            for (Future<Integer> f : codes) {
                got.add(f.get(60, TimeUnit.SECONDS));
            }
            assertThat(got).containsOnly(201, 409);
            assertThat(got.stream().filter(c -> c == 201).count())
                    .as("winners " + got)
                    .isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void invalidRegistrationsAre422NamingTheField() {
        assertField(
                a.send(
                        "POST",
                        "/api/v1/auth/register",
                        "{\"email\":\"" + unique("w") + "\",\"password\":\"password123\"}"),
                "password");
        assertField(
                a.send("POST", "/api/v1/auth/register", "{\"email\":\"" + unique("s") + "\",\"password\":\"short\"}"),
                "password");
        assertField(
                a.send(
                        "POST",
                        "/api/v1/auth/register",
                        "{\"email\":\"" + unique("t") + "\",\"password\":\"" + PASSWORD
                                + "\",\"timezone\":\"Mars/Olympus\"}"),
                "timezone");
        assertField(
                a.send(
                        "POST",
                        "/api/v1/auth/register",
                        "{\"email\":\"not-an-email\",\"password\":\"" + PASSWORD + "\"}"),
                "email");
        assertField(a.send("POST", "/api/v1/auth/register", "{\"password\":\"" + PASSWORD + "\"}"), "email");
        assertThat(a.send("POST", "/api/v1/auth/register", "{\"email\":").statusCode())
                .isEqualTo(400);
        assertThat(a.send("POST", "/api/v1/auth/register", "{\"email\":42,\"password\":[1]}")
                        .statusCode())
                .isEqualTo(400);
    }

    @Test
    void loginAnswersATokenAndTheSame401ForUnknownEmailAndWrongPassword() {
        String email = unique("login");
        Accounts.register(a, email);
        HttpResponse<String> ok = a.send(
                "POST",
                "/api/v1/auth/login",
                "{\"email\":\"" + email.toLowerCase() + "\",\"password\":\"" + PASSWORD + "\"}");
        assertThat(ok.statusCode()).as(ok.body()).isEqualTo(200);
        String token = Http.json(ok).get("token").toString();
        assertThat(b.as(token, "GET", "/api/v1/me", null).statusCode()).isEqualTo(200);
        HttpResponse<String> wrong = a.send(
                "POST", "/api/v1/auth/login", "{\"email\":\"" + email + "\",\"password\":\"wrong wrong wrong\"}");
        HttpResponse<String> unknown = a.send(
                "POST",
                "/api/v1/auth/login",
                "{\"email\":\"" + unique("nobody") + "\",\"password\":\"wrong wrong wrong\"}");
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(unknown.statusCode()).isEqualTo(401);
        assertThat(Http.json(wrong).get("detail")).isEqualTo(Http.json(unknown).get("detail"));
        assertField(a.send("POST", "/api/v1/auth/login", "{\"email\":\"" + email + "\"}"), "password");
    }

    @Test
    void repeatedFailuresAreThrottledPerAccountOnEveryNode() {
        String email = unique("throttle");
        Accounts.register(a, email);
        for (int i = 0; i < 5; i++) {
            Http node = i % 2 == 0 ? a : b;
            assertThat(node.send(
                                    "POST",
                                    "/api/v1/auth/login",
                                    "{\"email\":\"" + email + "\",\"password\":\"wrong wrong wrong\"}")
                            .statusCode())
                    .isEqualTo(401);
        }
        HttpResponse<String> limited =
                b.send("POST", "/api/v1/auth/login", "{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\"}");
        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(Long.parseLong(limited.headers().firstValue("Retry-After").orElse("0")))
                .isPositive();
        assertThat(Http.json(limited).get("type")).isEqualTo("urn:steadfast:problem:too-many-requests");
        String other = unique("other");
        Accounts.register(a, other);
        assertThat(a.send(
                                "POST",
                                "/api/v1/auth/login",
                                "{\"email\":\"" + other + "\",\"password\":\"" + PASSWORD + "\"}")
                        .statusCode())
                .as("another account from the same address")
                .isEqualTo(200);
    }

    @Test
    void repeatedFailuresAreThrottledPerClientAddress() {
        int limitedAt = -1;
        for (int i = 0; i < 14; i++) {
            int code = (i % 2 == 0 ? a : b)
                    .send(
                            "POST",
                            "/api/v1/auth/login",
                            "{\"email\":\"" + unique("spray") + "\",\"password\":\"wrong wrong wrong\"}")
                    .statusCode();
            if (code == 429) {
                limitedAt = i;
                break;
            }
            assertThat(code).isEqualTo(401);
        }
        assertThat(limitedAt).as("throttled after the configured 12 failures").isEqualTo(12);
    }

    @Test
    void logoutRevokesTheTokenOnEveryNodeAtOnce() {
        Account acc = Accounts.register(a, unique("logout"));
        assertThat(b.as(acc.token(), "GET", "/api/v1/auth/check", null).statusCode())
                .isEqualTo(200);
        assertThat(a.as(acc.token(), "GET", "/api/v1/auth/check", null).statusCode())
                .isEqualTo(200);
        assertThat(a.as(acc.token(), "POST", "/api/v1/auth/logout", null).statusCode())
                .isEqualTo(204);
        assertThat(b.as(acc.token(), "GET", "/api/v1/auth/check", null).statusCode())
                .isEqualTo(401);
        assertThat(a.as(acc.token(), "GET", "/api/v1/me", null).statusCode()).isEqualTo(401);
    }

    @Test
    void aDisabledAccountStopsOnEveryNodeAtOnceAndSignsInAgainOnceEnabled() {
        Account acc = Accounts.register(a, unique("disabled"));
        String pat = Http.json(
                        a.as(acc.token(), "POST", "/api/v1/me/tokens", "{\"name\":\"script\",\"scopes\":[\"read\"]}"))
                .get("token")
                .toString();
        // cached on both nodes
        assertThat(b.as(acc.token(), "GET", "/api/v1/auth/check", null).statusCode())
                .isEqualTo(200);
        assertThat(b.as(pat, "GET", "/api/v1/auth/check", null).statusCode()).isEqualTo(200);
        assertThat(a.as(acc.token(), "GET", "/api/v1/auth/check", null).statusCode())
                .isEqualTo(200);

        HttpResponse<String> disabled =
                a.as(admin.token(), "POST", "/api/v1/admin/users/" + acc.userId() + "/disable", null);

        assertThat(disabled.statusCode()).as(disabled.body()).isEqualTo(200);
        assertThat(Http.json(disabled)).containsEntry("disabled", true).containsEntry("revoked", 2);
        assertThat(b.as(acc.token(), "GET", "/api/v1/auth/check", null).statusCode())
                .as("the session, on the other node at once")
                .isEqualTo(401);
        assertThat(b.as(pat, "GET", "/api/v1/habits", null).statusCode())
                .as("the access token too")
                .isEqualTo(401);
        assertThat(a.as(acc.token(), "GET", "/api/v1/me", null).statusCode()).isEqualTo(401);
        HttpResponse<String> refused = b.send(
                "POST", "/api/v1/auth/login", "{\"email\":\"" + acc.email() + "\",\"password\":\"" + PASSWORD + "\"}");
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(403);
        assertThat(Http.json(refused))
                .containsEntry("type", "urn:steadfast:problem:account-disabled")
                .hasEntrySatisfying("detail", d -> assertThat(d.toString()).contains("administrator"));
        HttpResponse<String> wrong = b.send(
                "POST", "/api/v1/auth/login", "{\"email\":\"" + acc.email() + "\",\"password\":\"not the one\"}");
        assertThat(wrong.statusCode()).as("a wrong password learns nothing").isEqualTo(401);
        assertThat(a.as(admin.token(), "POST", "/api/v1/admin/users/" + admin.userId() + "/disable", null)
                        .statusCode())
                .as("not one's own")
                .isEqualTo(409);
        Account other = Accounts.register(a, unique("plain"));
        assertThat(a.as(other.token(), "POST", "/api/v1/admin/users/" + acc.userId() + "/enable", null)
                        .statusCode())
                .isEqualTo(403);

        HttpResponse<String> enabled =
                b.as(admin.token(), "POST", "/api/v1/admin/users/" + acc.userId() + "/enable", null);

        assertThat(enabled.statusCode()).as(enabled.body()).isEqualTo(200);
        assertThat(Http.json(enabled)).containsEntry("disabled", false);
        String fresh = Accounts.login(a, acc.email(), PASSWORD);
        assertThat(b.as(fresh, "GET", "/api/v1/me", null).statusCode()).isEqualTo(200);
        assertThat(b.as(acc.token(), "GET", "/api/v1/me", null).statusCode())
                .as("what was revoked stays revoked")
                .isEqualTo(401);
    }

    @Test
    void checkSaysWhoIsAuthenticated() {
        Account acc = Accounts.register(a, unique("check"));
        HttpResponse<String> r = b.as(acc.token(), "GET", "/api/v1/auth/check", null);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(Http.json(r)).containsEntry("authenticated", true).containsEntry("userId", acc.userId());
        HttpResponse<String> none = b.get("/api/v1/auth/check");
        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(none.headers().firstValue("WWW-Authenticate").orElse("")).startsWith("Bearer");
        assertThat(b.as("sfs_" + "x".repeat(43), "GET", "/api/v1/auth/check", null)
                        .statusCode())
                .isEqualTo(401);
        assertThat(b.send("GET", "/api/v1/auth/check", null, "Authorization", "Basic dTpw")
                        .statusCode())
                .isEqualTo(401);
    }

    @Test
    void profileCanBeReadAndChanged() {
        Account acc = Accounts.register(a, unique("me"));
        HttpResponse<String> me = a.as(acc.token(), "GET", "/api/v1/me", null);
        assertThat(Http.json(me))
                .containsKeys(
                        "id", "email", "displayName", "timezone", "weekStart", "dayStartsAt", "createdAt", "notify");
        HttpResponse<String> patched = b.as(
                acc.token(),
                "PATCH",
                "/api/v1/me",
                "{\"displayName\":\"Night Owl\",\"timezone\":\"America/Los_Angeles\",\"weekStart\":\"SUNDAY\","
                        + "\"dayStartsAt\":4}");
        assertThat(patched.statusCode()).as(patched.body()).isEqualTo(200);
        assertThat(Http.json(a.as(acc.token(), "GET", "/api/v1/me", null)))
                .containsEntry("displayName", "Night Owl")
                .containsEntry("timezone", "America/Los_Angeles")
                .containsEntry("weekStart", "SUN")
                .containsEntry("dayStartsAt", 4);
        assertField(a.as(acc.token(), "PATCH", "/api/v1/me", "{\"weekStart\":\"FRIDAY\"}"), "weekStart");
        assertThat(Http.json(a.as(acc.token(), "PATCH", "/api/v1/me", "{\"weekStart\":\"mon\"}")))
                .as("weekdays are read in any case and written as MON..SUN")
                .containsEntry("weekStart", "MON");
        a.as(acc.token(), "PATCH", "/api/v1/me", "{\"weekStart\":\"Sunday\"}");
        assertField(a.as(acc.token(), "PATCH", "/api/v1/me", "{\"dayStartsAt\":7}"), "dayStartsAt");
        assertField(a.as(acc.token(), "PATCH", "/api/v1/me", "{\"displayName\":\"\"}"), "displayName");
        assertThat(a.as(acc.token(), "PATCH", "/api/v1/me", "{\"dayStartsAt\":\"late\"}")
                        .statusCode())
                .isEqualTo(400);
    }

    @Test
    void alertOptInsAreSetAndClearedInTheSettingsGiven() {
        Account acc = Accounts.register(a, unique("alerts"));
        Map<String, Object> defaults = notify(a.as(acc.token(), "GET", "/api/v1/me", null));
        assertThat(defaults).containsEntry("partnerMissed", false).containsEntry("streakAtRisk", null);

        HttpResponse<String> on = b.as(acc.token(), "PATCH", "/api/v1/me", "{\"notify\":{\"partnerMissed\":true}}");
        assertThat(on.statusCode()).as(on.body()).isEqualTo(200);
        assertThat(notify(on)).containsEntry("partnerMissed", true).containsEntry("streakAtRisk", null);
        assertThat(notify(b.as(acc.token(), "PATCH", "/api/v1/me", "{\"notify\":{\"streakAtRisk\":\"20:30\"}}")))
                .as("partnerMissed stays")
                .containsEntry("partnerMissed", true)
                .containsEntry("streakAtRisk", "20:30");
        assertThat(notify(a.as(acc.token(), "GET", "/api/v1/me", null)))
                .as("on the other node")
                .containsEntry("partnerMissed", true)
                .containsEntry("streakAtRisk", "20:30");
        assertThat(notify(a.as(acc.token(), "PATCH", "/api/v1/me", "{\"displayName\":\"Alerted\"}")))
                .as("a change without notify leaves the alerts")
                .containsEntry("partnerMissed", true)
                .containsEntry("streakAtRisk", "20:30");
        assertThat(notify(a.as(acc.token(), "PATCH", "/api/v1/me", "{\"notify\":{\"streakAtRisk\":null}}")))
                .as("null turns the time off")
                .containsEntry("partnerMissed", true)
                .containsEntry("streakAtRisk", null);
        assertThat(notify(a.as(
                        acc.token(),
                        "PATCH",
                        "/api/v1/me",
                        "{\"notify\":{\"partnerMissed\":false,\"streakAtRisk\":\"06:05\"}}")))
                .containsEntry("partnerMissed", false)
                .containsEntry("streakAtRisk", "06:05");
        Map<String, Object> doc = Http.json(a.as(acc.token(), "GET", "/api/v1/me/export", null));
        assertThat(object(object(doc.get("profile")).get("notify")))
                .as("in the export")
                .containsEntry("partnerMissed", false)
                .containsEntry("streakAtRisk", "06:05");

        for (String bad : new String[] {"\"24:00\"", "\"8:30\"", "\"20:30:00\"", "\"8pm\"", "2030"}) {
            HttpResponse<String> r =
                    a.as(acc.token(), "PATCH", "/api/v1/me", "{\"notify\":{\"streakAtRisk\":" + bad + "}}");
            assertField(r, "notify.streakAtRisk");
            assertThat(Http.json(r).get("detail").toString()).as(bad).contains("HH:mm");
        }
        HttpResponse<String> unknown =
                a.as(acc.token(), "PATCH", "/api/v1/me", "{\"notify\":{\"foo\":true,\"partnerMissed\":true}}");
        assertField(unknown, "notify.foo");
        assertThat(Http.json(unknown).get("detail"))
                .isEqualTo("notify.foo: is not a setting; known: partnerMissed, streakAtRisk");
        HttpResponse<String> wrongType =
                a.as(acc.token(), "PATCH", "/api/v1/me", "{\"notify\":{\"partnerMissed\":\"yes\"}}");
        assertThat(wrongType.statusCode()).as(wrongType.body()).isEqualTo(400);
        assertThat(wrongType.body()).contains("notify.partnerMissed");
        assertThat(a.as(acc.token(), "PATCH", "/api/v1/me", "{\"notify\":true}").statusCode())
                .isEqualTo(400);
        assertThat(notify(a.as(acc.token(), "GET", "/api/v1/me", null)))
                .as("nothing changed")
                .containsEntry("partnerMissed", false)
                .containsEntry("streakAtRisk", "06:05");
    }

    /** The alerts of a 200 answer with a user. */
    static Map<String, Object> notify(HttpResponse<String> r) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return object(Http.json(r).get("notify"));
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> object(Object json) {
        assertThat(json).isInstanceOf(Map.class);
        return (Map<String, Object>) json;
    }

    @Test
    void theEmailChangesWithTheCurrentPasswordOnEveryNode() {
        String email = unique("old");
        Account acc = Accounts.register(a, email);
        String taken = unique("taken");
        Accounts.register(a, taken);
        assertThat(Http.json(b.as(acc.token(), "GET", "/api/v1/auth/check", null)))
                .as("cached on every node now")
                .containsEntry("email", email);
        String fresh = unique("new");

        HttpResponse<String> noPassword = a.as(acc.token(), "PATCH", "/api/v1/me", "{\"email\":\"" + fresh + "\"}");
        assertField(noPassword, "currentPassword");
        assertThat(Http.json(noPassword).get("detail")).isEqualTo("currentPassword: is required to change email");
        HttpResponse<String> wrong = a.as(
                acc.token(),
                "PATCH",
                "/api/v1/me",
                "{\"email\":\"" + fresh + "\",\"currentPassword\":\"not it at all\"}");
        assertField(wrong, "currentPassword");
        assertThat(Http.json(wrong).get("detail")).isEqualTo("currentPassword: is not your password");
        assertField(
                a.as(
                        acc.token(),
                        "PATCH",
                        "/api/v1/me",
                        "{\"email\":\"ann@127.0.0.1\",\"currentPassword\":\"" + PASSWORD + "\"}"),
                "email");
        HttpResponse<String> conflict = a.as(
                acc.token(),
                "PATCH",
                "/api/v1/me",
                "{\"email\":\"" + taken.toUpperCase() + "\",\"currentPassword\":\"" + PASSWORD + "\"}");
        assertThat(conflict.statusCode()).as(conflict.body()).isEqualTo(409);
        assertThat(conflict.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");

        HttpResponse<String> changed = a.as(
                acc.token(),
                "PATCH",
                "/api/v1/me",
                "{\"email\":\" " + fresh + " \",\"currentPassword\":\"" + PASSWORD + "\",\"displayName\":\"Moved\"}");
        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
        assertThat(Http.json(changed)).containsEntry("email", fresh).containsEntry("displayName", "Moved");
        assertThat(Http.json(b.as(acc.token(), "GET", "/api/v1/me", null))).containsEntry("email", fresh);
        assertThat(Http.json(b.as(acc.token(), "GET", "/api/v1/auth/check", null)))
                .as("the cached principal changed on every node")
                .containsEntry("email", fresh);
        assertThat(Accounts.login(b, fresh.toLowerCase(), PASSWORD)).startsWith("sfs_");
        assertThat(a.send(
                                "POST",
                                "/api/v1/auth/login",
                                "{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\"}")
                        .statusCode())
                .isEqualTo(401);
        assertThat(Http.json(a.as(acc.token(), "PATCH", "/api/v1/me", "{\"timezone\":\"Europe/Berlin\"}")))
                .as("the other fields need no password")
                .containsEntry("email", fresh)
                .containsEntry("timezone", "Europe/Berlin");
    }

    @Test
    void passwordResetByEmailIsNotConfiguredHereAndAnUnknownLinkIsGone() {
        String known = unique("reset");
        Accounts.register(a, known);
        List<String> details = new ArrayList<>();
        for (String email : new String[] {known, unique("nobody")}) {
            HttpResponse<String> r = b.send("POST", "/api/v1/auth/password-reset", "{\"email\":\"" + email + "\"}");
            assertThat(r.statusCode()).as(r.body()).isEqualTo(503);
            assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
            details.add(Http.json(r).get("detail").toString());
        }
        assertThat(details)
                .containsOnly(
                        "password reset by e-mail is not configured on this server; ask your administrator to reset it");
        HttpResponse<String> gone = a.send(
                "POST",
                "/api/v1/auth/password-reset/confirm",
                "{\"token\":\"sfr_" + "x".repeat(43) + "\",\"newPassword\":\"a brand new passphrase\"}");
        assertThat(gone.statusCode()).as(gone.body()).isEqualTo(410);
        assertThat(Http.json(gone).get("detail")).isEqualTo("this reset link was already used or has expired");
    }

    @Test
    void changingThePasswordRevokesTheOtherTokens() {
        String email = unique("pw");
        Account acc = Accounts.register(a, email);
        String other = Accounts.login(b, email, PASSWORD);
        assertField(
                a.as(
                        acc.token(),
                        "POST",
                        "/api/v1/me/password",
                        "{\"currentPassword\":\"nope nope nope\"," + "\"newPassword\":\"another fine passphrase\"}"),
                "currentPassword");
        assertField(
                a.as(
                        acc.token(),
                        "POST",
                        "/api/v1/me/password",
                        "{\"currentPassword\":\"" + PASSWORD + "\",\"newPassword\":\"qwertyuiop\"}"),
                "newPassword");
        assertThat(a.as(
                                acc.token(),
                                "POST",
                                "/api/v1/me/password",
                                "{\"currentPassword\":\"" + PASSWORD
                                        + "\",\"newPassword\":\"another fine passphrase\"}")
                        .statusCode())
                .isEqualTo(204);
        assertThat(b.as(other, "GET", "/api/v1/me", null).statusCode()).isEqualTo(401);
        assertThat(b.as(acc.token(), "GET", "/api/v1/me", null).statusCode()).isEqualTo(200);
        assertThat(a.send(
                                "POST",
                                "/api/v1/auth/login",
                                "{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\"}")
                        .statusCode())
                .isEqualTo(401);
        assertThat(Accounts.login(a, email, "another fine passphrase")).startsWith("sfs_");
    }

    @Test
    void wrongPasswordsBehindASessionAreThrottledLikeLogins() {
        Account acc = Accounts.register(a, unique("guess"));
        HttpResponse<String> answer = null;
        int tries = 0;
        while (tries < 12) {
            tries++;
            answer = b.as(
                    acc.token(),
                    tries % 2 == 0 ? "DELETE" : "POST",
                    tries % 2 == 0 ? "/api/v1/me" : "/api/v1/me/password",
                    tries % 2 == 0
                            ? "{\"password\":\"guess " + tries + "\"}"
                            : "{\"currentPassword\":\"guess " + tries
                                    + "\",\"newPassword\":\"an entirely new one 42\"}");
            if (answer.statusCode() != 422) {
                break;
            }
        }
        assertThat(answer.statusCode())
                .as("after " + tries + " wrong passwords: " + answer.body())
                .isEqualTo(429);
        assertThat(tries).isLessThanOrEqualTo(11);
        assertThat(answer.headers().firstValue("Retry-After")).isPresent();
        assertThat(answer.body()).contains("Too many wrong passwords");
        // the right one is refused too while the limit holds: the account stays
        assertThat(a.as(acc.token(), "DELETE", "/api/v1/me", "{\"password\":\"" + PASSWORD + "\"}")
                        .statusCode())
                .isEqualTo(429);
        assertThat(a.as(acc.token(), "GET", "/api/v1/me", null).statusCode()).isEqualTo(200);
    }

    @Test
    void aWriteTokenCannotTakeTheAccountOver() {
        Account acc = Accounts.register(a, unique("reach"));
        HttpResponse<String> created =
                a.as(acc.token(), "POST", "/api/v1/me/tokens", "{\"name\":\"Script\",\"scopes\":[\"read\",\"write\"]}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String pat = Http.json(created).get("token").toString();
        String patId = Http.json(created).get("id").toString();
        // what a leaked token could do to lock the owner out or outlive a revocation: none of it
        String[][] accountLevel = {
            {"POST", "/api/v1/me/tokens", "{\"name\":\"forever\",\"scopes\":[\"read\",\"write\"]}"},
            {"DELETE", "/api/v1/me/tokens/" + patId, null},
            {
                "POST",
                "/api/v1/me/password",
                "{\"currentPassword\":\"" + PASSWORD + "\",\"newPassword\":\"an entirely new one 42\"}"
            },
            {"PATCH", "/api/v1/me", "{\"email\":\"taken-over@example.org\",\"currentPassword\":\"" + PASSWORD + "\"}"},
            {"DELETE", "/api/v1/me", "{\"password\":\"" + PASSWORD + "\"}"},
        };
        for (String[] r : accountLevel) {
            HttpResponse<String> answer = b.as(pat, r[0], r[1], r[2]);
            assertThat(answer.statusCode())
                    .as(r[0] + " " + r[1] + ": " + answer.body())
                    .isEqualTo(403);
            assertThat(answer.body()).contains("session-required").contains("personal access token cannot");
        }
        // the token still works within its scopes, and the account is untouched
        assertThat(b.as(pat, "PATCH", "/api/v1/me", "{\"displayName\":\"Scripted\"}")
                        .statusCode())
                .isEqualTo(200);
        assertThat(b.as(pat, "PATCH", "/api/v1/me", "{\"displayName\":\"Scripted\",\"email\":\"" + acc.email() + "\"}")
                        .statusCode())
                .as("a profile form that sends the unchanged e-mail is no e-mail change")
                .isEqualTo(200);
        assertThat(b.as(
                                pat,
                                "POST",
                                "/api/v1/habits",
                                "{\"name\":\"Read\",\"type\":\"boolean\",\"schedule\":{\"kind\":\"daily\"}}")
                        .statusCode())
                .isEqualTo(201);
        assertThat(Http.json(a.as(acc.token(), "GET", "/api/v1/me", null)).get("email"))
                .isEqualTo(acc.email());
        assertThat(a.as(acc.token(), "GET", "/api/v1/me/tokens", null).body()).contains(patId);
    }

    @Test
    void personalAccessTokensHaveScopesAndShowTheirSecretOnce() {
        Account acc = Accounts.register(a, unique("pat"));
        HttpResponse<String> created =
                a.as(acc.token(), "POST", "/api/v1/me/tokens", "{\"name\":\"Home Assistant\",\"scopes\":[\"read\"]}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(created.headers().firstValue("Location").orElse("")).contains("/api/v1/me/tokens/");
        Map<String, Object> pat = Http.json(created);
        String secret = pat.get("token").toString();
        assertThat(secret).startsWith("sfp_");
        assertThat(b.as(secret, "GET", "/api/v1/me", null).statusCode()).isEqualTo(200);
        HttpResponse<String> write = b.as(secret, "PATCH", "/api/v1/me", "{\"displayName\":\"x\"}");
        assertThat(write.statusCode()).isEqualTo(403);
        assertThat(b.as(secret, "POST", "/api/v1/me/tokens", "{\"name\":\"y\",\"scopes\":[\"read\"]}")
                        .statusCode())
                .isEqualTo(403);
        HttpResponse<String> list = a.as(acc.token(), "GET", "/api/v1/me/tokens", null);
        assertThat(list.body())
                .contains("Home Assistant")
                .doesNotContain(secret)
                .doesNotContain("\"token\"");
        String readOnly = Http.json(a.as(
                        acc.token(), "POST", "/api/v1/me/tokens", "{\"name\":\"Wall display\",\"scopes\":[\"read\"]}"))
                .get("token")
                .toString();
        assertThat(b.as(readOnly, "POST", "/api/v1/auth/logout", null).statusCode())
                .as("a read-only token can end its own life")
                .isEqualTo(204);
        assertThat(a.as(readOnly, "GET", "/api/v1/me", null).statusCode()).isEqualTo(401);
        HttpResponse<String> rw = a.as(
                acc.token(),
                "POST",
                "/api/v1/me/tokens",
                "{\"name\":\"CI\",\"scopes\":[\"write\"],\"expiresAt\":\"2099-01-01T00:00:00Z\"}");
        String rwSecret = Http.json(rw).get("token").toString();
        assertThat(Http.json(rw).get("scopes").toString()).contains("write").contains("read");
        assertThat(b.as(rwSecret, "PATCH", "/api/v1/me", "{\"displayName\":\"Via Token\"}")
                        .statusCode())
                .isEqualTo(200);
        assertField(
                a.as(acc.token(), "POST", "/api/v1/me/tokens", "{\"name\":\"x\",\"scopes\":[\"admin\"]}"), "scopes");
        assertField(a.as(acc.token(), "POST", "/api/v1/me/tokens", "{\"name\":\"\",\"scopes\":[\"read\"]}"), "name");
        assertField(
                a.as(
                        acc.token(),
                        "POST",
                        "/api/v1/me/tokens",
                        "{\"name\":\"old\",\"scopes\":[\"read\"],\"expiresAt\":\"2001-01-01T00:00:00Z\"}"),
                "expiresAt");
        assertThat(a.as(acc.token(), "DELETE", "/api/v1/me/tokens/" + pat.get("id"), null)
                        .statusCode())
                .isEqualTo(204);
        assertThat(b.as(secret, "GET", "/api/v1/me", null).statusCode()).isEqualTo(401);
        assertThat(a.as(acc.token(), "DELETE", "/api/v1/me/tokens/" + pat.get("id"), null)
                        .statusCode())
                .isEqualTo(404);
        assertThat(a.as(acc.token(), "DELETE", "/api/v1/me/tokens/not-a-uuid", null)
                        .statusCode())
                .isEqualTo(404);
    }

    @Test
    void exportThenDeleteRemovesEverything() {
        String email = unique("gone");
        Account acc = Accounts.register(a, email);
        String pat = Http.json(
                        a.as(acc.token(), "POST", "/api/v1/me/tokens", "{\"name\":\"Export\",\"scopes\":[\"read\"]}"))
                .get("token")
                .toString();
        HttpResponse<String> export = b.as(acc.token(), "GET", "/api/v1/me/export", null);
        assertThat(export.statusCode()).isEqualTo(200);
        Map<String, Object> doc = Http.json(export);
        assertThat(doc).containsEntry("format", "steadfast-export").containsEntry("version", 1);
        assertThat(((Map<?, ?>) doc.get("profile")).get("email")).isEqualTo(email);
        assertThat(object(doc.get("profile"))).containsKey("notify");
        assertThat(export.body())
                .contains("Export")
                .doesNotContain(pat)
                .doesNotContain("passwordHash")
                .doesNotContain("argon2");
        assertField(a.as(acc.token(), "DELETE", "/api/v1/me", "{\"password\":\"not it at all\"}"), "password");
        assertThat(a.as(acc.token(), "DELETE", "/api/v1/me", "{\"password\":\"" + PASSWORD + "\"}")
                        .statusCode())
                .isEqualTo(204);
        assertThat(b.as(acc.token(), "GET", "/api/v1/me", null).statusCode()).isEqualTo(401);
        assertThat(b.as(pat, "GET", "/api/v1/me", null).statusCode()).isEqualTo(401);
        assertThat(a.send(
                                "POST",
                                "/api/v1/auth/login",
                                "{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\"}")
                        .statusCode())
                .isEqualTo(401);
        assertThat(Accounts.register(a, email).token())
                .as("the email is free again")
                .startsWith("sfs_");
    }

    @Test
    void adminEndpointsAnswer403ToUsers() {
        HttpResponse<String> asAdmin = a.as(admin.token(), "GET", "/api/v1/admin/users?limit=5", null);
        assertThat(asAdmin.statusCode()).as(asAdmin.body()).isEqualTo(200);
        assertThat(Http.json(asAdmin)).containsKeys("users", "total");
        Account user = Accounts.register(a, unique("plain"));
        HttpResponse<String> asUser = a.as(user.token(), "GET", "/api/v1/admin/users", null);
        assertThat(asUser.statusCode()).isEqualTo(403);
        assertThat(a.get("/api/v1/admin/users").statusCode()).isEqualTo(401);
        assertField(a.as(admin.token(), "GET", "/api/v1/admin/users?limit=0", null), "limit");
    }

    static void assertField(HttpResponse<String> r, String field) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(422);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        List<?> errors = (List<?>) Http.json(r).get("errors");
        List<Object> fields = new ArrayList<>();
        errors.forEach(e -> fields.add(((Map<?, ?>) e).get("field")));
        assertThat(fields).contains((Object) field);
    }

    static String login(Http node, String email, String password, String userAgent) {
        HttpResponse<String> r = node.send(
                "POST",
                "/api/v1/auth/login",
                "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}",
                "User-Agent",
                userAgent);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return Http.json(r).get("token").toString();
    }

    static List<Map<String, Object>> sessions(Http node, String token) throws Exception {
        HttpResponse<String> r = node.as(token, "GET", "/api/v1/me/sessions", null);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return new com.fasterxml.jackson.databind.ObjectMapper()
                .readValue(r.body(), new com.fasterxml.jackson.core.type.TypeReference<List<Map<String, Object>>>() {});
    }

    static String feedPath(Http node, String token) {
        HttpResponse<String> r = node.as(token, "POST", "/api/v1/me/calendar-feed", null);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        String url = Http.json(r).get("url").toString();
        return url.substring(url.indexOf("/api/"));
    }

    @Test
    void sessionsAreListedAndEndedOneByOneOrAllButThisOneAndTheFeedUrlEndsWithThem() throws Exception {
        Account acc = Accounts.register(a, unique("sessions"));
        String phone = login(b, acc.email(), PASSWORD, "Phone Browser/1.0");
        String laptop = login(a, acc.email(), PASSWORD, "Laptop Browser/2.0");
        HttpResponse<String> made =
                a.as(laptop, "POST", "/api/v1/me/tokens", "{\"name\":\"ci\",\"scopes\":[\"read\",\"write\"]}");
        assertThat(made.statusCode()).as(made.body()).isEqualTo(201);
        String pat = Http.json(made).get("token").toString();

        List<Map<String, Object>> list = sessions(b, laptop);
        assertThat(list)
                .as("the registration's and two logins; no personal access token")
                .hasSize(3);
        assertThat(list.get(0))
                .as("the caller's, used last, first")
                .containsEntry("current", true)
                .containsEntry("userAgent", "Laptop Browser/2.0")
                .containsEntry("address", "127.0.0.1")
                .containsKeys("id", "createdAt", "lastUsedAt", "expiresAt");
        assertThat(list)
                .filteredOn(x -> "Phone Browser/1.0".equals(x.get("userAgent")))
                .hasSize(1);
        assertThat(list.toString()).as("no secret or hash").doesNotContain("sfs_", "hash");
        String phoneId = list.stream()
                .filter(x -> "Phone Browser/1.0".equals(x.get("userAgent")))
                .findFirst()
                .orElseThrow()
                .get("id")
                .toString();

        for (String[] r : new String[][] {
            {"GET", "/api/v1/me/sessions"},
            {"DELETE", "/api/v1/me/sessions/" + phoneId},
            {"POST", "/api/v1/me/sessions/revoke-others"}
        }) {
            HttpResponse<String> answer = a.as(pat, r[0], r[1], null);
            assertThat(answer.statusCode())
                    .as(r[0] + " " + r[1] + " with a token: " + answer.body())
                    .isEqualTo(403);
            assertThat(answer.body()).contains("session-required");
        }
        Account other = Accounts.register(a, unique("other-sessions"));
        assertThat(a.as(other.token(), "DELETE", "/api/v1/me/sessions/" + phoneId, null)
                        .statusCode())
                .as("another user's session")
                .isEqualTo(404);
        assertThat(a.as(laptop, "DELETE", "/api/v1/me/sessions/not-a-uuid", null)
                        .statusCode())
                .isEqualTo(404);
        assertThat(b.as(phone, "GET", "/api/v1/me", null).statusCode()).isEqualTo(200);

        HttpResponse<String> ended = a.as(laptop, "DELETE", "/api/v1/me/sessions/" + phoneId, null);
        assertThat(ended.statusCode()).as(ended.body()).isEqualTo(204);
        assertThat(b.as(phone, "GET", "/api/v1/me", null).statusCode())
                .as("ended on the other node at once")
                .isEqualTo(401);

        String feed = feedPath(a, laptop);
        assertThat(b.get(feed).statusCode()).isEqualTo(200);
        HttpResponse<String> everywhere = b.as(laptop, "POST", "/api/v1/me/sessions/revoke-others", null);
        assertThat(everywhere.statusCode()).as(everywhere.body()).isEqualTo(200);
        assertThat(Http.json(everywhere)).containsEntry("ended", 1);
        assertThat(a.as(acc.token(), "GET", "/api/v1/me", null).statusCode())
                .as("the registration's session ended")
                .isEqualTo(401);
        assertThat(a.get(feed).statusCode())
                .as("the calendar feed URL ends with the sessions")
                .isEqualTo(404);
        assertThat(a.as(laptop, "GET", "/api/v1/me", null).statusCode())
                .as("the caller's stays")
                .isEqualTo(200);
        assertThat(a.as(pat, "GET", "/api/v1/habits", null).statusCode())
                .as("personal access tokens stay")
                .isEqualTo(200);
        assertThat(sessions(a, laptop)).hasSize(1);

        String second = feedPath(b, laptop);
        assertThat(a.get(second).statusCode()).as("a new feed URL works").isEqualTo(200);
        HttpResponse<String> changed = a.as(
                laptop,
                "POST",
                "/api/v1/me/password",
                "{\"currentPassword\":\"" + PASSWORD + "\",\"newPassword\":\"a different long passphrase\"}");
        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(204);
        assertThat(b.get(second).statusCode())
                .as("and ends with a password change, like every credential")
                .isEqualTo(404);
        assertThat(a.as(pat, "GET", "/api/v1/habits", null).statusCode()).isEqualTo(401);
    }

    @Test
    @SuppressWarnings("unchecked")
    void theSecurityLogShowsSignInsFailuresAndTokensAndALockTellsTheOwner() throws Exception {
        Account acc = Accounts.register(a, unique("seclog"));
        // on the node that registered: the log is in time order, and in the clock runs each node's simulated clock
        // started at its own boot
        String session = login(a, acc.email(), PASSWORD, "Laptop Browser/3.0");
        for (int i = 0; i < 2; i++) {
            assertThat(a.send(
                                    "POST",
                                    "/api/v1/auth/login",
                                    "{\"email\":\"" + acc.email() + "\",\"password\":\"not it at all\"}")
                            .statusCode())
                    .isEqualTo(401);
        }
        HttpResponse<String> made =
                a.as(session, "POST", "/api/v1/me/tokens", "{\"name\":\"backup script\",\"scopes\":[\"read\"]}");
        String pat = Http.json(made).get("token").toString();

        HttpResponse<String> log = b.as(session, "GET", "/api/v1/me/security-log", null);
        assertThat(log.statusCode()).as(log.body()).isEqualTo(200);
        List<Object> entries = (List<Object>) Http.json(log).get("entries");
        assertThat(entries)
                .extracting(e -> (Object) ((Map<?, ?>) e).get("kind"))
                .containsExactly("token-created", "sign-in-failed", "sign-in-failed", "sign-in", "account-created");
        Map<?, ?> signIn = (Map<?, ?>) entries.get(3);
        assertThat(signIn.get("userAgent")).isEqualTo("Laptop Browser/3.0");
        assertThat(signIn.get("address")).isEqualTo("127.0.0.1");
        assertThat(((Map<?, ?>) entries.get(0)).get("detail")).isEqualTo("token backup script (read)");
        assertThat(log.body()).as("never a secret").doesNotContain(pat, PASSWORD, "not it at all", session);

        HttpResponse<String> page = a.as(session, "GET", "/api/v1/me/security-log?limit=2", null);
        String next = Http.json(page).get("next").toString();
        List<?> older =
                (List<?>) Http.json(a.as(session, "GET", "/api/v1/me/security-log?limit=10&before=" + next, null))
                        .get("entries");
        assertThat(older)
                .extracting(e -> (Object) ((Map<?, ?>) e).get("kind"))
                .containsExactly("sign-in-failed", "sign-in", "account-created");
        assertThat(a.as(session, "GET", "/api/v1/me/security-log?before=nonsense", null)
                        .statusCode())
                .isEqualTo(422);
        assertThat(a.as(pat, "GET", "/api/v1/me/security-log", null).statusCode())
                .as("account-level: a token cannot read it")
                .isEqualTo(403);

        for (int i = 0; i < 3; i++) {
            a.send("POST", "/api/v1/auth/login", "{\"email\":\"" + acc.email() + "\",\"password\":\"not it at all\"}");
        }
        HttpResponse<String> told = b.awaitAs(
                session,
                "/api/v1/notifications",
                r -> r.body().contains("security_alert"),
                java.time.Duration.ofSeconds(30));
        assertThat(told.body())
                .as("five wrong passwords from one address lock it, and the owner hears of it in the app")
                .contains("security_alert")
                .contains("127.0.0.1");
        assertThat(Http.json(a.as(session, "GET", "/api/v1/me/security-log?limit=1", null))
                        .toString())
                .contains("sign-in-locked");
    }

    @Test
    void signingInAgainEndsTheSessionTheClientHeldButNotAToken() {
        Account acc = Accounts.register(a, unique("again"));
        String first = login(a, acc.email(), PASSWORD, "Browser/1");
        String body = "{\"email\":\"" + acc.email() + "\",\"password\":\"" + PASSWORD + "\"}";
        HttpResponse<String> again = b.send("POST", "/api/v1/auth/login", body, "Authorization", "Bearer " + first);
        assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
        String second = Http.json(again).get("token").toString();
        assertThat(a.as(first, "GET", "/api/v1/me", null).statusCode())
                .as("the session the client held ended")
                .isEqualTo(401);
        assertThat(a.as(second, "GET", "/api/v1/me", null).statusCode()).isEqualTo(200);
        String pat = Http.json(a.as(second, "POST", "/api/v1/me/tokens", "{\"name\":\"ci\",\"scopes\":[\"read\"]}"))
                .get("token")
                .toString();
        assertThat(a.send("POST", "/api/v1/auth/login", body, "Authorization", "Bearer " + pat)
                        .statusCode())
                .isEqualTo(200);
        assertThat(a.as(pat, "GET", "/api/v1/habits", null).statusCode())
                .as("a personal access token is no session: it stays")
                .isEqualTo(200);
    }
}
