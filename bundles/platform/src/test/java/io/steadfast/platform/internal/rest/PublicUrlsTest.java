package io.steadfast.platform.internal.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.steadfast.api.link.PublicUrl;

class PublicUrlsTest {

    @Test
    void theEnvironmentWinsOverTheConfiguration() {
        PublicUrls.Resolved r = PublicUrls.resolve(
                "https://habits.example.org/", "http://config.example", List.of("http://0.0.0.0:8181/"), 8181);
        assertThat(r.base()).hasToString("https://habits.example.org");
        assertThat(r.source()).isEqualTo("STEADFAST_PUBLIC_URL");
        assertThat(r.error()).isNull();
        PublicUrls.Resolved c = PublicUrls.resolve(" ", "HTTPS://habits.example.org/prefix//", List.of(), 8181);
        assertThat(c.base()).hasToString("https://habits.example.org/prefix");
        assertThat(c.source()).isEqualTo("publicUrl");
    }

    @Test
    void withoutConfigurationTheListeningAddress() {
        assertThat(PublicUrls.resolve(null, "", List.of("http://0.0.0.0:18181/"), 8181)
                        .base())
                .hasToString("http://localhost:18181");
        assertThat(PublicUrls.resolve(null, null, List.of("http://127.0.0.1:9090/"), 8181)
                        .base())
                .hasToString("http://127.0.0.1:9090");
        PublicUrls.Resolved none = PublicUrls.resolve(null, null, List.of(), 8282);
        assertThat(none.base()).hasToString("http://localhost:8282");
        assertThat(none.source()).isEqualTo("the listening address");
    }

    @Test
    void aBadValueSaysWhyAndFallsBack() {
        for (String bad : new String[] {
            "habits.example.org",
            "ftp://habits.example.org",
            "https://habits.example.org/?x=1",
            "https://habits.example.org/#top",
            "https://user:secret@habits.example.org",
            "https:///nohost",
            "not a url at all"
        }) {
            PublicUrls.Resolved r = PublicUrls.resolve(bad, null, List.of("http://0.0.0.0:8181/"), 8181);
            assertThat(r.base()).as(bad).hasToString("http://localhost:8181");
            assertThat(r.error())
                    .as(bad)
                    .startsWith("STEADFAST_PUBLIC_URL '" + bad + "' ")
                    .endsWith("; links use http://localhost:8181 instead")
                    .doesNotContain("Exception");
        }
        assertThat(PublicUrls.resolve(null, "ftp://x", List.of(), 8181).error())
                .startsWith("publicUrl (etc/io.steadfast.platform.cfg) 'ftp://x' must start with https://");
    }

    @Test
    void linksAreResolvedAgainstTheBase() {
        PublicUrl u = () -> java.net.URI.create("https://habits.example.org/prefix");
        assertThat(u.api("/v1/habits/42")).hasToString("https://habits.example.org/prefix/api/v1/habits/42");
        assertThat(u.resolve("health")).hasToString("https://habits.example.org/prefix/health");
    }

    @Test
    void theApiPathOfLinksIsTheRestApplicationsPath() {
        assertThat(io.steadfast.api.link.PublicUrl.API_PATH).isEqualTo(io.steadfast.platform.rest.RestApi.BASE_PATH);
    }
}
