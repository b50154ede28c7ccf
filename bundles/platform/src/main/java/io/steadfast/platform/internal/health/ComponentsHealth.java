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
 */
@Component(service = HealthIndicator.class)
public class ComponentsHealth implements HealthIndicator {

    private final ServiceComponentRuntime scr;
    private final BundleContext context;
    private final JaxrsServiceRuntime jaxrs;

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
        for (ServiceReference<?> ref : refs) {
            String bsn = ref.getBundle() == null ? null : ref.getBundle().getSymbolicName();
            Long id = (Long) ref.getProperty(Constants.SERVICE_ID);
            if (bsn != null && bsn.startsWith("io.steadfast.") && !served.contains(id)) {
                Object name = ref.getProperty(JaxrsWhiteboardConstants.JAX_RS_NAME);
                unserved.add(
                        (name != null ? name.toString() : "service " + id) + (failed.contains(id) ? " (failed)" : ""));
            }
        }
        return unserved;
    }
}
