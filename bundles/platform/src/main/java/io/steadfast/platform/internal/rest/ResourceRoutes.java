package io.steadfast.platform.internal.rest;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.util.tracker.ServiceTracker;

import io.steadfast.platform.internal.openapi.OpenApiResource;
import io.steadfast.platform.rest.RestApi;

/**
 * The {@link RouteTable} of the resources of the Steadfast API that are registered now, from every bundle, rebuilt
 * when resources come or go.
 */
@Component(service = ResourceRoutes.class)
public class ResourceRoutes {

    private final Map<ServiceReference<Object>, Class<?>> resources = new ConcurrentHashMap<>();
    private final ServiceTracker<Object, Class<?>> tracker;
    private volatile RouteTable table = RouteTable.empty();

    @Activate
    public ResourceRoutes(BundleContext context) throws InvalidSyntaxException {
        this.tracker = new ServiceTracker<>(context, context.createFilter("(osgi.jaxrs.resource=true)"), null) {
            @Override
            public Class<?> addingService(ServiceReference<Object> ref) {
                Class<?> cls = OpenApiResource.implementationClass(ref);
                Object select = ref.getProperty("osgi.jaxrs.application.select");
                if (cls == null || select == null || !select.toString().contains(RestApi.APP_SELECT)) {
                    return null;
                }
                resources.put(ref, cls);
                rebuild();
                return cls;
            }

            @Override
            public void removedService(ServiceReference<Object> ref, Class<?> cls) {
                resources.remove(ref);
                rebuild();
            }
        };
        tracker.open(true);
    }

    private synchronized void rebuild() {
        table = RouteTable.of(resources.values());
    }

    /** The methods that answer at {@code path} (relative to {@code /api}); empty when nothing does. */
    public java.util.Set<String> allowed(String path) {
        return table.allowed(path);
    }

    @Deactivate
    void deactivate() {
        tracker.close();
    }
}
