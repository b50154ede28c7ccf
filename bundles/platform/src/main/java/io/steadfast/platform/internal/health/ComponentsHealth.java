package io.steadfast.platform.internal.health;

import java.util.ArrayList;
import java.util.List;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;

import io.steadfast.api.health.HealthIndicator;
import io.steadfast.api.health.HealthStatus;

/**
 * Reports {@code api}: every Declarative Services component of every Steadfast bundle (plugins included) is
 * satisfied, so all resources are registered. Part of readiness: a node whose stores wait for the database, or
 * whose REST resources are still coming up, is not ready.
 */
@Component(service = HealthIndicator.class)
public class ComponentsHealth implements HealthIndicator {

    private final ServiceComponentRuntime scr;
    private final BundleContext context;

    @Activate
    public ComponentsHealth(@Reference ServiceComponentRuntime scr, BundleContext context) {
        this.scr = scr;
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
        return HealthStatus.healthy(total + " components of " + ours.size() + " bundles up");
    }
}
