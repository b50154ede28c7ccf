package io.steadfast.platform.internal.health;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.steadfast.api.health.HealthIndicator;
import io.steadfast.api.health.HealthStatus;

class HealthAggregatorTest {

    static HealthIndicator indicator(String component, boolean healthy, boolean readiness) {
        return new HealthIndicator() {
            @Override
            public String component() {
                return component;
            }

            @Override
            public HealthStatus check() {
                return new HealthStatus(healthy, component + (healthy ? " ok" : " down"));
            }

            @Override
            public boolean requiredForReadiness() {
                return readiness;
            }
        };
    }

    @Test
    void healthyWhenDatabaseAndCacheAre() {
        HealthAggregator a = new HealthAggregator();
        a.add(indicator("database", true, true), 0);
        a.add(indicator("cache", true, false), 0);
        a.add(indicator("api", true, true), 0);
        HealthAggregator.Report r = a.full();
        assertThat(r.healthy()).isTrue();
        assertThat(r.services()).containsOnlyKeys("api", "cache", "database");
        assertThat(r.services().get("database").status()).isEqualTo("healthy");
        assertThat(r.summary()).isEqualTo(new HealthAggregator.Summary("healthy", 3, 0));
    }

    @Test
    void theHigherRankedIndicatorOfAComponentWins() {
        HealthAggregator a = new HealthAggregator();
        a.add(indicator("database", true, true), 0);
        a.add(indicator("cache", true, false), 0);
        a.add(indicator("api", true, true), 0);
        HealthIndicator redis = indicator("cache", false, false);
        a.add(redis, 100);
        HealthAggregator.Report r = a.full();
        assertThat(r.healthy()).isFalse();
        assertThat(r.services().get("cache").message()).isEqualTo("cache down");
        assertThat(r.summary())
                .as("counts only, naming no part")
                .isEqualTo(new HealthAggregator.Summary("unhealthy", 2, 1));
        assertThat(a.readiness().healthy())
                .as("the cache does not decide readiness")
                .isTrue();
        a.remove(redis);
        assertThat(a.full().healthy()).isTrue();
    }

    @Test
    void missingPartsAreStartingAndUnhealthy() {
        HealthAggregator a = new HealthAggregator();
        assertThat(a.full().healthy()).isFalse();
        assertThat(a.full().services().get("database").message()).isEqualTo("starting");
        assertThat(a.readiness().healthy()).isFalse();
        a.add(indicator("cache", true, false), 0);
        a.add(indicator("database", true, true), 0);
        assertThat(a.full().healthy()).isFalse();
        assertThat(a.readiness().services().get("api").message())
                .as("not ready until the REST resources report")
                .isEqualTo("starting");
        a.add(indicator("api", true, true), 0);
        assertThat(a.readiness().healthy()).isTrue();
    }

    @Test
    void aThrowingIndicatorIsUnhealthyNotAnError() {
        HealthAggregator a = new HealthAggregator();
        a.add(indicator("cache", true, false), 0);
        a.add(
                new HealthIndicator() {
                    @Override
                    public String component() {
                        return "database";
                    }

                    @Override
                    public HealthStatus check() {
                        throw new IllegalStateException("boom");
                    }
                },
                0);
        assertThat(a.full().services().get("database").status()).isEqualTo("unhealthy");
    }
}
