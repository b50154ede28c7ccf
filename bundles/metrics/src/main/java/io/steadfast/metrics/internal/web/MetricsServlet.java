package io.steadfast.metrics.internal.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletPattern;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.steadfast.metrics.internal.BearerToken;
import io.steadfast.metrics.internal.MetricsConfig;
import io.steadfast.metrics.internal.PrometheusMetrics;

/**
 * Serves {@code /metrics} on the main port, outside {@code /api} (no session, no rate limit, no startup gate: a
 * scraper sees a node that is still starting). Only for the bearer token of the configuration: without one the path
 * answers 404 like any unknown path (metrics are off), a request without the token or with another one 401. Scrapes
 * are not written to the access log (one line every few seconds per scraper would drown it).
 */
@Component(
        service = Servlet.class,
        configurationPid = MetricsConfig.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = MetricsConfig.class)
@HttpWhiteboardServletName("steadfast-metrics")
@HttpWhiteboardServletPattern(MetricsServlet.PATH)
public class MetricsServlet extends HttpServlet {

    public static final String PATH = "/metrics";

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(MetricsServlet.class);

    private final transient PrometheusMetrics metrics;
    private transient volatile Optional<BearerToken> token = Optional.empty();

    @Activate
    public MetricsServlet(@Reference PrometheusMetrics metrics, MetricsConfig config) {
        this.metrics = metrics;
        configure(config);
    }

    @Modified
    void configure(MetricsConfig config) {
        BearerToken.Resolved r = BearerToken.resolve(System.getenv(MetricsConfig.ENV_TOKEN), config.metrics_token());
        r.problem()
                .ifPresent(p -> LOG.error(
                        "Metrics are off: the token in {} {}; /metrics answers 404 until it is fixed",
                        p.source(),
                        p.reason()));
        if (r.token().isPresent()) {
            LOG.info(
                    "Metrics are served at {} to the bearer token of {}",
                    PATH,
                    r.token().get().source());
        } else if (r.problem().isEmpty()) {
            LOG.info(
                    "Metrics are off: set {} (or metrics.token in etc/{}.cfg) to serve them at {}",
                    MetricsConfig.ENV_TOKEN,
                    MetricsConfig.PID,
                    PATH);
        }
        this.token = r.token();
    }

    /** What a request gets: the status, and for a refusal the problem's detail. */
    record Answer(int status, String detail) {}

    /** The answer to a request with this method and {@code Authorization} header. Plain Java. */
    static Answer answer(Optional<BearerToken> token, String method, String authorization) {
        if (token.isEmpty()) {
            return new Answer(404, null);
        }
        if ("OPTIONS".equals(method)) {
            return new Answer(204, null);
        }
        if (!"GET".equals(method) && !"HEAD".equals(method)) {
            return new Answer(405, "Use GET");
        }
        if (!token.get().admits(authorization)) {
            return new Answer(
                    401,
                    authorization == null
                            ? "Send the metrics token: Authorization: Bearer <token>"
                            : "The metrics token is not the one configured");
        }
        return new Answer(200, null);
    }

    @Override
    protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        Answer a = answer(token, req.getMethod(), req.getHeader("Authorization"));
        resp.setHeader("Cache-Control", "no-store");
        resp.setHeader("X-Content-Type-Options", "nosniff");
        switch (a.status()) {
            case 404 -> resp.sendError(404); // the error page every unknown path gets
            case 204 -> {
                resp.setHeader("Allow", "GET, HEAD, OPTIONS");
                resp.setStatus(204);
            }
            case 200 -> {
                byte[] body = metrics.scrape().getBytes(StandardCharsets.UTF_8);
                resp.setStatus(200);
                resp.setContentType(PrometheusMetrics.CONTENT_TYPE);
                resp.setContentLength(body.length);
                if ("GET".equals(req.getMethod())) {
                    resp.getOutputStream().write(body);
                }
            }
            default -> {
                if (a.status() == 401) {
                    resp.setHeader("WWW-Authenticate", "Bearer realm=\"metrics\"");
                } else if (a.status() == 405) {
                    resp.setHeader("Allow", "GET, HEAD, OPTIONS");
                }
                problem(resp, a.status(), a.detail());
            }
        }
    }

    private static void problem(HttpServletResponse resp, int status, String detail) throws IOException {
        String title = status == 401 ? "Unauthorized" : "Method Not Allowed";
        String type = status == 401 ? "unauthorized" : "method-not-allowed";
        // every value is one of the constants above: no escaping needed
        String json = "{\"type\":\"urn:steadfast:problem:" + type + "\",\"title\":\"" + title + "\",\"status\":"
                + status + ",\"detail\":\"" + detail + "\",\"instance\":\"" + PATH + "\"}";
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        resp.setStatus(status);
        resp.setContentType("application/problem+json");
        resp.setContentLength(body.length);
        resp.getOutputStream().write(body);
    }
}
