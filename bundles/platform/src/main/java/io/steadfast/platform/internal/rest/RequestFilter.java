package io.steadfast.platform.internal.rest;

import java.time.Clock;

import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.HttpMethod;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerRequestFilter;
import javax.ws.rs.container.ContainerResponseContext;
import javax.ws.rs.container.ContainerResponseFilter;
import javax.ws.rs.container.PreMatching;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MultivaluedMap;
import javax.ws.rs.core.Response;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtension;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsName;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.steadfast.platform.rest.RestApi;
import io.steadfast.platform.rest.Uploads;

/**
 * Cross-cutting concerns of every request: the {@code X-Request-Id} (taken from the request when given, or the one
 * the Jetty edge already chose and put in the logging MDC), CORS for the configured origins, security headers, and
 * one JSON access-log line per request.
 */
@Component(
        service = {ContainerRequestFilter.class, ContainerResponseFilter.class},
        configurationPid = PlatformConfig.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = PlatformConfig.class)
@JaxrsExtension
@JaxrsName("steadfast.request")
@JaxrsApplicationSelect(RestApi.ALL_APPS_SELECT)
@PreMatching
public class RequestFilter implements ContainerRequestFilter, ContainerResponseFilter {

    public static final String REQUEST_ID_ATTRIBUTE = "steadfast.requestId";
    public static final String HEADER = "X-Request-Id";
    private static final String START_ATTRIBUTE = "steadfast.start";
    private static final Logger ACCESS = LoggerFactory.getLogger("io.steadfast.access");

    @Context
    HttpServletRequest servletRequest;

    private volatile CorsPolicy cors;
    private volatile boolean accessLog;
    private volatile long maxBody;
    private volatile long maxUpload;

    private final Clock clock;
    private final ResourceRoutes routes;

    @Activate
    public RequestFilter(@Reference Clock clock, @Reference ResourceRoutes routes, PlatformConfig config) {
        this.clock = clock;
        this.routes = routes;
        configure(config);
    }

    @Modified
    void configure(PlatformConfig config) {
        this.cors = new CorsPolicy(config.cors_allowedOrigins(), System.getenv("STEADFAST_CORS_ORIGINS"));
        this.accessLog = config.accessLog_enabled();
        this.maxBody = config.request_maxBodyBytes();
        this.maxUpload = Math.max(config.request_maxUploadBytes(), maxBody);
    }

    @Override
    public void filter(ContainerRequestContext request) {
        request.setProperty(START_ATTRIBUTE, System.nanoTime());
        String id = RequestIds.accept(edgeRequestId(), request.getHeaderString(HEADER));
        request.setProperty(REQUEST_ID_ATTRIBUTE, id);
        setServletAttribute(id);
        if (ServiceDescriptions.asked(
                request.getUriInfo().getQueryParameters(false).keySet())) {
            // the runtime's own descriptions (WADL, service lists) are not the API: the OpenAPI document is
            request.abortWith(Problems.response(
                    servletRequest,
                    404,
                    "not-found",
                    "Not Found",
                    "There is no such resource; the API is described at /api/openapi.json",
                    null,
                    null));
            return;
        }
        String contentType = request.getHeaderString(HttpHeaders.CONTENT_TYPE);
        long limit = contentType == null || Uploads.isJson(contentType) ? maxBody : maxUpload;
        if (request.getLength() > limit) {
            request.abortWith(Problems.response(
                    servletRequest,
                    413,
                    "payload-too-large",
                    "Payload Too Large",
                    "The request body is larger than " + limit + " bytes",
                    null,
                    null));
            return;
        }
        if (request.hasEntity() && request.getHeaderString(HttpHeaders.CONTENT_TYPE) == null) {
            // refused here, before the runtime looks for a reader of application/octet-stream and logs an ERROR
            request.abortWith(Problems.response(
                    servletRequest,
                    415,
                    "unsupported-media-type",
                    "Unsupported Media Type",
                    "Send the request body with Content-Type: application/json",
                    null,
                    null));
            return;
        }
        if (request.hasEntity() && request.getLength() < 0 && limit > 0) {
            request.setEntityStream(new LimitedInputStream(request.getEntityStream(), limit));
        }
        String origin = request.getHeaderString("Origin");
        if (HttpMethod.OPTIONS.equals(request.getMethod())
                && origin != null
                && request.getHeaderString("Access-Control-Request-Method") != null
                && cors.allows(origin)) {
            request.abortWith(Response.noContent().build());
            return;
        }
        if (HttpMethod.OPTIONS.equals(request.getMethod())) {
            // the methods that answer here, not every method of every resource that shares a prefix
            java.util.Set<String> allow = routes.allowed(request.getUriInfo().getPath());
            if (!allow.isEmpty()) {
                request.abortWith(Response.noContent()
                        .header(HttpHeaders.ALLOW, RouteTable.header(allow))
                        .build());
            }
        }
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        Object idObj = request.getProperty(REQUEST_ID_ATTRIBUTE);
        String id = idObj == null ? RequestIds.accept(null) : idObj.toString();
        MultivaluedMap<String, Object> h = response.getHeaders();
        h.putSingle(HEADER, id);
        if (response.getStatus() == 405) {
            java.util.Set<String> allow = routes.allowed(request.getUriInfo().getPath());
            if (!allow.isEmpty()) {
                h.putSingle(HttpHeaders.ALLOW, RouteTable.header(allow));
            }
        }
        SecurityHeaders.apply(h::putSingle);
        h.putSingle("Date", SecurityHeaders.httpDate(clock.instant()));
        if (!h.containsKey("Cache-Control")) {
            h.putSingle("Cache-Control", "no-store");
        }
        String origin = request.getHeaderString("Origin");
        if (origin != null && cors.allows(origin)) {
            h.putSingle("Access-Control-Allow-Origin", origin);
            h.putSingle("Access-Control-Allow-Credentials", "true");
            h.putSingle("Access-Control-Allow-Methods", CorsPolicy.ALLOWED_METHODS);
            h.putSingle("Access-Control-Allow-Headers", CorsPolicy.ALLOWED_HEADERS);
            h.putSingle("Access-Control-Expose-Headers", CorsPolicy.EXPOSED_HEADERS);
            h.putSingle("Access-Control-Max-Age", "600");
            h.add("Vary", "Origin");
        }
        if (accessLog && ACCESS.isInfoEnabled()) {
            Object start = request.getProperty(START_ATTRIBUTE);
            long micros = start instanceof Long ? (System.nanoTime() - (Long) start) / 1000 : 0;
            ACCESS.info(AccessLogLine.format(request.getMethod(), rawPath(request), response.getStatus(), micros, id));
        }
    }

    /** The request's path as sent (a URI that java.net.URI refuses must not fail the answer). */
    private String rawPath(ContainerRequestContext request) {
        try {
            if (servletRequest != null) {
                return servletRequest.getRequestURI();
            }
        } catch (RuntimeException noServletContext) {
            // below
        }
        try {
            return request.getUriInfo().getRequestUri().getRawPath();
        } catch (RuntimeException notAUri) {
            return null;
        }
    }

    /** The id the Jetty edge gave the request (the same one is in the logging MDC), if it did. */
    private Object edgeRequestId() {
        try {
            return servletRequest == null ? null : servletRequest.getAttribute(REQUEST_ID_ATTRIBUTE);
        } catch (RuntimeException noServletContext) {
            return null;
        }
    }

    private void setServletAttribute(String id) {
        try {
            if (servletRequest != null) {
                servletRequest.setAttribute(REQUEST_ID_ATTRIBUTE, id);
            }
        } catch (RuntimeException noServletContext) {
            // not running in a servlet container
        }
    }
}
