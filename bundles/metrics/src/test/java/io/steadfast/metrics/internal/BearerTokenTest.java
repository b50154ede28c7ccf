package io.steadfast.metrics.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BearerTokenTest {

    private static final String SECRET = "s3cret-metrics-token-0123456789";

    @Test
    void theEnvironmentWinsOverTheConfiguration() {
        BearerToken.Resolved r = BearerToken.resolve(SECRET, "another-token-from-the-file");
        assertThat(r.token()).isPresent();
        assertThat(r.token().get().source()).isEqualTo("STEADFAST_METRICS_TOKEN");
        assertThat(r.token().get().admits("Bearer " + SECRET)).isTrue();
        assertThat(r.token().get().admits("Bearer another-token-from-the-file")).isFalse();

        BearerToken fromFile =
                BearerToken.resolve(" ", "another-token-from-the-file").token().orElseThrow();
        assertThat(fromFile.source()).contains("metrics.token");
        assertThat(fromFile.admits("bearer another-token-from-the-file"))
                .as("the scheme in any case")
                .isTrue();
    }

    @Test
    void noTokenMeansMetricsAreOffAndATooShortOneSaysWhy() {
        BearerToken.Resolved none = BearerToken.resolve(null, "");
        assertThat(none.token()).isEmpty();
        assertThat(none.problem()).isEmpty();

        BearerToken.Resolved shortOne = BearerToken.resolve("abc", null);
        assertThat(shortOne.token()).isEmpty();
        assertThat(shortOne.problem().orElseThrow().reason()).contains("shorter than 16");
        assertThat(shortOne.problem().orElseThrow().toString()).doesNotContain("abc\"");

        assertThat(BearerToken.resolve("has a space in it, sixteen+", null).problem())
                .isPresent();
    }

    @Test
    void onlyTheBearerTokenItselfIsAdmitted() {
        BearerToken t = BearerToken.resolve(SECRET, null).token().orElseThrow();
        assertThat(t.admits(null)).isFalse();
        assertThat(t.admits("")).isFalse();
        assertThat(t.admits("Basic " + SECRET)).isFalse();
        assertThat(t.admits("Bearer " + SECRET.substring(1))).isFalse();
        assertThat(t.admits("Bearer " + SECRET + "x")).isFalse();
        assertThat(t.admits("Bearer  " + SECRET + " ")).isTrue();
        assertThat(t.toString()).doesNotContain(SECRET);
    }
}
