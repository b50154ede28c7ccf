package io.steadfast.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;

import javax.inject.Inject;

import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;

/**
 * Boots the assembled distribution with its defaults (embedded H2, in-process cache) and checks the wiring:
 * every bundle active, health, errors as problem+json for any bundle's resource, request ids and security
 * headers, hardening, and a JAX-RS resource bundle installed and removed at runtime.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class DistributionIT {

    @Inject
    private BundleContext context;

    @Inject
    private org.osgi.service.cm.ConfigurationAdmin configAdmin;

    @Inject
    private org.apache.karaf.shell.api.console.SessionFactory sessions;

    private Http http;
    private ServiceRegistration<EchoResource> echo;

    @Configuration
    public Option[] config() {
        return Distribution.options();
    }

    @Before
    public void setUp() {
        http = new Http(Distribution.port());
        Hashtable<String, Object> props = new Hashtable<>();
        props.put("osgi.jaxrs.resource", Boolean.TRUE);
        props.put("osgi.jaxrs.application.select", "(osgi.jaxrs.name=steadfast)");
        props.put("osgi.jaxrs.extension.select", "(osgi.jaxrs.media.type=application/json)");
        echo = context.registerService(EchoResource.class, new EchoResource(), props);
        http.awaitApi();
        http.await(
                "/api/itest/echo/things/x",
                r -> r.statusCode() == 404 && r.body().contains("Thing"),
                Duration.ofSeconds(20));
    }

    @After
    public void tearDown() {
        if (echo != null) {
            echo.unregister();
        }
    }

    @Test
    public void everyBundleIsActive() {
        List<String> notActive = new ArrayList<>();
        for (Bundle b : context.getBundles()) {
            boolean fragment = b.getHeaders().get("Fragment-Host") != null;
            int expected = fragment ? Bundle.RESOLVED : Bundle.ACTIVE;
            if (b.getState() != expected) {
                notActive.add(b.getSymbolicName() + " " + b.getVersion() + " state " + b.getState());
            }
        }
        assertTrue("Not active: " + notActive, notActive.isEmpty());
        for (String name : new String[] {
            "io.steadfast.api",
            "io.steadfast.storage",
            "io.steadfast.platform",
            "io.steadfast.redis",
            "io.steadfast.identity",
            "io.steadfast.habit",
            "io.steadfast.streak",
            "io.steadfast.cache",
            "io.steadfast.calendar",
            "io.steadfast.plugins.measurement",
            "io.steadfast.plugins.journal"
        }) {
            assertTrue(name + " installed", bundle(name) != null);
        }
    }

    @Test
    public void healthIsHealthyWithTheEmbeddedDefaults() throws Exception {
        HttpResponse<String> anyone = http.get("/health");
        assertEquals(anyone.body(), 200, anyone.statusCode());
        Map<String, Object> summary = Http.json(anyone);
        assertEquals("healthy", summary.get("status"));
        assertEquals(
                "anyone sees counts, no part: " + summary,
                java.util.Set.of("status", "healthy", "unhealthy"),
                summary.keySet());
        assertEquals(0, summary.get("unhealthy"));
        assertFalse(anyone.body(), anyone.body().contains("h2") || anyone.body().contains("database"));
        HttpResponse<String> r = http.as(admin(), "GET", "/health", null);
        assertEquals(r.body(), 200, r.statusCode());
        Map<String, Object> body = Http.json(r);
        assertEquals("healthy", body.get("status"));
        Map<?, ?> services = (Map<?, ?>) body.get("services");
        assertEquals("healthy", ((Map<?, ?>) services.get("database")).get("status"));
        assertTrue(
                ((Map<?, ?>) services.get("database")).get("message").toString().startsWith("h2"));
        assertTrue(((Map<?, ?>) services.get("cache")).get("message").toString().contains("in-process"));
        assertEquals(200, http.get("/health/live").statusCode());
        assertEquals(200, http.get("/health/ready").statusCode());
        assertEquals(405, http.send("POST", "/health", "{}").statusCode());
    }

    @Test
    public void malformedJsonIs400ProblemJson() {
        HttpResponse<String> r = http.send("POST", "/api/itest/echo", "{\"name\": \"x\", ");
        assertProblem(r, 400, "malformed-json");
        HttpResponse<String> wrongType = http.send("POST", "/api/itest/echo", "{\"name\":\"x\",\"count\":\"many\"}");
        assertProblem(wrongType, 400, "malformed-json");
        assertTrue(
                wrongType.body(), Http.json(wrongType).get("detail").toString().contains("count"));
        HttpResponse<String> badDate = http.send("POST", "/api/itest/echo", "{\"name\":\"x\",\"day\":\"soon\"}");
        assertProblem(badDate, 400, "malformed-json");
        HttpResponse<String> array = http.send("POST", "/api/itest/echo", "[1,2]");
        assertProblem(array, 400, "malformed-json");
    }

    @Test
    public void failedValidationIs422WithTheFields() {
        HttpResponse<String> r = http.send("POST", "/api/itest/echo", "{\"name\":\" \",\"count\":1}");
        assertProblem(r, 422, "validation-failed");
        List<?> errors = (List<?>) Http.json(r).get("errors");
        assertEquals("name", ((Map<?, ?>) errors.get(0)).get("field"));
        HttpResponse<String> empty = http.send("POST", "/api/itest/echo", "");
        assertTrue(empty.body(), empty.statusCode() == 422 || empty.statusCode() == 400);
        HttpResponse<String> ok = http.send(
                "POST", "/api/itest/echo", "{\"name\":\"Walk\",\"count\":2,\"day\":\"2026-03-01\",\"extra\":true}");
        assertEquals(ok.body(), 200, ok.statusCode());
        assertEquals("2026-03-01", Http.json(ok).get("day"));
    }

    @Test
    public void unknownPathsIdsAndMethodsAreProblems() {
        assertProblem(http.get("/api/v1/no-such-thing"), 404, "not-found");
        assertProblem(http.get("/api/itest/echo/things/123"), 404, "not-found");
        HttpResponse<String> wrongMethod = http.send("DELETE", "/api/itest/echo", null);
        assertProblem(wrongMethod, 405, "method-not-allowed");
        assertNotNull(wrongMethod.headers().firstValue("Allow").orElse(null));
        HttpResponse<String> wrongType = http.send("POST", "/api/itest/echo", "name=x", "Content-Type", "text/plain");
        assertTrue(wrongType.body(), wrongType.statusCode() == 415);
    }

    @Test
    public void aBugIs500WithoutAStackTrace() {
        HttpResponse<String> r = http.get("/api/itest/echo/boom");
        assertProblem(r, 500, "server-error");
        assertFalse(r.body(), r.body().contains("secret internal detail"));
        assertFalse(r.body(), r.body().contains("Exception"));
        assertFalse(r.body(), r.body().contains("at io.steadfast"));
    }

    @Test
    public void everyResponseCarriesARequestIdAndSecurityHeaders() {
        HttpResponse<String> given = http.send("GET", "/api/openapi.json", null, "X-Request-Id", "abc-123");
        assertEquals("abc-123", given.headers().firstValue("X-Request-Id").orElse(null));
        for (String path : new String[] {"/api/openapi.json", "/api/nope", "/health"}) {
            HttpResponse<String> r = http.get(path);
            assertEquals(36, r.headers().firstValue("X-Request-Id").orElse("").length());
            assertEquals(
                    "nosniff", r.headers().firstValue("X-Content-Type-Options").orElse(null));
            assertEquals(
                    "no-referrer", r.headers().firstValue("Referrer-Policy").orElse(null));
            assertTrue(
                    r.headers().firstValue("Content-Security-Policy").orElse("").contains("frame-ancestors"));
        }
        HttpResponse<String> cors = http.send("GET", "/api/openapi.json", null, "Origin", "https://evil.example");
        assertNull(
                "no CORS by default",
                cors.headers().firstValue("Access-Control-Allow-Origin").orElse(null));
    }

    @Test
    public void openApiDocumentsWhatIsRunningNow() {
        HttpResponse<String> r = http.get("/api/openapi.json");
        assertEquals(200, r.statusCode());
        Map<?, ?> paths = (Map<?, ?>) Http.json(r).get("paths");
        assertTrue(paths.keySet().toString(), paths.containsKey("/health"));
        assertTrue(paths.keySet().toString(), paths.containsKey("/api/openapi.json"));
        assertTrue(paths.keySet().toString(), paths.containsKey("/api/itest/echo"));
        echo.unregister();
        echo = null;
        HttpResponse<String> after =
                http.await("/api/openapi.json", x -> !x.body().contains("/api/itest/echo"), Duration.ofSeconds(10));
        assertFalse(after.body().contains("/api/itest/echo"));
    }

    @Test
    public void aResourceBundleInstalledAtRuntimeAnswersAndIsGoneAfterUninstall() throws Exception {
        HttpResponse<String> reg = http.send(
                "POST",
                "/api/v1/auth/register",
                "{\"email\":\"hot-" + System.nanoTime()
                        + "@example.org\",\"password\":\"correct horse battery staple\"}");
        assertEquals(reg.body(), 201, reg.statusCode());
        String token = Http.json(reg).get("token").toString();
        assertEquals(404, http.as(token, "GET", "/api/hot", null).statusCode());
        Bundle hot = context.installBundle(System.getProperty("steadfast.test.hotBundle"));
        long start = System.nanoTime();
        hot.start();
        HttpResponse<String> up = http.await("/api/hot", r -> r.statusCode() != 404, Duration.ofSeconds(10));
        System.out.println("hot resource answered after " + (System.nanoTime() - start) / 1_000_000 + " ms");
        assertEquals("a bundle installed later is protected without code of its own", 401, up.statusCode());
        HttpResponse<String> authed = http.as(token, "GET", "/api/hot", null);
        assertEquals(200, authed.statusCode());
        assertEquals("hot", authed.body());
        hot.uninstall();
        HttpResponse<String> gone = http.await("/api/hot", r -> r.statusCode() == 404, Duration.ofSeconds(10));
        assertEquals(404, gone.statusCode());
    }

    @Test
    public void anAchievementIsPublishedOnEventAdmin() throws Exception {
        java.util.concurrent.BlockingQueue<org.osgi.service.event.Event> got =
                new java.util.concurrent.LinkedBlockingQueue<>();
        Hashtable<String, Object> props = new Hashtable<>();
        props.put("event.topics", "steadfast/achievement/EARNED");
        ServiceRegistration<org.osgi.service.event.EventHandler> reg =
                context.registerService(org.osgi.service.event.EventHandler.class, got::add, props);
        try {
            HttpResponse<String> r = http.send(
                    "POST",
                    "/api/v1/auth/register",
                    "{\"email\":\"event-" + System.nanoTime()
                            + "@example.org\",\"password\":\"correct horse battery staple\"}");
            String token = Http.json(r).get("token").toString();
            String id = Http.json(http.as(
                            token,
                            "POST",
                            "/api/v1/habits",
                            "{\"name\":\"Tea\",\"type\":\"boolean\",\"schedule\":{\"kind\":\"daily\"}}"))
                    .get("id")
                    .toString();
            String today = Http.json(http.as(token, "GET", "/api/v1/today", null))
                    .get("date")
                    .toString();
            assertEquals(
                    200,
                    http.as(token, "PUT", "/api/v1/habits/" + id + "/checkins/" + today, "{}")
                            .statusCode());
            org.osgi.service.event.Event e = got.poll(10, java.util.concurrent.TimeUnit.SECONDS);
            assertNotNull("an EARNED event", e);
            assertEquals("first-checkin", e.getProperty("code"));
            assertEquals(((Map<?, ?>) Http.json(r).get("user")).get("id"), e.getProperty("userId"));
        } finally {
            reg.unregister();
        }
    }

    @Test
    public void tooLargeBodiesAre413() {
        String big = "{\"name\":\"" + "x".repeat(1_100_000) + "\"}";
        HttpResponse<String> r = http.send("POST", "/api/itest/echo", big);
        assertProblem(r, 413, "payload-too-large");
    }

    @Test
    public void corsAnswersOnlyConfiguredOriginsAndTheSettingAppliesLive() throws Exception {
        org.osgi.service.cm.Configuration c = configAdmin.getConfiguration("io.steadfast.platform", "?");
        Hashtable<String, Object> props = new Hashtable<>();
        props.put("cors.allowedOrigins", new String[] {"https://habits.example.org"});
        c.update(props);
        try {
            HttpResponse<String> pre = http.await("/api/openapi.json", r -> true, Duration.ofMillis(1));
            long deadline = System.currentTimeMillis() + 10_000;
            do {
                pre = http.send(
                        "OPTIONS",
                        "/api/v1/habits",
                        null,
                        "Origin",
                        "https://habits.example.org",
                        "Access-Control-Request-Method",
                        "POST",
                        "Access-Control-Request-Headers",
                        "Authorization");
                if (pre.statusCode() == 204) {
                    break;
                }
                Thread.sleep(200);
            } while (System.currentTimeMillis() < deadline);
            assertEquals(204, pre.statusCode());
            assertEquals(
                    "https://habits.example.org",
                    pre.headers().firstValue("Access-Control-Allow-Origin").orElse(null));
            assertTrue(pre.headers()
                    .firstValue("Access-Control-Allow-Headers")
                    .orElse("")
                    .contains("Authorization"));
            HttpResponse<String> get =
                    http.send("GET", "/api/openapi.json", null, "Origin", "https://habits.example.org");
            assertEquals(
                    "https://habits.example.org",
                    get.headers().firstValue("Access-Control-Allow-Origin").orElse(null));
            HttpResponse<String> other = http.send("GET", "/api/openapi.json", null, "Origin", "https://evil.example");
            assertNull(other.headers().firstValue("Access-Control-Allow-Origin").orElse(null));
        } finally {
            c.delete();
        }
    }

    @Test
    public void linksComeFromTheListeningAddressAndABadPublicUrlIsNamedAndIgnored() throws Exception {
        String base = "http://localhost:" + Distribution.port();
        HttpResponse<String> reg = http.send(
                "POST",
                "/api/v1/auth/register",
                "{\"email\":\"links-" + System.nanoTime()
                        + "@example.org\",\"password\":\"correct horse battery staple\"}");
        String token = Http.json(reg).get("token").toString();
        String habit = "{\"name\":\"Links\",\"type\":\"boolean\",\"schedule\":{\"kind\":\"daily\"}}";
        HttpResponse<String> created = http.as(token, "POST", "/api/v1/habits", habit);
        assertEquals(created.body(), 201, created.statusCode());
        assertTrue(
                "not the request's Host (127.0.0.1): " + created.headers().firstValue("Location"),
                created.headers().firstValue("Location").orElse("").startsWith(base + "/api/v1/habits/"));
        assertTrue(http.as(admin(), "GET", "/health", null)
                .body()
                .contains("\"publicUrl\":{\"status\":\"healthy\",\"message\":\"" + base + " (the listening address)"));
        org.osgi.service.cm.Configuration c = configAdmin.getConfiguration("io.steadfast.platform", "?");
        Hashtable<String, Object> props = new Hashtable<>();
        props.put("publicUrl", "ftp://habits.example.org");
        c.update(props);
        try {
            HttpResponse<String> health = http.awaitAs(
                    admin(), "/health", r -> r.body().contains("must start with https://"), Duration.ofSeconds(10));
            assertTrue(
                    health.body(), health.body().contains("publicUrl (etc/io.steadfast.platform.cfg) 'ftp://habits"));
            HttpResponse<String> again = http.as(token, "POST", "/api/v1/habits", habit);
            assertTrue(again.headers().firstValue("Location").orElse("").startsWith(base + "/api/v1/habits/"));
            String log = Files.readString(Path.of(System.getProperty("karaf.home"), "data", "log", "karaf.log"));
            assertTrue("an ERROR in words", log.contains("The public URL is invalid: publicUrl"));
            props.put("publicUrl", "https://habits.example.org/");
            c.update(props);
            HttpResponse<String> https = http.awaitAs(
                    admin(),
                    "/health",
                    r -> r.body().contains("https://habits.example.org (publicUrl)"),
                    Duration.ofSeconds(10));
            assertTrue(https.body(), https.body().contains("https://habits.example.org (publicUrl)"));
            HttpResponse<String> third = http.as(token, "POST", "/api/v1/habits", habit);
            assertTrue(
                    third.headers().firstValue("Location").orElse(""),
                    third.headers()
                            .firstValue("Location")
                            .orElse("")
                            .startsWith("https://habits.example.org/api/v1/habits/"));
        } finally {
            c.delete();
        }
    }

    @Test
    public void theSimulatedClockMovesLiveAndBack() throws Exception {
        org.osgi.service.cm.Configuration c = configAdmin.getConfiguration("io.steadfast.clock", "?");
        Hashtable<String, Object> props = new Hashtable<>();
        props.put("start", "2030-01-01T00:00:00Z");
        c.update(props);
        try {
            HttpResponse<String> health = http.awaitAs(
                    admin(),
                    "/health",
                    r -> r.body().contains("simulated clock, started at 2030-01-01T00:00:00Z"),
                    Duration.ofSeconds(10));
            assertTrue(health.body(), health.body().contains("simulated clock, started at 2030-01-01T00:00:00Z"));
            assertTrue(
                    ServerTime.now(http).toString(),
                    ServerTime.now(http).toString().startsWith("2030-01-01T00:0"));
        } finally {
            c.delete();
        }
        HttpResponse<String> back =
                http.awaitAs(admin(), "/health", r -> r.body().contains("system clock"), Duration.ofSeconds(10));
        assertTrue(back.body(), back.body().contains("\"message\":\"system clock\""));
    }

    @Test
    public void limitsAreConfiguredInOnePlaceAndApplyLive() throws Exception {
        HttpResponse<String> reg = http.send(
                "POST",
                "/api/v1/auth/register",
                "{\"email\":\"limits-" + System.nanoTime()
                        + "@example.org\",\"password\":\"correct horse battery staple\"}");
        String token = Http.json(reg).get("token").toString();
        String habit = "{\"name\":\"Limited\",\"type\":\"boolean\",\"schedule\":{\"kind\":\"daily\"}}";
        assertEquals(201, http.as(token, "POST", "/api/v1/habits", habit).statusCode());
        assertEquals(201, http.as(token, "POST", "/api/v1/habits", habit).statusCode());
        org.osgi.service.cm.Configuration c = configAdmin.getConfiguration("io.steadfast.limits", "?");
        Hashtable<String, Object> before = c.getProperties() == null ? null : copy(c.getProperties());
        Hashtable<String, Object> props = before == null ? new Hashtable<>() : copy(before);
        props.put("habits", 2);
        c.update(props);
        try {
            HttpResponse<String> refused = null;
            long deadline = System.currentTimeMillis() + 10_000;
            do {
                refused = http.as(token, "POST", "/api/v1/habits", habit);
                if (refused.statusCode() == 422) {
                    break;
                }
                http.as(token, "DELETE", "/api/v1/habits/" + Http.json(refused).get("id"), null);
                Thread.sleep(200);
            } while (System.currentTimeMillis() < deadline);
            assertProblem(refused, 422, "limit-reached");
            assertTrue(
                    refused.body(),
                    refused.body().contains("You have 2 habits, the most this server allows")
                            && refused.body().contains("(limit habits)"));
            assertEquals(
                    "the refused habit was not made",
                    2,
                    new com.fasterxml.jackson.databind.ObjectMapper()
                            .readTree(http.as(token, "GET", "/api/v1/habits", null)
                                    .body())
                            .size());
        } finally {
            if (before == null) {
                c.delete();
            } else {
                c.update(before);
            }
        }
    }

    private static Hashtable<String, Object> copy(java.util.Dictionary<String, Object> d) {
        Hashtable<String, Object> h = new Hashtable<>();
        for (java.util.Enumeration<String> k = d.keys(); k.hasMoreElements(); ) {
            String key = k.nextElement();
            h.put(key, d.get(key));
        }
        return h;
    }

    @Test
    public void registrationCanBeClosedLive() throws Exception {
        org.osgi.service.cm.Configuration c = configAdmin.getConfiguration("io.steadfast.identity", "?");
        Hashtable<String, Object> props = new Hashtable<>();
        props.put("registration.open", Boolean.FALSE);
        c.update(props);
        try {
            HttpResponse<String> closed = null;
            long deadline = System.currentTimeMillis() + 10_000;
            do {
                closed = http.send(
                        "POST",
                        "/api/v1/auth/register",
                        "{\"email\":\"closed-" + System.nanoTime()
                                + "@example.org\",\"password\":\"correct horse battery staple\"}");
                if (closed.statusCode() == 403) {
                    break;
                }
                Thread.sleep(200);
            } while (System.currentTimeMillis() < deadline);
            assertProblem(closed, 403, "forbidden");
        } finally {
            c.delete();
        }
        HttpResponse<String> open = http.await("/health", r -> true, Duration.ofMillis(1));
        long deadline = System.currentTimeMillis() + 10_000;
        do {
            open = http.send(
                    "POST",
                    "/api/v1/auth/register",
                    "{\"email\":\"open-" + System.nanoTime()
                            + "@example.org\",\"password\":\"correct horse battery staple\"}");
            if (open.statusCode() == 201) {
                break;
            }
            Thread.sleep(200);
        } while (System.currentTimeMillis() < deadline);
        assertEquals(open.body(), 201, open.statusCode());
    }

    @Test
    public void operatorsManageAccountsFromTheShell() throws Exception {
        // whatever the test order, this is not the server's first account (which would be its admin)
        http.send(
                "POST",
                "/api/v1/auth/register",
                "{\"email\":\"someone-" + System.nanoTime()
                        + "@example.org\",\"password\":\"correct horse battery staple\"}");
        String email = "shell-" + System.nanoTime() + "@example.org";
        HttpResponse<String> r = http.send(
                "POST",
                "/api/v1/auth/register",
                "{\"email\":\"" + email + "\",\"password\":\"correct horse battery staple\"}");
        String token = Http.json(r).get("token").toString();
        assertEquals(
                "a user first",
                403,
                http.as(token, "GET", "/api/v1/admin/users", null).statusCode());
        assertTrue(shell("steadfast:users --limit 1000").contains(email));
        assertTrue(shell("steadfast:user-role " + email + " admin").contains("is now admin"));
        assertEquals(200, http.as(token, "GET", "/api/v1/admin/users", null).statusCode());
        String log = shell("steadfast:security-log --user " + email);
        assertTrue(
                log,
                log.contains("role-changed") && log.contains("from user to admin") && log.contains("account-created"));
        assertTrue(shell("steadfast:user-revoke-tokens " + email).contains("1 token(s) revoked"));
        assertTrue(shell("steadfast:security-log --limit 5").contains("tokens-revoked"));
        String health = shell("steadfast:health");
        assertTrue(health, health.contains("database") && health.contains("h2") && health.contains("ready: yes"));
        assertEquals(401, http.as(token, "GET", "/api/v1/me", null).statusCode());
    }

    static final String PASSWORD = "correct horse battery staple";

    /** Registers an account (not the server's first: that one is the admin); answers its session token. */
    private String registered(String email) {
        HttpResponse<String> r = http.send(
                "POST",
                "/api/v1/auth/register",
                "{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\",\"displayName\":\"Shell Test\"}");
        assertEquals(r.body(), 201, r.statusCode());
        return Http.json(r).get("token").toString();
    }

    private HttpResponse<String> login(String email, String password) {
        return http.send(
                "POST", "/api/v1/auth/login", "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}");
    }

    /** Runs SQL on the server's database, bypassing every service (as an operator's manual fix would). */
    private int sql(String statement, Object... params) throws Exception {
        java.util.Collection<org.osgi.framework.ServiceReference<javax.sql.DataSource>> refs =
                context.getServiceReferences(javax.sql.DataSource.class, "(osgi.jndi.service.name=steadfast)");
        javax.sql.DataSource ds = context.getService(refs.iterator().next());
        try (java.sql.Connection c = ds.getConnection();
                java.sql.PreparedStatement ps = c.prepareStatement(statement)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            return ps.executeUpdate();
        }
    }

    private long sqlCount(String query, Object... params) throws Exception {
        java.util.Collection<org.osgi.framework.ServiceReference<javax.sql.DataSource>> refs =
                context.getServiceReferences(javax.sql.DataSource.class, "(osgi.jndi.service.name=steadfast)");
        javax.sql.DataSource ds = context.getService(refs.iterator().next());
        try (java.sql.Connection c = ds.getConnection();
                java.sql.PreparedStatement ps = c.prepareStatement(query)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            try (java.sql.ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    @Test
    public void operatorsLookUpDisableAndEnableAnAccountFromTheShell() throws Exception {
        String tag = "disable" + System.nanoTime();
        String email = tag + "@example.org";
        String token = registered(email);
        String habit = Http.json(http.as(
                        token,
                        "POST",
                        "/api/v1/habits",
                        "{\"name\":\"Stretch\",\"type\":\"boolean\",\"schedule\":{\"kind\":\"daily\"}}"))
                .get("id")
                .toString();
        String today = Http.json(http.as(token, "GET", "/api/v1/today", null))
                .get("date")
                .toString();
        assertEquals(
                200,
                http.as(token, "PUT", "/api/v1/habits/" + habit + "/checkins/" + today, "{}")
                        .statusCode());

        String found = shell("steadfast:users --query " + tag.toUpperCase());
        assertTrue(found, found.contains(email) && found.contains("1 account(s) match"));
        String none = shell("steadfast:users --query nobody-" + tag);
        assertTrue(none, none.contains("0 account(s) match"));
        String user = shell("steadfast:user " + email);
        assertTrue(user, user.contains("Shell Test") && user.contains("Disabled") && user.contains("no"));
        assertTrue(user, user.contains("Habits") && user.contains("Last check-in") && user.contains("Last sign-in"));
        assertTrue(user, user.contains("session") && user.contains("1 session(s) and token(s) work now"));
        assertFalse("never a secret", user.contains(token));
        assertTrue(shell("steadfast:user nobody-" + tag + "@example.org").contains("No account"));

        String disabled = shell("steadfast:user-disable " + email);
        assertTrue(
                disabled, disabled.contains("is disabled") && disabled.contains("1 session(s) and token(s) revoked"));
        assertEquals(
                "the token stops at once",
                401,
                http.as(token, "GET", "/api/v1/me", null).statusCode());
        HttpResponse<String> refused = login(email, PASSWORD);
        assertProblem(refused, 403, "account-disabled");
        assertTrue(refused.body(), Http.json(refused).get("detail").toString().contains("administrator"));
        assertEquals(
                "a wrong password learns nothing",
                401,
                login(email, "not the password").statusCode());
        assertTrue(shell("steadfast:user " + email).contains("yes, since"));
        assertTrue(shell("steadfast:users --query " + tag).contains("since"));

        String enabled = shell("steadfast:user-enable " + email);
        assertTrue(enabled, enabled.contains("is enabled") && enabled.contains("stay revoked"));
        assertEquals(
                "revoked stays revoked",
                401,
                http.as(token, "GET", "/api/v1/me", null).statusCode());
        HttpResponse<String> back = login(email, PASSWORD);
        assertEquals(back.body(), 200, back.statusCode());
        assertEquals(
                200,
                http.as(Http.json(back).get("token").toString(), "GET", "/api/v1/me", null)
                        .statusCode());
        assertTrue(shell("steadfast:user-enable " + email).contains("was not disabled"));
        String log = shell("steadfast:security-log --user " + email);
        assertTrue(
                log,
                log.contains("account-disabled") && log.contains("account-enabled") && log.contains("sign-in-refused"));
    }

    @Test
    public void operatorsListHabitsAndRecomputeStatisticsThatDriftedFromTheCheckins() throws Exception {
        String email = "stats" + System.nanoTime() + "@example.org";
        String token = registered(email);
        java.time.LocalDate today = java.time.LocalDate.parse(Http.json(http.as(token, "GET", "/api/v1/today", null))
                .get("date")
                .toString());
        String habit = Http.json(http.as(
                        token,
                        "POST",
                        "/api/v1/habits",
                        "{\"name\":\"Read\",\"type\":\"boolean\",\"schedule\":{\"kind\":\"daily\"},"
                                + "\"startDate\":\"" + today.minusDays(2) + "\"}"))
                .get("id")
                .toString();
        for (int d = 2; d >= 0; d--) {
            assertEquals(
                    200,
                    http.as(token, "PUT", "/api/v1/habits/" + habit + "/checkins/" + today.minusDays(d), "{}")
                            .statusCode());
        }
        String habits = shell("steadfast:habits --user " + email);
        assertTrue(habits, habits.contains(habit) && habits.contains("Read") && habits.contains("daily"));
        assertTrue(habits, habits.contains("1 habit(s) of " + email));
        assertEquals(3, streak(token, habit));
        // every change delivered to the statistics, so that nothing replays the day changed below
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(20);
        while (sqlCount("SELECT COUNT(*) FROM habit_outbox WHERE habit_id = ?", habit) > 0) {
            assertTrue("the outbox delivers", System.nanoTime() < deadline);
            Thread.sleep(50);
        }
        assertEquals(3, streak(token, habit));
        String agrees = shell("steadfast:stats-recompute --habit " + habit);
        assertTrue(agrees, agrees.contains("No differences") && agrees.contains("1 habit(s)"));

        // yesterday's check-in removed behind the application's back (as a restore or a manual fix would)
        assertEquals(1, sql("DELETE FROM checkin WHERE habit_id = ? AND check_date = ?", habit, today.minusDays(1)));
        assertEquals("the derived statistics do not know", 3, streak(token, habit));
        String fixed = shell("steadfast:stats-recompute --user " + email);
        assertTrue(fixed, fixed.contains("habit " + habit + " \"Read\" of " + email));
        // (the day before the habit was made counts only with a record: without one it neither counts nor breaks)
        assertTrue(fixed, fixed.contains("current streak 3 days → 2 days") && fixed.contains("done days 3 → 2"));
        assertTrue(fixed, fixed.contains("1 habit(s) recomputed: 1 fixed"));
        assertEquals("served fixed", 2, streak(token, habit));
        assertTrue(shell("steadfast:stats-recompute --habit " + habit).contains("No differences"));
        String all = shell("steadfast:stats-recompute --all");
        assertTrue(all, all.contains("habit(s)"));
        try {
            shell("steadfast:stats-recompute");
            throw new AssertionError("one of --user, --habit, --all is required");
        } catch (Exception expected) {
            assertTrue(expected.toString(), expected.getMessage().contains("exactly one of"));
        }
    }

    private int streak(String token, String habit) {
        HttpResponse<String> r = http.as(token, "GET", "/api/v1/habits/" + habit + "/stats", null);
        assertEquals(r.body(), 200, r.statusCode());
        return ((Number) ((Map<?, ?>) Http.json(r).get("streak")).get("current")).intValue();
    }

    @Test
    public void operatorsSeeDeliveriesAndSendAFailedOneAgainOnce() throws Exception {
        String email = "deliveries" + System.nanoTime() + "@example.org";
        String token = registered(email);
        HttpResponse<String> channels = http.as(token, "GET", "/api/v1/me/channels", null);
        assertEquals(channels.body(), 200, channels.statusCode());
        String inApp = null;
        for (Object c : new com.fasterxml.jackson.databind.ObjectMapper().readValue(channels.body(), List.class)) {
            if ("in-app".equals(((Map<?, ?>) c).get("type"))) {
                inApp = ((Map<?, ?>) c).get("id").toString();
            }
        }
        assertNotNull(channels.body(), inApp);
        HttpResponse<String> test = http.as(token, "POST", "/api/v1/me/channels/" + inApp + "/test", null);
        assertEquals(test.body(), 202, test.statusCode());
        String delivery = Http.json(test).get("deliveryId").toString();
        HttpResponse<String> first = http.awaitAs(
                token,
                "/api/v1/me/deliveries/" + delivery,
                r -> r.body().contains("\"status\":\"sent\""),
                Duration.ofSeconds(20));
        assertTrue(first.body(), first.body().contains("\"status\":\"sent\""));
        // as if every attempt had failed
        assertEquals(
                1,
                sql(
                        "UPDATE delivery SET status = 'failed', attempts = 8, last_error = 'the receiver said no' "
                                + "WHERE id = ?",
                        delivery));
        String failed = shell("steadfast:deliveries --status failed --user " + email);
        assertTrue(
                failed,
                failed.contains(delivery) && failed.contains("in-app") && failed.contains("the receiver said no"));
        assertTrue(shell("steadfast:deliveries --status sent --user " + email).contains("0 deliveries"));
        assertTrue(shell("steadfast:deliveries --type in-app --limit 5").contains("in-app"));

        String retried = shell("steadfast:delivery-retry " + delivery);
        assertTrue(retried, retried.contains("pending again") && retried.contains("once"));
        HttpResponse<String> sent = http.awaitAs(
                token,
                "/api/v1/me/deliveries/" + delivery,
                r -> r.body().contains("\"status\":\"sent\""),
                Duration.ofSeconds(20));
        assertTrue(
                sent.body(),
                sent.body().contains("\"status\":\"sent\"") && sent.body().contains("\"attempts\":1"));
        try {
            shell("steadfast:delivery-retry " + delivery);
            throw new AssertionError("a sent delivery is not retried");
        } catch (Exception expected) {
            assertTrue(expected.toString(), expected.getMessage().contains("is sent, not failed"));
        }
        try {
            shell("steadfast:deliveries --status lost");
            throw new AssertionError("an unknown status is refused");
        } catch (Exception expected) {
            assertTrue(expected.toString(), expected.getMessage().contains("pending, waiting, sent, failed"));
        }
    }

    @Test
    public void theDoctorCountsAndPluginsDescribeTheServer() throws Exception {
        registered("counts" + System.nanoTime() + "@example.org");
        String doctor = shell("steadfast:doctor");
        assertTrue(doctor, doctor.contains("[ok]") && doctor.contains("database") && doctor.contains("h2 answered in"));
        assertTrue(doctor, doctor.contains("none waiting") && doctor.contains("identity 6"));
        assertTrue(
                doctor, doctor.contains("redis") && doctor.contains("[off]") && doctor.contains("STEADFAST_REDIS_URL"));
        assertTrue(doctor, doctor.contains("clock") && doctor.contains("the system clock"));
        assertTrue(doctor, doctor.contains("disk") && doctor.contains("free of"));
        assertTrue(doctor, doctor.contains("Doctor: healthy."));

        String counts = shell("steadfast:counts");
        for (String what : new String[] {"users", "habits", "check-ins today", "active sessions", "Counted at"}) {
            assertTrue(counts, counts.contains(what));
        }
        String plugins = shell("steadfast:plugins");
        assertTrue(
                plugins,
                plugins.contains("habit type")
                        && plugins.contains("boolean")
                        && plugins.contains("io.steadfast.habit"));
        assertTrue(
                plugins, plugins.contains("channel type") && plugins.contains("in-app") && plugins.contains("Active"));
        assertTrue(plugins, plugins.contains("serves"));

        for (String command : new String[] {
            "users",
            "user",
            "user-disable",
            "user-enable",
            "habits",
            "stats-recompute",
            "deliveries",
            "delivery-retry",
            "plugins",
            "counts",
            "doctor"
        }) {
            String help = shell("steadfast:" + command + " --help");
            assertTrue(command + ": " + help, help.contains("DESCRIPTION") && help.contains("steadfast:" + command));
        }
    }

    private static String adminToken;

    /** The token of an admin of this server (registered and promoted with the shell the first time). */
    private String admin() throws Exception {
        if (adminToken == null) {
            String email = "health-admin-" + System.nanoTime() + "@example.org";
            HttpResponse<String> r = http.send(
                    "POST",
                    "/api/v1/auth/register",
                    "{\"email\":\"" + email + "\",\"password\":\"correct horse battery staple\"}");
            String token = Http.json(r).get("token").toString();
            assertTrue(shell("steadfast:user-role " + email + " admin").contains("is now admin"));
            adminToken = token;
        }
        return adminToken;
    }

    private String shell(String command) throws Exception {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        java.io.PrintStream ps = new java.io.PrintStream(out, true);
        org.apache.karaf.shell.api.console.Session session =
                sessions.create(new java.io.ByteArrayInputStream(new byte[0]), ps, ps);
        try {
            Object result = session.execute(command);
            ps.flush();
            return out.toString() + (result == null ? "" : result.toString());
        } finally {
            session.close();
        }
    }

    @Test
    public void hardenedByDefault() throws Exception {
        Path home = Path.of(System.getProperty("karaf.home"));
        for (String line : Files.readAllLines(home.resolve("etc/users.properties"))) {
            String l = line.trim();
            assertTrue("users.properties must ship no user: " + l, l.isEmpty() || l.startsWith("#"));
        }
        assertNull("no SSH console", bundle("org.apache.karaf.shell.ssh"));
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", 8101), 500);
            throw new AssertionError("something listens on the SSH port 8101");
        } catch (java.io.IOException expected) {
            // closed
        }
        String shell = Files.readString(home.resolve("etc/org.apache.karaf.shell.cfg"));
        assertTrue(shell.contains("sshHost = 127.0.0.1"));
    }

    private Bundle bundle(String symbolicName) {
        for (Bundle b : context.getBundles()) {
            if (symbolicName.equals(b.getSymbolicName())) {
                return b;
            }
        }
        return null;
    }

    private static void assertProblem(HttpResponse<String> r, int status, String type) {
        assertEquals(r.body(), status, r.statusCode());
        assertEquals(
                "application/problem+json",
                r.headers().firstValue("Content-Type").orElse("").split(";")[0]);
        Map<String, Object> p = Http.json(r);
        assertEquals("urn:steadfast:problem:" + type, p.get("type"));
        assertEquals(status, p.get("status"));
        assertNotNull(p.get("title"));
        assertNotNull(p.get("detail"));
        assertNotNull(p.get("requestId"));
    }
}
