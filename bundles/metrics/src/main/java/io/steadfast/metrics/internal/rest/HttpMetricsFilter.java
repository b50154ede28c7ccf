package io.steadfast.metrics.internal.rest;

import java.io.IOException;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerRequestFilter;
import javax.ws.rs.container.ContainerResponseContext;
import javax.ws.rs.container.ContainerResponseFilter;
import javax.ws.rs.container.PreMatching;
import javax.ws.rs.container.ResourceInfo;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.ext.WriterInterceptor;
import javax.ws.rs.ext.WriterInterceptorContext;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtension;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsName;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.steadfast.metrics.internal.PrometheusMetrics;
import io.steadfast.platform.rest.RestApi;

/**
 * Times every request of the API into {@code http_server_requests_seconds}, a histogram tagged with the method, the
 * route template ({@link RouteTemplates}), the status and its class ({@code outcome}: SUCCESS, CLIENT_ERROR,
 * SERVER_ERROR, ...). The time runs from the start of the JAX-RS filters to the end of writing the body (to the
 * answer's headers for an answer without a body and for an event stream, which lasts as long as its client listens).
 * What the Jetty edge answers itself (the 503s of a node that is not ready, a request Jetty cannot parse) is not
 * here: it never reaches the application.
 */
@Component(service = {ContainerRequestFilter.class, ContainerResponseFilter.class, WriterInterceptor.class})
@JaxrsExtension
@JaxrsName("steadfast.metrics")
@JaxrsApplicationSelect(RestApi.APP_SELECT)
@PreMatching
public class HttpMetricsFilter implements ContainerRequestFilter, ContainerResponseFilter, WriterInterceptor {

    private static final String START = HttpMetricsFilter.class.getName() + ".start";
    private static final String SAMPLE = HttpMetricsFilter.class.getName() + ".sample";
    private static final Set<String> METHODS = Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");

    /** A request timed until its body is written. */
    private record Sample(long start, String method, String uri, int status) {}

    @Context
    ResourceInfo resourceInfo;

    private final MeterRegistry registry;
    private final RouteTemplates routes = new RouteTemplates(RestApi.BASE_PATH);

    @Activate
    public HttpMetricsFilter(@Reference PrometheusMetrics metrics) {
        this.registry = metrics.registry();
    }

    @Override
    public void filter(ContainerRequestContext request) {
        request.setProperty(START, System.nanoTime());
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        // a filter that answered before this one started leaves no start: such an answer is timed as instant
        long start = request.getProperty(START) instanceof Long s ? s : System.nanoTime();
        String method = METHODS.contains(request.getMethod()) ? request.getMethod() : "OTHER";
        Class<?> resource = resourceInfo == null ? null : resourceInfo.getResourceClass();
        java.lang.reflect.Method m = resourceInfo == null ? null : resourceInfo.getResourceMethod();
        Sample sample = new Sample(start, method, routes.of(resource, m, response.getStatus()), response.getStatus());
        if (response.hasEntity() && !"HEAD".equals(method) && !eventStream(response.getMediaType())) {
            request.setProperty(SAMPLE, sample);
        } else {
            record(sample);
        }
    }

    @Override
    public void aroundWriteTo(WriterInterceptorContext context) throws IOException {
        try {
            context.proceed();
        } finally {
            if (context.getProperty(SAMPLE) instanceof Sample s) {
                context.removeProperty(SAMPLE);
                record(s);
            }
        }
    }

    private void record(Sample s) {
        Timer.builder(PrometheusMetrics.HTTP_REQUESTS)
                .description("Requests of the API by method, route template and status")
                .tag("method", s.method())
                .tag("uri", s.uri())
                .tag("status", Integer.toString(s.status()))
                .tag("outcome", outcome(s.status()))
                .register(registry)
                .record(System.nanoTime() - s.start(), TimeUnit.NANOSECONDS);
    }

    static String outcome(int status) {
        if (status < 200) {
            return "INFORMATIONAL";
        } else if (status < 300) {
            return "SUCCESS";
        } else if (status < 400) {
            return "REDIRECTION";
        } else if (status < 500) {
            return "CLIENT_ERROR";
        }
        return "SERVER_ERROR";
    }

    private static boolean eventStream(MediaType type) {
        return type != null && MediaType.SERVER_SENT_EVENTS_TYPE.isCompatible(type);
    }
}
