package io.steadfast.jetty;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import javax.servlet.RequestDispatcher;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.handler.ErrorHandler;

/**
 * The Jetty server's own error handler (set in this fragment's {@code jetty.xml}): what Jetty answers before a
 * request reaches any servlet context — a malformed request line, a {@code %00} or other refused URL, 414 URI Too
 * Long, 431 Request Header Fields Too Large, 505 — is problem+json with the API's security headers, never Jetty's HTML
 * page. Errors inside a servlet context go to the platform's error page servlet instead.
 */
public class ProblemErrorHandler extends ErrorHandler {

    public ProblemErrorHandler() {
        setShowStacks(false);
        setShowServlet(false);
    }

    /** Errors of every method get a body, not only GET, POST and HEAD. */
    @Override
    public boolean errorPageForMethod(String method) {
        return true;
    }

    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields fields) {
        EdgeRules.securityHeaders(fields::put);
        String id = EdgeRules.newRequestId();
        fields.put("X-Request-Id", id);
        fields.put(HttpHeader.CONTENT_TYPE, EdgeRules.PROBLEM_JSON);
        String body = EdgeRules.problemJson(status, EdgeRules.badMessageDetail(status, reason), null, id);
        return ByteBuffer.wrap(body.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    protected void generateAcceptableResponse(
            Request baseRequest, HttpServletRequest request, HttpServletResponse response, int code, String message)
            throws IOException {
        write(baseRequest, request, response, code, message);
    }

    /** Writes the error answer for {@code path}: problem+json under /api and /health, a small page elsewhere. */
    static void write(
            Request baseRequest, HttpServletRequest request, HttpServletResponse response, int code, String message)
            throws IOException {
        baseRequest.setHandled(true);
        if (response.isCommitted()) {
            return;
        }
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String path = uri == null ? request.getRequestURI() : uri.toString();
        String detail = code == 404
                ? "Nothing at this path"
                : code == 405
                        ? "Method " + request.getMethod() + " is not allowed here"
                        : EdgeRules.badMessageDetail(code, message);
        respond(response, code, path, detail, !"HEAD".equals(request.getMethod()));
    }

    /** Sets the status, the headers and the body of an answer the edge makes itself. */
    static void respond(HttpServletResponse response, int code, String path, String detail, boolean body)
            throws IOException {
        response.resetBuffer();
        response.setStatus(code);
        EdgeRules.securityHeaders(response::setHeader);
        String id = response.getHeader("X-Request-Id");
        if (id == null) {
            id = EdgeRules.newRequestId();
            response.setHeader("X-Request-Id", id);
        }
        String text;
        if (EdgeRules.wantsProblem(path)) {
            response.setContentType(EdgeRules.PROBLEM_JSON);
            text = EdgeRules.problemJson(code, detail, path, id);
        } else {
            response.setContentType("text/html;charset=utf-8");
            response.setHeader("Content-Security-Policy", EdgeRules.HTML_CSP);
            text = EdgeRules.errorPage(code, detail);
        }
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        response.setContentLength(bytes.length);
        if (body) {
            response.getOutputStream().write(bytes);
        }
    }
}
