package io.steadfast.platform.internal.rest;

import java.util.HashMap;
import java.util.Map;

import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.WebApplicationException;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.Response;
import javax.ws.rs.ext.ExceptionMapper;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtension;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsName;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.steadfast.platform.rest.RestApi;

/**
 * JAX-RS's own errors (no such resource 404, wrong method 405, unsupported media type 415, a body that cannot be
 * read 400, ...) → problem+json with the same status, keeping headers such as {@code Allow}.
 */
@Component(service = ExceptionMapper.class)
@JaxrsExtension
@JaxrsName("steadfast.problem.jaxrs")
@JaxrsApplicationSelect(RestApi.ALL_APPS_SELECT)
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

    private static final Logger LOG = LoggerFactory.getLogger(WebApplicationExceptionMapper.class);

    @Context
    HttpServletRequest request;

    @Override
    public Response toResponse(WebApplicationException e) {
        JsonProcessingException json = JsonErrors.find(e);
        if (json != null) {
            return JsonErrors.response(request, json);
        }
        Response original = e.getResponse();
        int status = original == null ? 500 : original.getStatus();
        if (status == 404 && e.getCause() != null && !(e.getCause() instanceof WebApplicationException)) {
            // JAX-RS answers a query or path parameter it cannot convert (?year=abc) with 404: say what it is
            return Problems.response(
                    request,
                    400,
                    "bad-request",
                    "Bad Request",
                    "A query or path parameter has an invalid value" + paramHint(e.getCause()),
                    null,
                    null);
        }
        String[] d = Problems.describe(status);
        Map<String, String> headers = new HashMap<>();
        if (original != null) {
            copy(original, HttpHeaders.ALLOW, headers);
            copy(original, HttpHeaders.RETRY_AFTER, headers);
            copy(original, HttpHeaders.WWW_AUTHENTICATE, headers);
        }
        String detail;
        if (status >= 500) {
            LOG.error("Request {} failed with {}: {}", path(), status, e.toString());
            detail = "The server could not complete the request";
        } else {
            detail = detail(status, e);
        }
        return Problems.response(request, status, d[0], d[1], detail, null, headers);
    }

    private String detail(int status, WebApplicationException e) {
        switch (status) {
            case 404:
                return "No resource at " + path();
            case 405:
                return "Method " + method() + " is not allowed on " + path();
            case 415:
                return e.getMessage() == null || e.getMessage().startsWith("HTTP ")
                        ? "Send the request body as application/json"
                        : e.getMessage();
            case 413:
                return e.getMessage() == null ? "The request body is too large" : e.getMessage();
            case 406:
                return "This resource answers application/json";
            case 400:
                return "The request could not be read";
            default:
                String m = e.getMessage();
                return m == null || m.startsWith("HTTP ") ? Problems.describe(status)[1] : m;
        }
    }

    private static String paramHint(Throwable cause) {
        String m = cause.getMessage();
        if (m == null || m.length() > 120 || m.contains("Exception") || m.contains("java.")) {
            return "";
        }
        return ": " + m;
    }

    private String path() {
        try {
            return request == null ? "this path" : request.getRequestURI();
        } catch (RuntimeException e) {
            return "this path";
        }
    }

    private String method() {
        try {
            return request == null ? "" : request.getMethod();
        } catch (RuntimeException e) {
            return "";
        }
    }

    private static void copy(Response r, String name, Map<String, String> into) {
        String v = r.getHeaderString(name);
        if (v != null) {
            into.put(name, v);
        }
    }
}
