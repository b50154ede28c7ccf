package io.steadfast.platform.internal.rest;

import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.http.runtime.HttpServiceRuntime;
import org.osgi.service.http.runtime.HttpServiceRuntimeConstants;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.steadfast.api.health.HealthIndicator;
import io.steadfast.api.health.HealthStatus;
import io.steadfast.api.link.PublicUrl;

/**
 * The {@link PublicUrl} service (see {@link PublicUrls} for the rules), and its line in {@code /health}
 * ({@code publicUrl}: which base the links use and where it came from).
 */
@Component(
        service = {PublicUrl.class, HealthIndicator.class},
        configurationPid = PlatformConfig.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
public class PublicUrlService implements PublicUrl, HealthIndicator {

    private static final Logger LOG = LoggerFactory.getLogger(PublicUrlService.class);

    private final int port;
    private volatile String configured;
    private volatile Collection<String> endpoints = List.of();
    private volatile PublicUrls.Resolved resolved;
    private volatile String loggedError;

    @Activate
    public PublicUrlService(BundleContext context, PlatformConfig config) {
        String p = context.getProperty("org.osgi.service.http.port");
        int parsed = 8181;
        try {
            parsed = p == null ? 8181 : Integer.parseInt(p.trim());
        } catch (NumberFormatException notANumber) {
            // the default
        }
        this.port = parsed;
        this.configured = config.publicUrl();
        update();
    }

    @Modified
    void modified(PlatformConfig config) {
        this.configured = config.publicUrl();
        update();
    }

    @Reference(
            service = HttpServiceRuntime.class,
            cardinality = ReferenceCardinality.OPTIONAL,
            policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY,
            updated = "runtimeUpdated")
    void bindRuntime(Map<String, Object> props) {
        endpoints = endpoints(props.get(HttpServiceRuntimeConstants.HTTP_SERVICE_ENDPOINT));
        update();
    }

    void runtimeUpdated(Map<String, Object> props) {
        bindRuntime(props);
    }

    void unbindRuntime(Map<String, Object> props) {
        // keep the last known address: links stay stable while the HTTP runtime restarts
    }

    private synchronized void update() {
        PublicUrls.Resolved r = PublicUrls.resolve(System.getenv(PublicUrls.ENV), configured, endpoints, port);
        resolved = r;
        if (r.error() != null && !r.error().equals(loggedError)) {
            LOG.error("The public URL is invalid: {}", r.error());
        }
        loggedError = r.error();
    }

    static Collection<String> endpoints(Object value) {
        List<String> list = new ArrayList<>();
        if (value instanceof String s) {
            list.add(s);
        } else if (value instanceof String[] a) {
            list.addAll(Arrays.asList(a));
        } else if (value instanceof Collection<?> c) {
            c.forEach(o -> list.add(String.valueOf(o)));
        }
        return list;
    }

    @Override
    public URI base() {
        return resolved.base();
    }

    @Override
    public String component() {
        return "publicUrl";
    }

    @Override
    public HealthStatus check() {
        PublicUrls.Resolved r = resolved;
        String message = r.base() + " (" + r.source() + ")";
        if (r.error() != null) {
            message += "; " + r.error();
        }
        return HealthStatus.healthy(message);
    }
}
