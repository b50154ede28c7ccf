package io.steadfast.platform.internal.health;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;
import org.osgi.service.jaxrs.runtime.JaxrsServiceRuntime;
import org.osgi.service.jaxrs.runtime.dto.ApplicationDTO;
import org.osgi.service.jaxrs.runtime.dto.BaseDTO;
import org.osgi.service.jaxrs.runtime.dto.FailedResourceDTO;
import org.osgi.service.jaxrs.runtime.dto.RuntimeDTO;
import org.osgi.service.jaxrs.whiteboard.JaxrsWhiteboardConstants;

import io.steadfast.api.health.HealthIndicator;
import io.steadfast.api.health.HealthStatus;

/**
 * Reports {@code api}: every Declarative Services component of every Steadfast bundle (plugins included) is
 * satisfied, and every REST resource they register is served by the JAX-RS whiteboard. Part of readiness: a node whose stores wait for the database, or
 * whose REST resources are still coming up, is not ready.
 * <p>
 * A resource the whiteboard has neither served nor failed {@value #HEAL_AFTER_SECONDS} s after it was registered was
 * missed, not refused: Aries' whiteboard (its component-dsl trackers) can lose a registration that races another
 * at boot, and would then never serve it, leaving the node unready for good. Its component is disabled and enabled
 * again once, which registers the service anew for the whiteboard to see.
 */
@Component(service = HealthIndicator.class)
public class ComponentsHealth implements HealthIndicator {

    private final ServiceComponentRuntime scr;
    private final BundleContext context;
    private final JaxrsServiceRuntime jaxrs;

    static final long HEAL_AFTER_SECONDS = 20;
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ComponentsHealth.class);
    /** Since when each unserved resource (by service id) is unserved, in nanoTime. */
    private final java.util.Map<Long, Long> unservedSince = new java.util.concurrent.ConcurrentHashMap<>();
    /** The components (bundle id and name) whose resource was registered anew already: each once in a bundle's life. */
    private final Set<String> reRegistered = java.util.concurrent.ConcurrentHashMap.newKeySet();

    @Activate
    public ComponentsHealth(
            @Reference ServiceComponentRuntime scr, @Reference JaxrsServiceRuntime jaxrs, BundleContext context) {
        this.scr = scr;
        this.jaxrs = jaxrs;
        this.context = context;
    }

    @Override
    public String component() {
        return "api";
    }

    @Override
    public boolean requiredForReadiness() {
        return true;
    }

    @Override
    public HealthStatus check() {
        List<Bundle> ours = new ArrayList<>();
        for (Bundle b : context.getBundles()) {
            if (b.getSymbolicName() != null
                    && b.getSymbolicName().startsWith("io.steadfast.")
                    && b.getState() == Bundle.ACTIVE) {
                ours.add(b);
            }
        }
        int total = 0;
        List<String> waiting = new ArrayList<>();
        for (ComponentDescriptionDTO d : scr.getComponentDescriptionDTOs(ours.toArray(new Bundle[0]))) {
            if (!scr.isComponentEnabled(d)) {
                continue;
            }
            total++;
            for (ComponentConfigurationDTO c : scr.getComponentConfigurationDTOs(d)) {
                if (c.state == ComponentConfigurationDTO.UNSATISFIED_REFERENCE
                        || c.state == ComponentConfigurationDTO.UNSATISFIED_CONFIGURATION
                        || c.state == ComponentConfigurationDTO.FAILED_ACTIVATION) {
                    waiting.add(d.name.substring(d.name.lastIndexOf('.') + 1));
                }
            }
        }
        if (!waiting.isEmpty()) {
            return HealthStatus.unhealthy(waiting.size() + " of " + total + " components waiting: "
                    + String.join(", ", waiting.subList(0, Math.min(8, waiting.size())))
                    + (waiting.size() > 8 ? ", ..." : ""));
        }
        List<String> unserved = unservedResources();
        if (!unserved.isEmpty()) {
            return HealthStatus.unhealthy(unserved.size() + " resources not served yet: "
                    + String.join(", ", unserved.subList(0, Math.min(8, unserved.size())))
                    + (unserved.size() > 8 ? ", ..." : ""));
        }
        return HealthStatus.healthy(total + " components of " + ours.size() + " bundles up");
    }

    /** The Steadfast REST resources registered as services that the whiteboard does not serve (yet). */
    private List<String> unservedResources() {
        ServiceReference<?>[] refs;
        try {
            refs = context.getServiceReferences(
                    (String) null, "(" + JaxrsWhiteboardConstants.JAX_RS_RESOURCE + "=true)");
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
        if (refs == null) {
            return List.of();
        }
        RuntimeDTO dto = jaxrs.getRuntimeDTO();
        Set<Long> served = new HashSet<>();
        List<ApplicationDTO> apps = new ArrayList<>();
        if (dto.defaultApplication != null) {
            apps.add(dto.defaultApplication);
        }
        if (dto.applicationDTOs != null) {
            apps.addAll(List.of(dto.applicationDTOs));
        }
        for (ApplicationDTO app : apps) {
            if (app.resourceDTOs != null) {
                for (BaseDTO r : app.resourceDTOs) {
                    served.add(r.serviceId);
                }
            }
        }
        Set<Long> failed = new HashSet<>();
        if (dto.failedResourceDTOs != null) {
            for (FailedResourceDTO f : dto.failedResourceDTOs) {
                failed.add(f.serviceId);
            }
        }
        List<String> unserved = new ArrayList<>();
        Set<Long> stillUnserved = new HashSet<>();
        for (ServiceReference<?> ref : refs) {
            String bsn = ref.getBundle() == null ? null : ref.getBundle().getSymbolicName();
            Long id = (Long) ref.getProperty(Constants.SERVICE_ID);
            if (bsn != null && bsn.startsWith("io.steadfast.") && !served.contains(id)) {
                Object name = ref.getProperty(JaxrsWhiteboardConstants.JAX_RS_NAME);
                unserved.add(
                        (name != null ? name.toString() : "service " + id) + (failed.contains(id) ? " (failed)" : ""));
                if (!failed.contains(id)) {
                    stillUnserved.add(id);
                    long since = unservedSince.computeIfAbsent(id, k -> System.nanoTime());
                    if (System.nanoTime() - since >= java.util.concurrent.TimeUnit.SECONDS.toNanos(HEAL_AFTER_SECONDS)
                            && reRegistered.add(
                                    ref.getBundle().getBundleId() + "/" + ref.getProperty("component.name"))) {
                        reRegister(ref);
                    }
                }
            }
        }
        unservedSince.keySet().retainAll(stillUnserved);
        return unserved;
    }

    /** Disables and enables again the DS component that registered {@code ref}: its service comes anew. */
    private void reRegister(ServiceReference<?> ref) {
        Object component = ref.getProperty("component.name");
        Bundle bundle = ref.getBundle();
        if (!(component instanceof String) || bundle == null) {
            return;
        }
        ComponentDescriptionDTO d = scr.getComponentDescriptionDTO(bundle, (String) component);
        if (d == null) {
            return;
        }
        LOG.warn(
                "The JAX-RS whiteboard has not served {} (service {}) for {} s, nor failed it: registering it anew",
                component,
                ref.getProperty(Constants.SERVICE_ID),
                HEAL_AFTER_SECONDS);
        scr.disableComponent(d).onResolve(() -> scr.enableComponent(d));
    }
}
