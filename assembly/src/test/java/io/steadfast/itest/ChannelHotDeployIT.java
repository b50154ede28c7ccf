package io.steadfast.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
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
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * A channel type plugin is hot, and nothing queued for it is lost: the webhook plugin's deliveries reach a receiver
 * on loopback with a valid signature; without the plugin its type is gone and a message waits; the jar dropped into
 * deploy/ brings the type back and the waiting message out; a receiver that fails gets retries, then the delivery is
 * failed, and a retry by the user sends it. (Loopback needs {@code allowPrivate}, set for this test.)
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class ChannelHotDeployIT {

    private static final String BSN = "io.steadfast.plugins.webhook";

    @Inject
    private BundleContext context;

    @Inject
    private ConfigurationAdmin configAdmin;

    @Configuration
    public Option[] config() {
        return Distribution.options(
                editConfigurationFilePut("etc/io.steadfast.outbound.cfg", "allowPrivate", "true"),
                editConfigurationFilePut("etc/io.steadfast.delivery.cfg", "maxAttempts", "2"));
    }

    @Test
    public void theWebhookPluginComesAndGoesAndItsMessagesWait() throws Exception {
        Http http = new Http(Distribution.port());
        http.awaitApi();
        HttpResponse<String> reg = http.send(
                "POST",
                "/api/v1/auth/register",
                "{\"email\":\"hooks@example.org\",\"password\":\"correct horse battery staple\"}");
        assertEquals(reg.body(), 201, reg.statusCode());
        String token = Http.json(reg).get("token").toString();
        http.awaitAs(token, "/api/v1/channel-types", r -> r.body().contains("\"webhook\""), Duration.ofSeconds(20));

        try (Receiver receiver = new Receiver()) {
            HttpResponse<String> created = http.as(
                    token,
                    "POST",
                    "/api/v1/me/channels",
                    "{\"type\":\"webhook\",\"name\":\"Hook\",\"config\":{\"url\":\"" + receiver.url("/hook") + "\"}}");
            assertEquals(created.body(), 201, created.statusCode());
            Map<String, Object> channel = Http.json(created);
            String id = channel.get("id").toString();
            String secret = ((Map<?, ?>) channel.get("config")).get("secret").toString();
            assertTrue(secret, secret.startsWith("whsec_"));
            assertTrue(
                    "masked afterwards",
                    http.as(token, "GET", "/api/v1/me/channels/" + id, null)
                            .body()
                            .contains("\"secret\":\"********\""));

            // a test message, signed
            String first = test(http, token, id);
            Receiver.Request r = receiver.next(15);
            assertSigned(r, secret, first, "channel.test");
            awaitStatus(http, token, first, "sent");

            // the plugin goes: the type disappears, a message waits
            Bundle plugin = bundle(BSN);
            assertNotNull("installed by default", plugin);
            plugin.uninstall();
            http.awaitAs(
                    token, "/api/v1/channel-types", x -> !x.body().contains("\"webhook\""), Duration.ofSeconds(10));
            String waiting = test(http, token, id);
            awaitStatus(http, token, waiting, "waiting");
            assertTrue(http.as(token, "GET", "/api/v1/me/channels/" + id, null)
                    .body()
                    .contains("\"typeAvailable\":false"));

            // the jar into deploy/: the type is back and the waiting message goes out
            Path jar = Path.of(System.getProperty("steadfast.plugin.webhook"));
            assertTrue("plugin jar built: " + jar, Files.isRegularFile(jar));
            Path deployed = Path.of(
                    System.getProperty("karaf.base"),
                    "deploy",
                    jar.getFileName().toString());
            Files.copy(jar, deployed, StandardCopyOption.REPLACE_EXISTING);
            http.awaitAs(token, "/api/v1/channel-types", x -> x.body().contains("\"webhook\""), Duration.ofSeconds(20));
            assertSigned(receiver.next(20), secret, waiting, "channel.test");
            awaitStatus(http, token, waiting, "sent");

            // a receiver that fails: retried (after its Retry-After), then failed; the user's retry sends it
            receiver.answer("503 Service Unavailable\r\nRetry-After: 1", "500 Internal Server Error");
            String failing = test(http, token, id);
            Receiver.Request a1 = receiver.next(15);
            Receiver.Request a2 = receiver.next(15);
            assertEquals(failing, a1.header("X-Steadfast-Delivery"));
            assertEquals("the same id on every retry", failing, a2.header("X-Steadfast-Delivery"));
            Map<String, Object> failed = awaitStatus(http, token, failing, "failed");
            assertEquals(2, ((Number) failed.get("attempts")).intValue());
            assertTrue(failed.toString(), failed.get("lastError").toString().contains("500"));
            HttpResponse<String> retried = http.as(token, "POST", "/api/v1/me/deliveries/" + failing + "/retry", null);
            assertEquals(retried.body(), 200, retried.statusCode());
            assertSigned(receiver.next(15), secret, failing, "channel.test");
            awaitStatus(http, token, failing, "sent");
            assertEquals(
                    409,
                    http.as(token, "POST", "/api/v1/me/deliveries/" + failing + "/retry", null)
                            .statusCode());

            // removed again: gone, the channel stays
            Files.delete(deployed);
            http.awaitAs(
                    token, "/api/v1/channel-types", x -> !x.body().contains("\"webhook\""), Duration.ofSeconds(20));
            assertEquals(
                    200,
                    http.as(token, "GET", "/api/v1/me/channels/" + id, null).statusCode());
        }
    }

    private static String test(Http http, String token, String channel) {
        HttpResponse<String> t = http.as(token, "POST", "/api/v1/me/channels/" + channel + "/test", null);
        assertEquals(t.body(), 202, t.statusCode());
        return Http.json(t).get("deliveryId").toString();
    }

    private static Map<String, Object> awaitStatus(Http http, String token, String delivery, String status) {
        HttpResponse<String> d = http.awaitAs(
                token,
                "/api/v1/me/deliveries/" + delivery,
                x -> x.body().contains("\"status\":\"" + status + "\""),
                Duration.ofSeconds(20));
        assertTrue(d.body(), d.body().contains("\"status\":\"" + status + "\""));
        return Http.json(d);
    }

    /** Checks the headers and the signature as a receiver would (docs/api.md). */
    private static void assertSigned(Receiver.Request r, String secret, String delivery, String type) throws Exception {
        assertEquals("POST", r.method());
        assertEquals("/hook", r.path());
        assertEquals(delivery, r.header("X-Steadfast-Delivery"));
        assertEquals(type, r.header("X-Steadfast-Event"));
        String ts = r.header("X-Steadfast-Timestamp");
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        mac.update((ts + ".").getBytes(StandardCharsets.UTF_8));
        String expected = "sha256=" + HexFormat.of().formatHex(mac.doFinal(r.body()));
        assertEquals(expected, r.header("X-Steadfast-Signature"));
        Map<String, Object> body = Http.json(r.text());
        assertEquals(delivery, body.get("id"));
        assertEquals(type, body.get("type"));
        assertFalse(r.text().contains(secret));
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
