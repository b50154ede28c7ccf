package io.steadfast.platform.internal.health;

import java.io.IOException;
import java.time.Clock;
import java.util.Map;

import javax.servlet.Servlet;
import javax.servlet.http.Cookie;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletPattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.steadfast.api.auth.AuthenticatedUser;
import io.steadfast.api.auth.Authenticator;
import io.steadfast.platform.internal.rest.AccessLogLine;
import io.steadfast.platform.internal.rest.JsonMapper;
import io.steadfast.platform.internal.rest.RequestFilter;
import io.steadfast.platform.internal.rest.RequestIds;
import io.steadfast.platform.internal.rest.SecurityHeaders;
import io.steadfast.platform.rest.SessionCookies;

/**
 * Serves {@code /health}, {@code /health/live} and {@code /health/ready} (see {@link HealthApi}). Public, but only
 * an admin (a bearer token or the session cookie of an admin) sees which part is unhealthy and why; anyone else
 * gets the status and counts, which name nothing inside.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletName("steadfast-health")
@HttpWhiteboardServletPattern({"/health", "/health/live", "/health/ready"})
public class HealthServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger ACCESS = LoggerFactory.getLogger("io.steadfast.access");

    private final transient ObjectMapper mapper = JsonMapper.create();
    private final transient Clock clock;
    private final transient Readiness readiness;

    @Reference(
            cardinality = ReferenceCardinality.OPTIONAL,
            policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    transient volatile Authenticator authenticator;

    @Activate
    public HealthServlet(@Reference Clock clock, @Reference Readiness readiness) {
        this.clock = clock;
        this.readiness = readiness;
    }

    /** Whether the request carries the bearer token or the session cookie of an admin. */
    private boolean isAdmin(HttpServletRequest req) {
        Authenticator a = authenticator;
        if (a == null) {
            return false;
        }
        String token = null;
        String header = req.getHeader("Authorization");
        if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            token = header.substring(7).trim();
        } else if (header == null && req.getCookies() != null) {
            for (Cookie c : req.getCookies()) {
                if (SessionCookies.SESSION.equals(c.getName())) {
                    token = c.getValue();
                }
            }
        }
        if (token == null || token.isEmpty()) {
            return false;
        }
        try {
            return a.authenticate(token).map(AuthenticatedUser::isAdmin).orElse(false);
        } catch (RuntimeException e) {
            return false;
        }
    }

    @Override
    protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        long start = System.nanoTime();
        String id = RequestIds.accept(
                req.getAttribute(RequestFilter.REQUEST_ID_ATTRIBUTE), req.getHeader(RequestFilter.HEADER));
        resp.setHeader(RequestFilter.HEADER, id);
        SecurityHeaders.apply(resp::setHeader);
        resp.setHeader("Date", SecurityHeaders.httpDate(clock.instant()));
        resp.setHeader("Cache-Control", "no-store");
        String path = req.getServletPath();
        HealthAggregator.Report report;
        if ("OPTIONS".equals(req.getMethod())) {
            resp.setHeader("Allow", "GET, HEAD, OPTIONS");
            resp.setStatus(204);
        } else if (!"GET".equals(req.getMethod()) && !"HEAD".equals(req.getMethod())) {
            resp.setHeader("Allow", "GET, HEAD, OPTIONS");
            resp.setStatus(405);
            resp.setContentType("application/problem+json");
            mapper.writeValue(
                    resp.getOutputStream(),
                    Map.of(
                            "type",
                            "urn:steadfast:problem:method-not-allowed",
                            "title",
                            "Method Not Allowed",
                            "status",
                            405,
                            "detail",
                            "Use GET",
                            "instance",
                            path,
                            "requestId",
                            id));
        } else {
            if ("/health/live".equals(path)) {
                report = new HealthAggregator.Report("healthy", Map.of());
            } else if ("/health/ready".equals(path)) {
                report = readiness.readiness();
            } else {
                report = readiness.full();
            }
            resp.setStatus(report.healthy() ? 200 : 503);
            resp.setContentType("application/json");
            if ("GET".equals(req.getMethod())) {
                boolean details = report.services().isEmpty() || isAdmin(req);
                mapper.writeValue(resp.getOutputStream(), details ? report : report.summary());
            }
        }
        if (ACCESS.isInfoEnabled()) {
            ACCESS.info(AccessLogLine.format(
                    req.getMethod(), req.getRequestURI(), resp.getStatus(), (System.nanoTime() - start) / 1000, id));
        }
    }
}
