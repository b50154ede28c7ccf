package io.steadfast.redis.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RedisSettingsTest {

    @Test
    void notConfiguredWithoutAUrl() {
        assertThat(RedisSettings.resolve("", null, "s:", 1000, 8)).isNull();
        assertThat(RedisSettings.resolve(null, "  ", "s:", 1000, 8)).isNull();
    }

    @Test
    void environmentWinsOverConfiguration() {
        RedisSettings s = RedisSettings.resolve("redis://conf:6379", "redis://env:6380/2", "s:", 1000, 8);
        assertThat(s.host()).isEqualTo("env");
        assertThat(s.port()).isEqualTo(6380);
        assertThat(s.database()).isEqualTo(2);
        assertThat(s.tls()).isFalse();
    }

    @Test
    void parsesCredentialsTlsAndBareHosts() {
        RedisSettings s = RedisSettings.resolve(null, "rediss://user:pw@cache.internal", "", 1000, 8);
        assertThat(s.tls()).isTrue();
        assertThat(s.port()).isEqualTo(6379);
        assertThat(s.user()).isEqualTo("user");
        assertThat(s.password()).isEqualTo("pw");
        assertThat(s.describe()).doesNotContain("pw");
        RedisSettings bare = RedisSettings.resolve("localhost:6390", null, "", 1000, 8);
        assertThat(bare.port()).isEqualTo(6390);
        assertThat(RedisSettings.resolve(null, "redis://:only@h", "", 1000, 8).password())
                .isEqualTo("only");
    }

    @Test
    void rejectsOtherSchemes() {
        assertThatThrownBy(() -> RedisSettings.resolve("http://h:1", null, "", 1000, 8))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("redis://");
    }
}
