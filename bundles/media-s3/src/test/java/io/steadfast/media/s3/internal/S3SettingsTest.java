package io.steadfast.media.s3.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;

import org.junit.jupiter.api.Test;

class S3SettingsTest {

    private static S3Settings resolve(String bucket, String endpoint, String region, String prefix) {
        return S3Settings.resolve(bucket, endpoint, region, prefix, 3000, 30000);
    }

    @Test
    void noBucketMeansNotConfigured() {
        assertThat(resolve("", "https://minio.example.org", "eu-west-1", "x/")).isNull();
        assertThat(resolve("  ", null, null, null)).isNull();
        assertThat(resolve(null, null, null, null)).isNull();
    }

    @Test
    void awsS3WithTheDefaultRegionAndNoPrefix() {
        S3Settings s = resolve(" steadfast-media ", "", "", "");
        assertThat(s.bucket()).isEqualTo("steadfast-media");
        assertThat(s.endpoint()).isNull();
        assertThat(s.compatible()).isFalse();
        assertThat(s.region()).isEqualTo("us-east-1");
        assertThat(s.prefix()).isEmpty();
        assertThat(s.describe()).isEqualTo("s3://steadfast-media/ (AWS us-east-1)");
    }

    @Test
    void anEndpointMeansPathStyleOnAnS3CompatibleService() {
        S3Settings s = resolve("media", "HTTPS://minio.example.org:9000/", "auto", "/steadfast/prod");
        assertThat(s.endpoint()).isEqualTo(URI.create("https://minio.example.org:9000"));
        assertThat(s.compatible()).isTrue();
        assertThat(s.region()).isEqualTo("auto");
        assertThat(s.prefix()).isEqualTo("steadfast/prod/");
        assertThat(s.describe()).isEqualTo("s3://media/steadfast/prod/ at https://minio.example.org:9000");
    }

    @Test
    void unusableValuesAreRefusedNamingTheVariableAndNoSecret() {
        assertThatThrownBy(() -> resolve("Media_Bucket", null, null, null))
                .hasMessageContaining("STEADFAST_MEDIA_S3_BUCKET");
        assertThatThrownBy(() -> resolve("ab", null, null, null)).hasMessageContaining("bucket");
        assertThatThrownBy(() -> resolve("a..b", null, null, null)).hasMessageContaining("bucket");
        assertThatThrownBy(() -> resolve("media", "minio:9000", null, null))
                .hasMessageContaining("https://")
                .hasMessageContaining("STEADFAST_MEDIA_S3_ENDPOINT");
        assertThatThrownBy(() -> resolve("media", "https://AKIAEXAMPLE:hunter2@minio.example.org", null, null))
                .hasMessageContaining("AWS_ACCESS_KEY_ID")
                .message()
                .doesNotContain("hunter2");
        assertThatThrownBy(() -> resolve("media", "https://minio.example.org/bucket", null, null))
                .hasMessageContaining("host");
        assertThatThrownBy(() -> resolve("media", "ftp://minio.example.org", null, null))
                .hasMessageContaining("https://");
        assertThatThrownBy(() -> resolve("media", null, "EU West", null)).hasMessageContaining("region");
        assertThatThrownBy(() -> resolve("media", null, null, "a/../b")).hasMessageContaining("prefix");
        assertThatThrownBy(() -> resolve("media", null, null, "a b")).hasMessageContaining("prefix");
        assertThatThrownBy(() -> resolve("media", null, null, "a//b")).hasMessageContaining("prefix");
    }

    @Test
    void keysUnderThePrefix() {
        assertThat(S3Keys.key("p/", "u/1/a/2/original")).isEqualTo("p/u/1/a/2/original");
        assertThat(S3Keys.key("", "u/1/avatar.webp")).isEqualTo("u/1/avatar.webp");
        assertThat(S3Keys.prefixToDelete("p/", "u/1/")).isEqualTo("p/u/1/");
    }
}
