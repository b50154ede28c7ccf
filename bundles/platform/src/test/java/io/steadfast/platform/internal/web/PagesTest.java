package io.steadfast.platform.internal.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PagesTest {

    @Test
    void theLandingPageSaysWhereEverythingIs() {
        assertThat(Pages.landing())
                .contains("Steadfast is running")
                .contains("/api/")
                .contains("/api/openapi.json")
                .contains("/health")
                .doesNotContain("<script")
                .doesNotContain("http://");
    }

    @Test
    void errorPagesEscapeAndProblemsAreForTheApiAndHealth() {
        assertThat(Pages.error(404, "Not Found", "<b>x</b>"))
                .contains("&lt;b&gt;x&lt;/b&gt;")
                .contains("404 Not Found");
        assertThat(Pages.wantsProblem("/api/v1")).isTrue();
        assertThat(Pages.wantsProblem("/health")).isTrue();
        assertThat(Pages.wantsProblem("/healthz")).isFalse();
        assertThat(Pages.wantsProblem("/")).isFalse();
    }
}
