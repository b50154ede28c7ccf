package io.steadfast.platform.internal.limit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import io.steadfast.api.cache.TokenBuckets.Take;

class RatePolicyTest {

    @Test
    void aPolicyIsWrittenBurstSlashPerSecond() {
        assertThat(RatePolicy.parse(" 300 / 20 ")).isEqualTo(new RatePolicy(300, 20));
        assertThat(RatePolicy.parse("10/0.5").perSecond()).isEqualTo(0.5);
        assertThat(RatePolicy.parse("300/20")).hasToString("300/20");
        for (String bad : new String[] {"", "300", "/20", "0/20", "300/0", "300/-1", "x/y", "300/Infinity", null}) {
            assertThatThrownBy(() -> RatePolicy.parse(bad))
                    .as(String.valueOf(bad))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("burst/perSecond");
        }
    }

    @Test
    void theHeadersSayTheLimitWhatIsLeftAndWhenItIsFullAgain() {
        RatePolicy p = new RatePolicy(300, 20);
        assertThat(p.headers(new Take(true, 299, Duration.ZERO, Duration.ofMillis(50))))
                .containsEntry("RateLimit-Limit", "300")
                .containsEntry("RateLimit-Remaining", "299")
                .containsEntry("RateLimit-Reset", "1")
                .containsEntry("RateLimit-Policy", "300;w=15")
                .doesNotContainKey("Retry-After");
        assertThat(p.headers(new Take(false, 0, Duration.ofMillis(50), Duration.ofMillis(15_000))))
                .containsEntry("RateLimit-Remaining", "0")
                .containsEntry("RateLimit-Reset", "15")
                .containsEntry("Retry-After", "1");
    }

    @Test
    void aBadSettingIsNamedAndTheNextOneServes() {
        RatePolicy fallback = new RatePolicy(1, 1);
        assertThat(RateLimitFilter.policy("50/5", "ENV", "10/1", fallback)).isEqualTo(new RatePolicy(50, 5));
        assertThat(RateLimitFilter.policy("junk", "ENV", "10/1", fallback)).isEqualTo(new RatePolicy(10, 1));
        assertThat(RateLimitFilter.policy(null, "ENV", "", fallback)).isSameAs(fallback);
    }
}
