package io.steadfast.web.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Map;

import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletPattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves the web app from this bundle's {@code /web} folder at the root of the server (see {@link WebRules} for
 * what it answers).
 * <p>
 * It is the root context's default servlet ({@code "/"}), which the servlet container gives only the requests
 * that no other servlet's pattern takes: the JAX-RS application has a servlet context of its own at {@code /api},
 * the health servlet its exact paths ({@code /health}, {@code /health/live}, {@code /health/ready}). Its service
 * ranking (0) is above the platform's landing page (also {@code "/"}, ranked {@link Integer#MIN_VALUE}), which
 * this servlet replaces while the bundle runs and which comes back when it stops. Errors ({@code 404},
 * {@code 405}) go through {@code sendError}, so that the platform's error page answers them as it answers
 * everywhere else (problem+json under {@code /health}, a small HTML page elsewhere).
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletName("steadfast-web")
@HttpWhiteboardServletPattern("/")
public class WebAppServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(WebAppServlet.class);

    private final transient AssetCatalog catalog;
    private final transient WebRules rules;

    /** Indexes the app's files in this bundle; fails (and so is not registered) when the bundle has no app. */
    @Activate
    public WebAppServlet(BundleContext context) {
        this(AssetCatalog.of(new BundleAssetSource(context.getBundle())));
        LOG.debug("Serving the web app at / ({} files)", catalog.size());
    }

    WebAppServlet(AssetCatalog catalog) {
        if (catalog.find(WebRules.INDEX).isEmpty()) {
            throw new IllegalStateException("The bundle has no web" + WebRules.INDEX
                    + ": it was built without the app (the npm build did not run)");
        }
        this.catalog = catalog;
        this.rules = new WebRules(catalog);
    }

    @Override
    protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        WebRules.Reply reply = rules.decide(new WebRules.Request(
                req.getMethod(),
                path(req),
                req.getHeader("Accept"),
                req.getHeader("Accept-Encoding"),
                req.getHeader("If-None-Match")));
        for (Map.Entry<String, String> h : reply.headers().entrySet()) {
            resp.setHeader(h.getKey(), h.getValue());
        }
        switch (reply.kind()) {
            case ERROR:
                resp.sendError(reply.status());
                return;
            case CONTENT:
                resp.setStatus(reply.status());
                if (!"HEAD".equals(req.getMethod())) {
                    copy(reply, resp);
                }
                return;
            default:
                resp.setStatus(reply.status());
        }
    }

    private void copy(WebRules.Reply reply, HttpServletResponse resp) throws IOException {
        try (InputStream in = catalog.open(reply.asset(), reply.encoding())) {
            OutputStream out = resp.getOutputStream();
            in.transferTo(out);
        }
    }

    /** The request's path within the root context, decoded by the container. */
    static String path(HttpServletRequest req) {
        String servletPath = req.getServletPath() == null ? "" : req.getServletPath();
        String pathInfo = req.getPathInfo() == null ? "" : req.getPathInfo();
        String path = servletPath + pathInfo;
        return path.isEmpty() ? "/" : path;
    }
}
