package io.steadfast.itest;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Channels on the PostgreSQL + Redis cluster, whose nodes run with the SSRF guard on and without an SMTP server: the
 * types offered (no e-mail without SMTP), the in-app channel every account has, and the refusals — a URL that
 * resolves to loopback, a private or a link-local address, an unknown type, a setting of the wrong kind — each a 422
 * naming the field, nothing stored.
 */
class ChannelsIT {

    static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void typesInAppAndRefusals() throws Exception {
        Http http = Cluster.get().node(0);
        IdentityApiIT.Account ann = Accounts.register(http, "chan-" + UUID.randomUUID() + "@example.org");
        String types =
                http.as(ann.token(), "GET", "/api/v1/channel-types", null).body();
        List<String> keys = ((List<?>) JSON.readValue(types, List.class))
                .stream().map(t -> String.valueOf(((Map<?, ?>) t).get("key"))).toList();
        assertThat(keys).contains("in-app", "webhook", "ntfy");
        assertThat(types).as("no e-mail without an SMTP server").doesNotContain("\"email\"");
        assertThat(types).contains("\"secret\":true");

        List<?> mine = JSON.readValue(
                http.as(ann.token(), "GET", "/api/v1/me/channels", null).body(), List.class);
        assertThat(mine).singleElement().satisfies(c -> assertThat(((Map<?, ?>) c).get("type"))
                .isEqualTo("in-app"));
        String inApp = ((Map<?, ?>) mine.get(0)).get("id").toString();
        assertThat(http.as(ann.token(), "DELETE", "/api/v1/me/channels/" + inApp, null)
                        .statusCode())
                .isEqualTo(409);
        assertThat(http.as(ann.token(), "POST", "/api/v1/me/channels", "{\"type\":\"in-app\",\"config\":{}}")
                        .statusCode())
                .isEqualTo(409);

        for (String url : List.of(
                "http://127.0.0.1:8181/api/v1/me",
                "http://localhost/hook",
                "http://10.1.2.3/hook",
                "http://192.168.0.1/hook",
                "http://169.254.169.254/latest/meta-data/",
                "http://[::1]/hook",
                "http://[::ffff:127.0.0.1]/hook",
                "http://2130706433/hook",
                "ftp://example.org/hook",
                "not a url")) {
            for (String type : List.of("webhook", "ntfy")) {
                HttpResponse<String> r = http.as(
                        ann.token(),
                        "POST",
                        "/api/v1/me/channels",
                        "{\"type\":\"" + type + "\",\"config\":{\"url\":\"" + url + "\"}}");
                assertThat(r.statusCode())
                        .as(type + " " + url + ": " + r.body())
                        .isEqualTo(422);
                assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
                assertThat(r.body())
                        .contains("config.url")
                        .doesNotContain("Exception")
                        .doesNotContain("java.");
            }
        }
        HttpResponse<String> unknown =
                http.as(ann.token(), "POST", "/api/v1/me/channels", "{\"type\":\"pigeon\",\"config\":{}}");
        assertThat(unknown.statusCode()).isEqualTo(422);
        assertThat(unknown.body()).contains("\"type\"").contains("channel-types");
        HttpResponse<String> wrongKind = http.as(
                ann.token(),
                "POST",
                "/api/v1/me/channels",
                "{\"type\":\"ntfy\",\"config\":{\"url\":\"https://1.1.1.1/t-" + UUID.randomUUID()
                        + "\",\"priority\":\"high\",\"colour\":1}}");
        assertThat(wrongKind.statusCode()).as(wrongKind.body()).isEqualTo(422);
        assertThat(wrongKind.body()).contains("config.priority", "config.colour");
        HttpResponse<String> events = http.as(
                ann.token(),
                "POST",
                "/api/v1/me/channels",
                "{\"type\":\"webhook\",\"config\":{\"url\":\"https://1.1.1.1/h\",\"events\":[\"reminder.due\","
                        + "\"nope\"]}}");
        assertThat(events.statusCode()).as(events.body()).isEqualTo(422);
        assertThat(events.body()).contains("config.events[1]");
        assertThat(JSON.readValue(
                        http.as(ann.token(), "GET", "/api/v1/me/channels", null).body(), List.class))
                .as("nothing stored")
                .hasSize(1);
        assertThat(http.as(ann.token(), "GET", "/api/v1/me/deliveries?status=lost", null)
                        .statusCode())
                .isEqualTo(422);
    }
}
