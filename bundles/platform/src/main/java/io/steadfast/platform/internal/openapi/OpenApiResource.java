package io.steadfast.platform.internal.openapi;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsName;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;
import org.osgi.util.tracker.ServiceTracker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.steadfast.platform.rest.RestApi;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * {@code GET /api/openapi.json}: the OpenAPI 3 document of every resource registered now, from every bundle,
 * regenerated when resources come or go. Public.
 */
@Component(service = OpenApiResource.class)
@JaxrsResource
@JaxrsName("steadfast.openapi")
@JaxrsApplicationSelect(RestApi.APP_SELECT)
@Path("openapi.json")
@io.steadfast.platform.rest.Public
@Tag(name = "meta", description = "About the API itself")
public class OpenApiResource {

    private static final Logger LOG = LoggerFactory.getLogger(OpenApiResource.class);

    private final Map<ServiceReference<Object>, Class<?>> resources = new ConcurrentHashMap<>();
    private final ServiceTracker<Object, Class<?>> tracker;
    private final String version;
    private volatile String cached;
    /** Bumped whenever a resource comes or goes, so a document generated meanwhile is not cached stale. */
    private final java.util.concurrent.atomic.AtomicLong generation = new java.util.concurrent.atomic.AtomicLong();

    @Activate
    public OpenApiResource(BundleContext context) throws InvalidSyntaxException {
        this.version = context.getBundle().getVersion().toString();
        this.tracker = new ServiceTracker<>(context, context.createFilter("(osgi.jaxrs.resource=true)"), null) {
            @Override
            public Class<?> addingService(ServiceReference<Object> ref) {
                Class<?> cls = implementationClass(ref);
                if (cls != null) {
                    resources.put(ref, cls);
                    invalidate();
                }
                return cls;
            }

            @Override
            public void modifiedService(ServiceReference<Object> ref, Class<?> cls) {
                invalidate();
            }

            @Override
            public void removedService(ServiceReference<Object> ref, Class<?> cls) {
                resources.remove(ref);
                invalidate();
            }
        };
        tracker.open(true);
    }

    /**
     * The resource's class, found without getting the service (which would activate it, and may be this very
     * component): a Declarative Services component is named after its class by default; otherwise the first
     * registered interface name is tried.
     */
    public static Class<?> implementationClass(ServiceReference<?> ref) {
        org.osgi.framework.Bundle bundle = ref.getBundle();
        if (bundle == null) {
            return null;
        }
        List<String> candidates = new ArrayList<>();
        Object componentName = ref.getProperty("component.name");
        if (componentName instanceof String) {
            candidates.add((String) componentName);
        }
        Object objectClass = ref.getProperty("objectClass");
        if (objectClass instanceof String[]) {
            candidates.addAll(java.util.Arrays.asList((String[]) objectClass));
        }
        for (String name : candidates) {
            try {
                Class<?> cls = bundle.loadClass(name);
                if (cls.isAnnotationPresent(Path.class)) {
                    return cls;
                }
            } catch (ClassNotFoundException | RuntimeException e) {
                // not a class of that bundle
            }
        }
        LOG.debug("No resource class found for {}", candidates);
        return null;
    }

    private synchronized void invalidate() {
        generation.incrementAndGet();
        cached = null;
    }

    @Deactivate
    void deactivate() {
        tracker.close();
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "The OpenAPI 3 document of the whole API",
            description = "Generated from the resources " + "running now, plugins included")
    public Response document() {
        String doc = cached;
        if (doc == null) {
            long gen = generation.get();
            List<Class<?>> api = new ArrayList<>();
            List<Class<?>> health = List.of(io.steadfast.platform.internal.health.HealthApi.class);
            resources.forEach((ref, cls) -> {
                Object select = ref.getProperty("osgi.jaxrs.application.select");
                String s = select == null ? "" : select.toString();
                if (s.contains(RestApi.APP_SELECT)) {
                    api.add(cls);
                }
            });
            ClassLoader previous = Thread.currentThread().getContextClassLoader();
            try {
                Thread.currentThread().setContextClassLoader(OpenApiResource.class.getClassLoader());
                doc = OpenApiDocument.generate(version, api, health);
            } finally {
                Thread.currentThread().setContextClassLoader(previous);
            }
            synchronized (this) {
                if (generation.get() == gen) {
                    cached = doc;
                }
            }
            LOG.debug("OpenAPI document regenerated from {} resources", api.size() + health.size());
        }
        return Response.ok(doc, MediaType.APPLICATION_JSON_TYPE)
                .header("Cache-Control", "no-cache")
                .build();
    }
}
