package io.steadfast.jetty;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.steadfast.platform.internal.rest.RequestFilter;
import io.steadfast.platform.internal.rest.RequestIds;
import io.steadfast.platform.internal.rest.SecurityHeaders;

class EdgeRulesTest {

    @Test
    void theSecurityHeadersAreTheApis() {
        Map<String, String> edge = new LinkedHashMap<>();
        EdgeRules.securityHeaders(edge::put);
        Map<String, String> api = new LinkedHashMap<>();
        SecurityHeaders.apply(api::put);
        assertThat(edge).containsAllEntriesOf(api).containsEntry("Cache-Control", "no-store");
    }

    @Test
    void requestIdsAreTheApis() {
        assertThat(EdgeRules.REQUEST_ID_ATTRIBUTE).isEqualTo(RequestFilter.REQUEST_ID_ATTRIBUTE);
        for (String given : new String[] {
            "abc-123_x.y:z", "x".repeat(128), "x".repeat(129), "bad id\r\nInjected: yes", "", "caf\u00e9", "a/b"
        }) {
            boolean kept = RequestIds.accept(given).equals(given);
            assertThat(EdgeRules.requestId(given).equals(given))
                    .as("'%s' kept by the API: %s", given, kept)
                    .isEqualTo(kept);
        }
        assertThat(EdgeRules.requestId(null)).hasSize(36);
    }

    @Test
    void problemsUnderApiAndHealthPagesElsewhere() {
        assertThat(EdgeRules.isApi("/api")).isTrue();
        assertThat(EdgeRules.isApi("/api/v1/today")).isTrue();
        assertThat(EdgeRules.isApi("/apix")).as("not the API's context").isFalse();
        assertThat(EdgeRules.isApi("/health/ready")).isFalse();
        assertThat(EdgeRules.wantsProblem("/api")).isTrue();
        assertThat(EdgeRules.wantsProblem("/api/v1/x")).isTrue();
        assertThat(EdgeRules.wantsProblem("/health/ready")).isTrue();
        assertThat(EdgeRules.wantsProblem(null)).as("no path known: a problem").isTrue();
        assertThat(EdgeRules.wantsProblem("/apis")).isFalse();
        assertThat(EdgeRules.wantsProblem("/")).isFalse();
        assertThat(EdgeRules.wantsProblem("/healthy")).isFalse();
    }

    @Test
    void percentEncodingMustBeUtf8() {
        assertThat(EdgeRules.invalidEncoding("/api/v1/habits", "archived=true")).isNull();
        assertThat(EdgeRules.invalidEncoding("/api/v1/caf%C3%A9", "q=%E2%82%AC&x=%F0%9F%98%80"))
                .isNull();
        assertThat(EdgeRules.invalidEncoding("/api/%zz", null)).contains("URL path");
        assertThat(EdgeRules.invalidEncoding("/api/x%", null)).contains("URL path");
        assertThat(EdgeRules.invalidEncoding("/api/x%4", null)).contains("URL path");
        assertThat(EdgeRules.invalidEncoding("/api/%ff", null)).contains("URL path");
        assertThat(EdgeRules.invalidEncoding("/api/x", "q=%ff")).contains("query string");
        assertThat(EdgeRules.invalidEncoding("/api/x", "q=%C0%AE"))
                .as("overlong")
                .contains("query string");
        assertThat(EdgeRules.invalidEncoding("/api/x", "q=%ED%A0%80"))
                .as("an encoded surrogate")
                .isNotNull();
        assertThat(EdgeRules.invalidEncoding("/api/x", "q=%C3")).as("cut short").isNotNull();
        assertThat(EdgeRules.invalidEncoding("/api/x", "q=\ud800")).isNotNull();
        assertThat(EdgeRules.invalidEncoding("/api/x", "q=caf\u00e9")).isNull();
    }

    @Test
    void aProblemHasTheApisShape() {
        String p = EdgeRules.problemJson(414, EdgeRules.badMessageDetail(414, "URI Too Long"), null, "id-1");
        assertThat(p)
                .isEqualTo("{\"type\":\"urn:steadfast:problem:uri-too-long\",\"title\":\"URI Too Long\","
                        + "\"status\":414,\"detail\":\"The request URI is too long (at most 8 KiB)\","
                        + "\"requestId\":\"id-1\"}");
        assertThat(EdgeRules.problemJson(400, "a \"quoted\"\nline", "/api/\u0000", null))
                .contains("\"detail\":\"a \\\"quoted\\\"\\u000aline\"")
                .contains("\"instance\":\"/api/\\u0000\"");
        assertThat(EdgeRules.badMessageDetail(400, "No URI")).endsWith("(No URI)");
        assertThat(EdgeRules.badMessageDetail(400, "Bad Request")).doesNotContain("(");
    }

    @Test
    void pagesEscapeWhatTheyShow() {
        assertThat(EdgeRules.errorPage(404, "<script>x</script>"))
                .contains("&lt;script&gt;")
                .doesNotContain("<script>")
                .contains("<title>404 Not Found</title>");
    }
}
