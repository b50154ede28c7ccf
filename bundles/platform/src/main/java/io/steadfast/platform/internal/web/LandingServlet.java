package io.steadfast.platform.internal.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;

import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.propertytypes.ServiceRanking;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/**
 * The root of the server until the web app takes it over: {@code GET /} answers a small page that says where the
 * API, its OpenAPI document and health are; any other path of the root context (outside {@code /api}) is a 404
 * page, problem+json under {@code /health}.
 * <p>
 * It is the root context's default servlet ({@code "/"}) with the lowest service ranking, so a web-app bundle that
 * registers a servlet or resources at {@code "/"} (any ranking above {@link Integer#MIN_VALUE}) or {@code "/*"}
 * replaces it without configuration, and it comes back when that bundle goes.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletName("steadfast-landing")
@HttpWhiteboardServletPattern("/")
@ServiceRanking(Integer.MIN_VALUE)
public class LandingServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    private final transient Clock clock;

    @Activate
    public LandingServlet(@Reference Clock clock) {
        this.clock = clock;
    }

    @Override
    protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String path = req.getRequestURI();
        if (!"/".equals(path)) {
            EdgeAnswers.error(req, resp, clock, 404, path, "Nothing at this path");
            return;
        }
        String method = req.getMethod();
        if ("OPTIONS".equals(method)) {
            EdgeAnswers.headers(req, resp, clock);
            resp.setHeader("Allow", "GET, HEAD, OPTIONS");
            resp.setStatus(204);
            return;
        }
        if (!"GET".equals(method) && !"HEAD".equals(method)) {
            resp.setHeader("Allow", "GET, HEAD, OPTIONS");
            EdgeAnswers.error(req, resp, clock, 405, path, "Method " + method + " is not allowed here; use GET");
            return;
        }
        EdgeAnswers.headers(req, resp, clock);
        resp.setHeader("Content-Security-Policy", Pages.CSP);
        resp.setHeader("Cache-Control", "no-cache");
        resp.setStatus(200);
        resp.setContentType("text/html;charset=utf-8");
        EdgeAnswers.write(req, resp, Pages.landing().getBytes(StandardCharsets.UTF_8));
    }
}
