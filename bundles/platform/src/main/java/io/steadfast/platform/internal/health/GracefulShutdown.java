package io.steadfast.platform.internal.health;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.IntSupplier;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.SynchronousBundleListener;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A clean stop (SIGTERM to the JVM, {@code bin/stop}, a container runtime stopping the node). Karaf stops the OSGi
 * framework, which stops the bundles one by one, the most recently started first; before the first of them stops,
 * while every bundle still serves, this listener (synchronous, so the framework waits for it) closes readiness —
 * {@code /health/ready} answers 503 "stopping", so a load balancer or Kubernetes takes the node out — keeps serving
 * for {@value #ENV_DRAIN} seconds (default 0: nobody to tell on a laptop; the container image sets 5), then waits
 * for the requests in flight (the Jetty edge's count) to finish, at most {@value #ENV_TIMEOUT} seconds (default 20).
 */
@Component(immediate = true, service = GracefulShutdown.class)
public class GracefulShutdown implements SynchronousBundleListener {

    public static final String ENV_DRAIN = "STEADFAST_SHUTDOWN_DRAIN_SECONDS";
    public static final String ENV_TIMEOUT = "STEADFAST_SHUTDOWN_TIMEOUT_SECONDS";
    static final long DEFAULT_DRAIN_SECONDS = 0;
    static final long DEFAULT_TIMEOUT_SECONDS = 20;
    private static final String INFLIGHT_FILTER = "(steadfast.edge=inflight)";
    private static final Logger LOG = LoggerFactory.getLogger(GracefulShutdown.class);

    private final BundleContext context;
    private final Readiness readiness;
    private final Drain drain;
    private final AtomicBoolean done = new AtomicBoolean();

    @Activate
    public GracefulShutdown(BundleContext context, @Reference Readiness readiness) {
        this.context = context;
        this.readiness = readiness;
        long delay = setting(ENV_DRAIN, DEFAULT_DRAIN_SECONDS);
        long timeout = setting(ENV_TIMEOUT, DEFAULT_TIMEOUT_SECONDS);
        this.drain = new Drain(
                TimeUnit.SECONDS.toMillis(delay),
                TimeUnit.SECONDS.toMillis(timeout),
                System::nanoTime,
                nanos -> TimeUnit.NANOSECONDS.sleep(nanos));
        context.addBundleListener(this);
    }

    @Deactivate
    void stop() {
        try {
            context.removeBundleListener(this);
        } catch (IllegalStateException stopping) {
            // the bundle's context is already gone
        }
        // this bundle itself stops while the framework stops and no other bundle stopped before it
        leaveIfStopping();
    }

    @Override
    public void bundleChanged(BundleEvent event) {
        if (event.getType() == BundleEvent.STOPPING) {
            leaveIfStopping();
        }
    }

    private void leaveIfStopping() {
        Bundle system = context.getBundle(0);
        if (system == null || system.getState() != Bundle.STOPPING || !done.compareAndSet(false, true)) {
            return;
        }
        readiness.stopping();
        LOG.info("Stopping: /health/ready says 503 from now; the API is served for {} s more", drainSeconds());
        Drain.Outcome o = drain.run(this::inFlight);
        // nothing more reaches the bundles that stop now: the edge answers 503 until Jetty stops
        readiness.close();
        if (o.unfinished() > 0) {
            LOG.warn(
                    "Stopping with {} request(s) still being served after {} ms (raise {})",
                    o.unfinished(),
                    o.waitedMillis(),
                    ENV_TIMEOUT);
        } else {
            LOG.info("Every request finished ({} ms); the node stops now", o.drainedMillis() + o.waitedMillis());
        }
    }

    private long drainSeconds() {
        return setting(ENV_DRAIN, DEFAULT_DRAIN_SECONDS);
    }

    /** The requests the Jetty edge is serving now (0 when it is not there). */
    private int inFlight() {
        try {
            ServiceReference<?>[] refs = context.getServiceReferences(IntSupplier.class.getName(), INFLIGHT_FILTER);
            if (refs == null) {
                return 0;
            }
            int sum = 0;
            for (ServiceReference<?> ref : refs) {
                Object s = context.getService(ref);
                try {
                    if (s instanceof IntSupplier) {
                        sum += ((IntSupplier) s).getAsInt();
                    }
                } finally {
                    context.ungetService(ref);
                }
            }
            return sum;
        } catch (InvalidSyntaxException | IllegalStateException e) {
            return 0;
        }
    }

    private static long setting(String env, long fallback) {
        String value = System.getenv(env);
        long s = Drain.seconds(value, fallback);
        if (value != null && !value.isBlank() && s == fallback && !value.trim().equals(Long.toString(fallback))) {
            LOG.warn("{}={} is not a whole number of seconds from 0 to 600; using {}", env, value, fallback);
        }
        return s;
    }
}
