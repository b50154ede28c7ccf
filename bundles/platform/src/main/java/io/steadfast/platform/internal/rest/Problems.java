package io.steadfast.platform.internal.rest;

import java.util.List;
import java.util.Map;

import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.core.Response;

import io.steadfast.api.error.FieldError;
import io.steadfast.platform.rest.RestApi;

/** Builds problem+json responses. */
public final class Problems {

    private Problems() {}

    public static Response response(
            HttpServletRequest request,
            int status,
            String slug,
            String title,
            String detail,
            List<FieldError> errors,
            Map<String, String> headers) {
        String instance = null;
        String requestId = null;
        if (request != null) {
            try {
                instance = request.getRequestURI();
                Object id = request.getAttribute(RequestFilter.REQUEST_ID_ATTRIBUTE);
                requestId = id == null ? null : id.toString();
            } catch (RuntimeException outsideRequest) {
                // a proxy used outside a request: leave them out
            }
        }
        Problem p = new Problem(
                Problem.TYPE_PREFIX + slug,
                title,
                status,
                detail,
                instance,
                requestId,
                errors == null || errors.isEmpty() ? null : errors);
        Response.ResponseBuilder b =
                Response.status(status).type(RestApi.PROBLEM_JSON).entity(p);
        if (headers != null) {
            headers.forEach(b::header);
        }
        return b.build();
    }

    /** The slug and title for a bare HTTP status. */
    public static String[] describe(int status) {
        switch (status) {
            case 400:
                return new String[] {"bad-request", "Bad Request"};
            case 401:
                return new String[] {"unauthorized", "Unauthorized"};
            case 403:
                return new String[] {"forbidden", "Forbidden"};
            case 404:
                return new String[] {"not-found", "Not Found"};
            case 405:
                return new String[] {"method-not-allowed", "Method Not Allowed"};
            case 406:
                return new String[] {"not-acceptable", "Not Acceptable"};
            case 409:
                return new String[] {"conflict", "Conflict"};
            case 413:
                return new String[] {"payload-too-large", "Payload Too Large"};
            case 415:
                return new String[] {"unsupported-media-type", "Unsupported Media Type"};
            case 422:
                return new String[] {"validation-failed", "Unprocessable Content"};
            case 429:
                return new String[] {"too-many-requests", "Too Many Requests"};
            case 503:
                return new String[] {"unavailable", "Service Unavailable"};
            default:
                Response.Status s = Response.Status.fromStatusCode(status);
                String title = s == null ? "HTTP " + status : s.getReasonPhrase();
                return new String[] {status >= 500 ? "server-error" : "client-error", title};
        }
    }
}
