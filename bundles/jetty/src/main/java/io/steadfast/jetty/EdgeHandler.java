package io.steadfast.jetty;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Hashtable;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.IntSupplier;
import java.util.function.Predicate;

import javax.servlet.ServletException;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.handler.ContextHandler;
import org.eclipse.jetty.server.handler.HandlerWrapper;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.ServiceRegistration;
import org.slf4j.MDC;

/**
 * The first handler of every request (inserted in front of Pax Web's contexts by this fragment's {@code jetty.xml}):
 * <ul>
 *   <li>a URL whose path or query is not valid percent-encoded UTF-8 ({@code %zz}, {@code %ff}, an encoded
 *       surrogate) is a 400 problem, once for every servlet context, before any of them decodes it;
 *   <li>{@code /api} (the API's context without its trailing slash, which Jetty would redirect with an empty
 *       body and an absolute URL built from the Host header) answers a 308 to the relative {@code /api/} with a
 *       problem+json body and the security headers; so does every other context's path;
 *   <li>{@code TRACE} (which Pax Web refuses with an empty 405) is a 405 problem;
 *   <li>while the node starts, every {@code /api} request is a 503 problem with {@code Retry-After}: until the
 *       platform's gate (a {@link BooleanSupplier} service with {@code steadfast.gate=api}) says the whole API is
 *       served, Jetty would otherwise answer with its own 404s, a partial OpenAPI document or the errors of a
 *       JAX-RS application being rebuilt. So is every request once a stopping node has finished the requests in
 *       flight (the gate closes again), until Jetty itself stops;
 *   <li>a request that came over TLS — to Jetty itself, or to a trusted reverse proxy that says so with {@code
 *       X-Forwarded-Proto: https} (the identity bundle's {@code clientAddress.trustedProxies}, looked up as a
 *       {@link Predicate} service with {@code steadfast.edge=trustedProxy}) — gets {@code Strict-Transport-Security}
 *       on its answer, whichever context serves it;
 *   <li>it counts the requests being served (a thread inside a handler; a request that went asynchronous, such as
 *       an event stream, no longer counts once its handler returned) and offers the count as an {@link IntSupplier}
 *       service with {@code steadfast.edge=inflight}: the platform waits for it to reach 0 when the node stops, so
 *       that requests in flight finish.
 * </ul>
 *
 * <p>It also gives every request its id — the caller's {@code X-Request-Id} when sane, a new one otherwise — as the
 * request attribute {@link EdgeRules#REQUEST_ID_ATTRIBUTE} (the API's {@code X-Request-Id} answer and its access log
 * use it) and as {@link EdgeRules#REQUEST_ID_MDC} in the logging MDC for as long as Jetty's thread serves the request,
 * so that every line logged meanwhile carries it. Here, around the whole request, rather than in a JAX-RS filter: a
 * filter's request and response phases may run on different threads, and nothing would clear what it left behind.
 * Work done later on other threads (an async response resumed, an event stream's events, the outbox) is not tagged.
 */
public class EdgeHandler extends HandlerWrapper {

    /** Seconds a client is asked to wait while the node starts. */
    static final int STARTING_RETRY_AFTER = 2;

    private static final String GATE_FILTER =
            "(&(objectClass=" + BooleanSupplier.class.getName() + ")(steadfast.gate=api))";

    /** One year: browsers keep to https for that long after an answer over https. */
    static final String HSTS = "max-age=31536000";

    private static final String TRUSTED_PROXY_FILTER =
            "(&(objectClass=" + Predicate.class.getName() + ")(steadfast.edge=trustedProxy))";

    /** The value of {@code steadfast.edge} on the service that counts the requests in flight. */
    public static final String INFLIGHT = "inflight";

    private volatile BooleanSupplier gate;
    private final AtomicInteger inFlight = new AtomicInteger();
    private volatile ServiceRegistration<IntSupplier> inFlightRegistration;

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        Bundle bundle = FrameworkUtil.getBundle(EdgeHandler.class);
        BundleContext context = bundle == null ? null : bundle.getBundleContext();
        if (context != null) {
            Hashtable<String, Object> props = new Hashtable<>();
            props.put("steadfast.edge", INFLIGHT);
            inFlightRegistration = context.registerService(IntSupplier.class, inFlight::get, props);
        }
    }

    @Override
    protected void doStop() throws Exception {
        ServiceRegistration<IntSupplier> r = inFlightRegistration;
        inFlightRegistration = null;
        if (r != null) {
            try {
                r.unregister();
            } catch (IllegalStateException alreadyGone) {
                // the bundle stopped first
            }
        }
        super.doStop();
    }

    /** The requests being served now. */
    int inFlight() {
        return inFlight.get();
    }

    @Override
    public void handle(String target, Request baseRequest, HttpServletRequest request, HttpServletResponse response)
            throws IOException, ServletException {
        inFlight.incrementAndGet();
        try {
            edge(target, baseRequest, request, response);
        } finally {
            inFlight.decrementAndGet();
        }
    }

    private void edge(String target, Request baseRequest, HttpServletRequest request, HttpServletResponse response)
            throws IOException, ServletException {
        String id = requestId(request);
        MDC.put(EdgeRules.REQUEST_ID_MDC, id);
        try {
            serve(target, baseRequest, request, response, id);
        } finally {
            // Jetty's threads serve one request after another: the next one must not carry this id
            MDC.remove(EdgeRules.REQUEST_ID_MDC);
        }
    }

    /**
     * The request's id: the one chosen when Jetty first dispatched it (an async or error dispatch comes here again),
     * else its {@code X-Request-Id} when sane, else a new one.
     */
    private static String requestId(HttpServletRequest request) {
        Object chosen = request.getAttribute(EdgeRules.REQUEST_ID_ATTRIBUTE);
        if (chosen instanceof String) {
            return (String) chosen;
        }
        String id = EdgeRules.requestId(request.getHeader("X-Request-Id"));
        request.setAttribute(EdgeRules.REQUEST_ID_ATTRIBUTE, id);
        return id;
    }

    private void serve(
            String target, Request baseRequest, HttpServletRequest request, HttpServletResponse response, String id)
            throws IOException, ServletException {
        String rawPath = baseRequest.getHttpURI().getPath();
        String rawQuery = baseRequest.getHttpURI().getQuery();
        String invalid = EdgeRules.invalidEncoding(rawPath, rawQuery);
        boolean body = !"HEAD".equals(request.getMethod());
        // the answers made here carry the request's id (the API's answers set it again, to the same)
        response.setHeader("X-Request-Id", id);
        if (invalid != null) {
            baseRequest.setHandled(true);
            ProblemErrorHandler.respond(response, 400, rawPath, invalid, body);
            return;
        }
        if ("TRACE".equals(request.getMethod()) || "TRACK".equals(request.getMethod())) {
            // Pax Web refuses TRACE (cross-site tracing); say so in the same shape as every other error
            baseRequest.setHandled(true);
            ProblemErrorHandler.respond(
                    response, 405, rawPath, "Method " + request.getMethod() + " is not allowed", body);
            return;
        }
        if (overTls(baseRequest)) {
            response.setHeader("Strict-Transport-Security", HSTS);
        }
        if (EdgeRules.isApi(rawPath) && !apiOpen()) {
            baseRequest.setHandled(true);
            response.setHeader("Retry-After", Integer.toString(STARTING_RETRY_AFTER));
            ProblemErrorHandler.respond(
                    response,
                    503,
                    rawPath,
                    "The server is starting or stopping; try again in " + STARTING_RETRY_AFTER + " seconds",
                    body);
            return;
        }
        if (isContextRoot(rawPath)) {
            baseRequest.setHandled(true);
            String location = rawPath + "/" + (rawQuery == null ? "" : "?" + rawQuery);
            response.setStatus(308);
            response.setHeader("Location", location);
            EdgeRules.securityHeaders(response::setHeader);
            response.setContentType(EdgeRules.PROBLEM_JSON);
            byte[] bytes = EdgeRules.problemJson(
                            308,
                            "The API is at /api/ (with the slash); its OpenAPI document at /api/openapi.json",
                            "/api",
                            id)
                    .getBytes(StandardCharsets.UTF_8);
            response.setContentLength(bytes.length);
            if (body) {
                response.getOutputStream().write(bytes);
            }
            return;
        }
        super.handle(target, baseRequest, request, response);
    }

    /** Whether the request came over TLS, to Jetty or to a trusted proxy in front of it. */
    private boolean overTls(Request request) {
        if (request.isSecure()) {
            return true;
        }
        String proto = request.getHeader("X-Forwarded-Proto");
        return proto != null && "https".equalsIgnoreCase(proto.trim()) && trustedProxy(request.getRemoteAddr());
    }

    /** Whether the peer is a trusted reverse proxy (the identity bundle says; none while it is not there). */
    private boolean trustedProxy(String peer) {
        Bundle bundle = FrameworkUtil.getBundle(EdgeHandler.class);
        BundleContext context = bundle == null ? null : bundle.getBundleContext();
        if (context == null || peer == null) {
            return false;
        }
        try {
            ServiceReference<?>[] refs = context.getServiceReferences((String) null, TRUSTED_PROXY_FILTER);
            if (refs == null) {
                return false;
            }
            Object check = context.getService(refs[0]);
            try {
                @SuppressWarnings("unchecked")
                boolean trusted = check instanceof Predicate && ((Predicate<String>) check).test(peer);
                return trusted;
            } finally {
                context.ungetService(refs[0]);
            }
        } catch (InvalidSyntaxException | IllegalStateException e) {
            return false;
        }
    }

    /**
     * Whether the platform's gate says the API is served; outside OSGi (unit tests) it is always open. The gate
     * found is kept and asked on every request (a volatile read); it is looked up again only while it says no (the
     * node starts, or stops: the platform closes it once the requests in flight finished, so that nothing reaches
     * bundles that are stopping).
     */
    private boolean apiOpen() {
        BooleanSupplier known = gate;
        if (known != null && known.getAsBoolean()) {
            return true;
        }
        Bundle bundle = FrameworkUtil.getBundle(EdgeHandler.class);
        if (bundle == null) {
            gate = () -> true;
            return true;
        }
        BundleContext context = bundle.getBundleContext();
        if (context == null) {
            return false;
        }
        try {
            ServiceReference<?>[] refs = context.getServiceReferences((String) null, GATE_FILTER);
            if (refs == null) {
                return false;
            }
            Object found = context.getService(refs[0]);
            context.ungetService(refs[0]);
            if (found instanceof BooleanSupplier) {
                gate = (BooleanSupplier) found;
                return ((BooleanSupplier) found).getAsBoolean();
            }
            return false;
        } catch (InvalidSyntaxException | IllegalStateException e) {
            return false;
        }
    }

    /**
     * Whether the path is a servlet context's path without its trailing slash ({@code /api}), which Jetty answers
     * with a redirect of its own. Only a single segment is looked up (every context of the server is one).
     */
    private boolean isContextRoot(String rawPath) {
        if (rawPath == null || rawPath.length() < 2 || rawPath.indexOf('/', 1) >= 0 || getServer() == null) {
            return false;
        }
        if ("/api".equals(rawPath)) {
            return true;
        }
        for (Handler h : getServer().getChildHandlersByClass(ContextHandler.class)) {
            if (rawPath.equals(((ContextHandler) h).getContextPath())) {
                return true;
            }
        }
        return false;
    }
}
