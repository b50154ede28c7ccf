package io.steadfast.metrics.internal;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmInfoMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.FileDescriptorMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

/**
 * The node's one Prometheus registry. It joins Micrometer's global registry ({@link Metrics#globalRegistry}), so
 * every bundle counts with the static {@link Metrics} API — {@code Metrics.counter("steadfast.x", "tag",
 * "value").increment()} — and needs nothing but the {@code io.micrometer.core.instrument} import: no service to wait
 * for, and meters made before this registry joins (or while it is away, the bundle restarted) are carried into it.
 * Binds the JVM and process metrics and the database pool's, and shapes what every bundle records: the API's request
 * timer gets fixed histogram buckets, and no meter keeps client-side percentiles (they need HdrHistogram, which is
 * not installed; Prometheus computes quantiles from the buckets).
 */
@Component(service = PrometheusMetrics.class, immediate = true)
public class PrometheusMetrics {

    /** The API's request timer ({@code http_server_requests_seconds} in Prometheus). */
    public static final String HTTP_REQUESTS = "http.server.requests";

    /** Its histogram buckets: from a cache hit to the slowest answer worth telling apart. */
    static final Duration[] HTTP_BUCKETS = {
        Duration.ofMillis(5),
        Duration.ofMillis(10),
        Duration.ofMillis(25),
        Duration.ofMillis(50),
        Duration.ofMillis(100),
        Duration.ofMillis(250),
        Duration.ofMillis(500),
        Duration.ofSeconds(1),
        Duration.ofMillis(2500),
        Duration.ofSeconds(5),
        Duration.ofSeconds(10)
    };

    /** The most route templates kept: more means a tag that is not bounded (a bug), and is dropped, not stored. */
    static final int MAX_ROUTES = 500;

    /** Prometheus' text exposition format, version 0.0.4 (every Prometheus and agent reads it). */
    public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private final PrometheusMeterRegistry registry;
    private final List<AutoCloseable> closeables = new ArrayList<>();
    private final PoolGauges pools;

    @Activate
    public PrometheusMetrics() {
        this.registry = create();
        for (MeterBinder b : List.of(
                new JvmMemoryMetrics(),
                new JvmGcMetrics(),
                new JvmThreadMetrics(),
                new ClassLoaderMetrics(),
                new JvmInfoMetrics(),
                new ProcessorMetrics(),
                new UptimeMetrics(),
                new FileDescriptorMetrics())) {
            b.bindTo(registry);
            if (b instanceof AutoCloseable c) {
                closeables.add(c);
            }
        }
        this.pools = new PoolGauges(ManagementFactory.getPlatformMBeanServer(), registry);
        Metrics.addRegistry(registry);
    }

    /** A registry shaped as described above (for the tests too). */
    static PrometheusMeterRegistry create() {
        PrometheusMeterRegistry r = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        r.config()
                .meterFilter(MeterFilter.maximumAllowableTags(HTTP_REQUESTS, "uri", MAX_ROUTES, MeterFilter.deny()))
                .meterFilter(new MeterFilter() {
                    @Override
                    public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
                        DistributionStatisticConfig.Builder b =
                                DistributionStatisticConfig.builder().percentiles(new double[0]);
                        if (HTTP_REQUESTS.equals(id.getName())) {
                            double[] nanos = new double[HTTP_BUCKETS.length];
                            for (int i = 0; i < nanos.length; i++) {
                                nanos[i] = HTTP_BUCKETS[i].toNanos();
                            }
                            b.percentilesHistogram(false).serviceLevelObjectives(nanos);
                        }
                        return b.build().merge(config);
                    }
                });
        return r;
    }

    /** The registry this node's meters are in. */
    public MeterRegistry registry() {
        return registry;
    }

    /** Every meter in Prometheus' text format, the pool gauges read just now. */
    public String scrape() {
        pools.refresh();
        return registry.scrape();
    }

    @Deactivate
    void deactivate() {
        Metrics.removeRegistry(registry);
        for (AutoCloseable c : closeables) {
            try {
                c.close();
            } catch (Exception e) {
                // a binder that cannot let go of its JMX listener only leaks that listener
            }
        }
        registry.close();
    }
}
