package io.steadfast.metrics.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

class PrometheusMetricsTest {

    @Test
    void theRequestTimerIsAHistogramWithTheFixedBucketsAndNoPercentiles() {
        PrometheusMeterRegistry r = PrometheusMetrics.create();
        Timer.builder(PrometheusMetrics.HTTP_REQUESTS)
                .tags("method", "GET", "uri", "/api/v1/habits/{id}", "status", "200", "outcome", "SUCCESS")
                .publishPercentiles(0.5, 0.99) // asked for, not kept: they need HdrHistogram
                .publishPercentileHistogram()
                .register(r)
                .record(Duration.ofMillis(30));
        String text = r.scrape();
        assertThat(text)
                .contains("# TYPE http_server_requests_seconds histogram")
                .contains("http_server_requests_seconds_bucket{method=\"GET\",outcome=\"SUCCESS\",status=\"200\","
                        + "uri=\"/api/v1/habits/{id}\",le=\"0.025\"} 0")
                .contains("uri=\"/api/v1/habits/{id}\",le=\"0.05\"} 1")
                .contains("uri=\"/api/v1/habits/{id}\",le=\"+Inf\"} 1")
                .contains("http_server_requests_seconds_count{method=\"GET\"")
                .doesNotContain("quantile=");
        assertThat(text.lines().filter(l -> l.startsWith("http_server_requests_seconds_bucket")))
                .as("the 11 buckets and +Inf, not Micrometer's 70-odd")
                .hasSize(PrometheusMetrics.HTTP_BUCKETS.length + 1);
        r.close();
    }

    @Test
    void countersOfOtherBundlesMadeBeforeTheRegistryJoinedAreScraped() {
        Counter early = Metrics.counter("steadfast.test.early", "outcome", "success");
        early.increment(2);
        PrometheusMetrics metrics = new PrometheusMetrics();
        try {
            early.increment();
            Metrics.counter("steadfast.test.late").increment();
            String text = metrics.scrape();
            assertThat(text)
                    .contains("steadfast_test_early_total{outcome=\"success\"} 1.0")
                    .contains("steadfast_test_late_total 1.0")
                    .contains("jvm_memory_used_bytes{")
                    .contains("jvm_threads_live_threads ")
                    .contains("jvm_classes_loaded_classes ")
                    .contains("process_uptime_seconds ")
                    .contains("system_cpu_count ");
        } finally {
            metrics.deactivate();
        }
        assertThat(Metrics.globalRegistry.getRegistries()).isEmpty();
    }
}
