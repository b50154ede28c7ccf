package io.steadfast.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Map;

import javax.inject.Inject;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;

/**
 * A habit type plugin is hot: stopping its bundle removes the type within a second while its habits stay listed
 * as unavailable (check-ins 409, history kept); the plugin jar dropped into deploy/ brings it back, removing the
 * jar takes it away again.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class PluginHotDeployIT {

    private static final String BSN = "io.steadfast.plugins.measurement";

    @Inject
    private BundleContext context;

    @Configuration
    public Option[] config() {
        return Distribution.options();
    }

    @Test
    public void theMeasurementPluginComesAndGoesWithoutARestart() throws Exception {
        Http http = new Http(Distribution.port());
        http.awaitApi();
        HttpResponse<String> reg = http.send(
                "POST",
                "/api/v1/auth/register",
                "{\"email\":\"plugin@example.org\",\"password\":\"correct horse battery staple\"}");
        assertEquals(reg.body(), 201, reg.statusCode());
        String token = Http.json(reg).get("token").toString();
        String today = ServerTime.today(http, ZoneOffset.UTC).toString();

        assertTrue(types(http, token).contains("\"measurement\""));
        HttpResponse<String> created = http.as(
                token,
                "POST",
                "/api/v1/habits",
                "{\"name\":\"Weight\",\"type\":"
                        + "\"measurement\",\"unit\":\"kg\",\"schedule\":{\"kind\":\"daily\"}}");
        assertEquals(created.body(), 201, created.statusCode());
        String id = Http.json(created).get("id").toString();
        assertEquals(
                200,
                http.as(token, "PUT", "/api/v1/habits/" + id + "/checkins/" + today, "{\"value\":72.5}")
                        .statusCode());

        // stop the bundle: the type is gone within a second, the habit stays, unavailable
        Bundle plugin = bundle(BSN);
        assertNotNull("the plugin is installed by default", plugin);
        long t0 = System.nanoTime();
        plugin.stop();
        HttpResponse<String> gone = http.awaitAs(
                token, "/api/v1/habit-types", r -> !r.body().contains("\"measurement\""), Duration.ofSeconds(5));
        long goneMs = (System.nanoTime() - t0) / 1_000_000;
        System.out.println("type gone " + goneMs + " ms after the bundle stopped");
        assertFalse(gone.body().contains("\"measurement\""));
        assertTrue("within a second: " + goneMs + " ms", goneMs < 1000);
        assertUnavailable(http, token, id, today);

        plugin.start();
        assertEquals(
                Boolean.TRUE,
                Http.json(http.awaitAs(
                                token,
                                "/api/v1/habits/" + id,
                                r -> r.body().contains("\"available\":true"),
                                Duration.ofSeconds(5)))
                        .get("available"));
        plugin.uninstall();
        http.awaitAs(token, "/api/v1/habit-types", r -> !r.body().contains("\"measurement\""), Duration.ofSeconds(5));

        // the jar into deploy/: back, usable
        Path jar = Path.of(System.getProperty("steadfast.plugin.measurement"));
        assertTrue("plugin jar built: " + jar, Files.isRegularFile(jar));
        Path deployed = Path.of(
                System.getProperty("karaf.base"), "deploy", jar.getFileName().toString());
        long t1 = System.nanoTime();
        Files.copy(jar, deployed, StandardCopyOption.REPLACE_EXISTING);
        HttpResponse<String> back = http.awaitAs(
                token, "/api/v1/habit-types", r -> r.body().contains("\"measurement\""), Duration.ofSeconds(15));
        System.out.println("type available " + (System.nanoTime() - t1) / 1_000_000 + " ms after the jar was copied");
        assertTrue(back.body().contains("\"measurement\""));
        assertEquals(
                Boolean.TRUE,
                Http.json(http.as(token, "GET", "/api/v1/habits/" + id, null)).get("available"));
        HttpResponse<String> again =
                http.as(token, "PUT", "/api/v1/habits/" + id + "/checkins/" + today, "{\"value\":72.1}");
        assertEquals(again.body(), 200, again.statusCode());

        // and removed: gone again, history kept
        Files.delete(deployed);
        HttpResponse<String> removed = http.awaitAs(
                token, "/api/v1/habit-types", r -> !r.body().contains("\"measurement\""), Duration.ofSeconds(15));
        assertFalse(removed.body().contains("\"measurement\""));
        assertUnavailable(http, token, id, today);
        assertTrue(http.as(token, "GET", "/api/v1/habits/" + id + "/checkins?from=" + today, null)
                .body()
                .contains("72.1"));
    }

    private static void assertUnavailable(Http http, String token, String id, String today) {
        Map<String, Object> habit = Http.json(http.as(token, "GET", "/api/v1/habits/" + id, null));
        assertEquals(Boolean.FALSE, habit.get("available"));
        assertTrue(http.as(token, "GET", "/api/v1/habits", null).body().contains("\"available\":false"));
        HttpResponse<String> checkin =
                http.as(token, "PUT", "/api/v1/habits/" + id + "/checkins/" + today, "{\"value\":71}");
        assertEquals(checkin.body(), 409, checkin.statusCode());
        assertEquals(
                "application/problem+json",
                checkin.headers().firstValue("Content-Type").orElse("").split(";")[0]);
        assertEquals(
                409,
                http.as(token, "POST", "/api/v1/habits/" + id + "/checkins/" + today + "/increment", "{\"delta\":1}")
                        .statusCode());
        HttpResponse<String> history = http.as(token, "GET", "/api/v1/habits/" + id + "/checkins?from=" + today, null);
        assertEquals(200, history.statusCode());
        assertTrue(history.body(), history.body().contains("\"value\":72"));
        assertEquals(200, http.as(token, "GET", "/api/v1/today", null).statusCode());
    }

    private static String types(Http http, String token) {
        return http.as(token, "GET", "/api/v1/habit-types", null).body();
    }

    private Bundle bundle(String symbolicName) {
        for (Bundle b : context.getBundles()) {
            if (symbolicName.equals(b.getSymbolicName())) {
                return b;
            }
        }
        return null;
    }
}
