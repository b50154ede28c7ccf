package io.steadfast.metrics.internal.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.steadfast.metrics.internal.BearerToken;

class MetricsServletTest {

    private static final String SECRET = "0123456789abcdef0123456789abcdef";
    private final Optional<BearerToken> token =
            BearerToken.resolve(SECRET, null).token();

    @Test
    void withoutAConfiguredTokenThereAreNoMetrics() {
        assertThat(MetricsServlet.answer(Optional.empty(), "GET", "Bearer " + SECRET)
                        .status())
                .isEqualTo(404);
        assertThat(MetricsServlet.answer(Optional.empty(), "GET", null).status())
                .isEqualTo(404);
    }

    @Test
    void theTokenIsNeededAndEnough() {
        assertThat(MetricsServlet.answer(token, "GET", "Bearer " + SECRET).status())
                .isEqualTo(200);
        assertThat(MetricsServlet.answer(token, "HEAD", "Bearer " + SECRET).status())
                .isEqualTo(200);
        MetricsServlet.Answer none = MetricsServlet.answer(token, "GET", null);
        assertThat(none.status()).isEqualTo(401);
        assertThat(none.detail()).contains("Authorization: Bearer");
        MetricsServlet.Answer wrong = MetricsServlet.answer(token, "GET", "Bearer nope");
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.detail()).doesNotContain(SECRET);
        assertThat(MetricsServlet.answer(token, "POST", "Bearer " + SECRET).status())
                .isEqualTo(405);
    }
}
