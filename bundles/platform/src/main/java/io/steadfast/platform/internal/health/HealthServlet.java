package io.steadfast.platform.internal.health;

import java.io.IOException;
import java.time.Clock;
import java.util.Map;

import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletPattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.steadfast.api.health.HealthIndicator;
import io.steadfast.platform.internal.rest.AccessLogLine;
import io.steadfast.platform.internal.rest.JsonMapper;
import io.steadfast.platform.internal.rest.RequestFilter;
import io.steadfast.platform.internal.rest.RequestIds;
import io.steadfast.platform.internal.rest.SecurityHeaders;

/** Serves {@code /health}, {@code /health/live} and {@code /health/ready} (see {@link HealthApi}). Public. */
@Component(service = Servlet.class)
@HttpWhiteboardServletName("steadfast-health")
@HttpWhiteboardServletPattern({"/health", "/health/live", "/health/ready"})
public class HealthServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger ACCESS = LoggerFactory.getLogger("io.steadfast.access");

    private final transient HealthAggregator aggregator = new HealthAggregator();
    private final transient ObjectMapper mapper = JsonMapper.create();
    private final transient Clock clock;

    @Activate
    public HealthServlet(@Reference Clock clock) {
        this.clock = clock;
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addIndicator(HealthIndicator indicator, Map<String, Object> props) {
        Object r = props.get("service.ranking");
        aggregator.add(indicator, r instanceof Integer ? (Integer) r : 0);
    }

    void removeIndicator(HealthIndicator indicator) {
        aggregator.remove(indicator);
    }

    @Override
    protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        long start = System.nanoTime();
        String id = RequestIds.accept(req.getHeader(RequestFilter.HEADER));
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
                report = aggregator.readiness();
            } else {
                report = aggregator.full();
            }
            resp.setStatus(report.healthy() ? 200 : 503);
            resp.setContentType("application/json");
            if ("GET".equals(req.getMethod())) {
                mapper.writeValue(resp.getOutputStream(), report);
            }
        }
        if (ACCESS.isInfoEnabled()) {
            ACCESS.info(AccessLogLine.format(
                    req.getMethod(), req.getRequestURI(), resp.getStatus(), (System.nanoTime() - start) / 1000, id));
        }
    }
}
