package io.steadfast.platform.internal.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;

import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.steadfast.platform.internal.rest.JsonMapper;
import io.steadfast.platform.internal.rest.Problem;
import io.steadfast.platform.internal.rest.Problems;
import io.steadfast.platform.internal.rest.RequestFilter;
import io.steadfast.platform.internal.rest.RequestIds;
import io.steadfast.platform.internal.rest.SecurityHeaders;
import io.steadfast.platform.rest.RestApi;

/** Writes the answers of the servlets outside JAX-RS (errors, the landing page) with the API's headers. */
final class EdgeAnswers {

    private static final ObjectMapper JSON = JsonMapper.create();

    private EdgeAnswers() {}

    /** The request id, the security headers, {@code Date} from the clock and {@code Cache-Control}. */
    static String headers(HttpServletRequest req, HttpServletResponse resp, Clock clock) {
        String id = resp.getHeader(RequestFilter.HEADER);
        if (id == null) {
            id = RequestIds.accept(req.getHeader(RequestFilter.HEADER));
        }
        resp.setHeader(RequestFilter.HEADER, id);
        SecurityHeaders.apply(resp::setHeader);
        resp.setHeader("Date", SecurityHeaders.httpDate(clock.instant()));
        resp.setHeader("Cache-Control", "no-store");
        return id;
    }

    /** An error: problem+json under /api and /health, a small HTML page elsewhere. */
    static void error(
            HttpServletRequest req, HttpServletResponse resp, Clock clock, int status, String path, String detail)
            throws IOException {
        if (resp.isCommitted()) {
            return;
        }
        resp.resetBuffer();
        String id = headers(req, resp, clock);
        resp.setStatus(status);
        String[] d = Problems.describe(status);
        byte[] body;
        if (Pages.wantsProblem(path)) {
            resp.setContentType(RestApi.PROBLEM_JSON);
            body = JSON.writeValueAsBytes(
                    new Problem(Problem.TYPE_PREFIX + d[0], d[1], status, detail, path, id, null));
        } else {
            resp.setContentType("text/html;charset=utf-8");
            resp.setHeader("Content-Security-Policy", Pages.CSP);
            body = Pages.error(status, d[1], detail).getBytes(StandardCharsets.UTF_8);
        }
        write(req, resp, body);
    }

    static void write(HttpServletRequest req, HttpServletResponse resp, byte[] body) throws IOException {
        resp.setContentLength(body.length);
        if (!"HEAD".equals(req.getMethod())) {
            resp.getOutputStream().write(body);
        }
    }
}
