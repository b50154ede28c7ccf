package io.steadfast.platform.internal.health;

import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.jaxrs.runtime.JaxrsServiceRuntime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.steadfast.api.health.HealthIndicator;

/**
 * The node's health and readiness, and the gate in front of its API. Collects every {@link HealthIndicator};
 * while the node starts, checks readiness a few times a second and opens the {@link StartupGate} once the node
 * has been ready, with an unchanged set of served resources, for {@value #SETTLE_MS} ms. Until then the Jetty edge
 * (the {@code io.steadfast.jetty} fragment, which looks this up as a {@link BooleanSupplier} with
 * {@value #GATE_PROPERTY}={@value #GATE_API}) answers every {@code /api} request with 503 and {@code Retry-After},
 * and {@code /health/ready} says not ready.
 */
@Component(
        immediate = true,
        service = {Readiness.class, BooleanSupplier.class},
        property = Readiness.GATE_PROPERTY + "=" + Readiness.GATE_API)
public class Readiness implements BooleanSupplier {

    /** The service property by which the Jetty edge finds the gate. */
    public static final String GATE_PROPERTY = "steadfast.gate";

    /** Its value for the API's gate. */
    public static final String GATE_API = "api";

    static final long SETTLE_MS = 1000;
    private static final Logger LOG = LoggerFactory.getLogger(Readiness.class);

    private final HealthAggregator aggregator = new HealthAggregator();
    private final StartupGate gate = new StartupGate(TimeUnit.MILLISECONDS.toNanos(SETTLE_MS));
    private final BundleContext context;
    private final long started = System.nanoTime();
    private final ScheduledExecutorService poller;
    private volatile long lastWarning = System.nanoTime();
    private volatile boolean stopping;
    private volatile boolean closed;

    @Activate
    public Readiness(BundleContext context) {
        this.context = context;
        this.poller = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "steadfast-readiness");
            t.setDaemon(true);
            return t;
        });
        poller.scheduleWithFixedDelay(this::poll, 100, 200, TimeUnit.MILLISECONDS);
    }

    @Deactivate
    void stop() {
        closed = true;
        poller.shutdownNow();
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addIndicator(HealthIndicator indicator, Map<String, Object> props) {
        Object r = props.get(Constants.SERVICE_RANKING);
        aggregator.add(indicator, r instanceof Integer ? (Integer) r : 0);
    }

    void removeIndicator(HealthIndicator indicator) {
        aggregator.remove(indicator);
    }

    /** Whether the API is served: the gate opened, and the node is not stopping past its drain. */
    @Override
    public boolean getAsBoolean() {
        return gate.isOpen() && !closed;
    }

    /** The node stops now: the Jetty edge answers 503 to every API request from now on. */
    public void close() {
        closed = true;
    }

    /** Every part's health. */
    public HealthAggregator.Report full() {
        return aggregator.full();
    }

    /** The node is stopping: from now on it is not ready (it still serves what it is sent). */
    public void stopping() {
        stopping = true;
    }

    /** Readiness: the parts it needs, and the API open; never while the node stops. */
    public HealthAggregator.Report readiness() {
        HealthAggregator.Report r = aggregator.readiness();
        if (stopping) {
            Map<String, HealthAggregator.ServiceHealth> services = new java.util.LinkedHashMap<>(r.services());
            services.put("shutdown", new HealthAggregator.ServiceHealth("unhealthy", "the node is stopping"));
            return new HealthAggregator.Report("unhealthy", services);
        }
        if (gate.isOpen() || !r.healthy()) {
            return r;
        }
        Map<String, HealthAggregator.ServiceHealth> services = new java.util.LinkedHashMap<>(r.services());
        services.put("startup", new HealthAggregator.ServiceHealth("unhealthy", "settling"));
        return new HealthAggregator.Report("unhealthy", services);
    }

    private void poll() {
        try {
            HealthAggregator.Report r = aggregator.readiness();
            long now = System.nanoTime();
            if (gate.observe(r.healthy(), changeCount(), now)) {
                LOG.info(
                        "Serving the API: ready {} ms after the platform started",
                        TimeUnit.NANOSECONDS.toMillis(now - started));
                poller.shutdown();
            } else if (now - lastWarning > TimeUnit.SECONDS.toNanos(30)) {
                lastWarning = now;
                LOG.warn("The API is not served yet (503 until ready); waiting for {}", waitingFor(r));
            }
        } catch (RuntimeException e) {
            LOG.warn("Readiness check failed: {}", e.toString());
        }
    }

    private static String waitingFor(HealthAggregator.Report r) {
        StringBuilder b = new StringBuilder();
        r.services().forEach((name, s) -> {
            if (!"healthy".equals(s.status())) {
                b.append(b.length() == 0 ? "" : "; ").append(name).append(": ").append(s.message());
            }
        });
        return b.length() == 0 ? "the served resources to hold still" : b.toString();
    }

    private Object changeCount() {
        ServiceReference<JaxrsServiceRuntime> ref = context.getServiceReference(JaxrsServiceRuntime.class);
        return ref == null ? null : ref.getProperty(Constants.SERVICE_CHANGECOUNT);
    }
}
