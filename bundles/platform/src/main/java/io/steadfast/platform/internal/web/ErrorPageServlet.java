package io.steadfast.platform.internal.web;

import java.io.IOException;
import java.time.Clock;

import javax.servlet.RequestDispatcher;
import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardContextSelect;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletErrorPage;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletName;

import io.steadfast.platform.internal.rest.Problems;

/**
 * The error page of every servlet context (the API's, the root, any later one): an error that Jetty or Pax Web
 * answers inside a context — a servlet's {@code sendError}, a refused {@code TRACE}, a query Jetty cannot parse —
 * is problem+json under {@code /api} and {@code /health} and a small HTML page elsewhere, always with the API's
 * security headers. (What Jetty refuses before any context is the {@code io.steadfast.jetty} fragment's.)
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletName("steadfast-error-page")
@HttpWhiteboardServletErrorPage(errorPage = {"4xx", "5xx"})
@HttpWhiteboardContextSelect("(osgi.http.whiteboard.context.name=*)")
public class ErrorPageServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    private final transient Clock clock;

    @Activate
    public ErrorPageServlet(@Reference Clock clock) {
        this.clock = clock;
    }

    @Override
    protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        Object code = req.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer ? (Integer) code : resp.getStatus();
        Object uri = req.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String path = uri == null ? req.getRequestURI() : uri.toString();
        EdgeAnswers.error(req, resp, clock, status, path, detail(status, req));
    }

    static String detail(int status, HttpServletRequest req) {
        switch (status) {
            case 404:
                return "Nothing at this path";
            case 405:
                return "Method " + req.getMethod() + " is not allowed here";
            case 400:
                return "The request could not be read: check the URL's percent-encoding and the headers";
            default:
                return status >= 500
                        ? "The server could not complete the request; quote the request id when reporting it"
                        : Problems.describe(status)[1];
        }
    }
}
